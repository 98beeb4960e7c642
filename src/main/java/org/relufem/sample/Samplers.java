package org.relufem.sample;

import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.relufem.target.Box;
import org.relufem.target.Target;

/** Builds sample sets over a target's box. */
public final class Samplers {
    private Samplers() {
    }

    /** The target at the n^d nodes of the tensor grid over its box, boundary included. */
    public static SampleSet grid(Target target, int n) {
        TensorGrid grid = new TensorGrid(target.domain(), n);
        double[] points = grid.nodes();
        return new SampleSet(grid.dimension(), points, evaluate(target, points), grid);
    }

    /** The target at {@code count} uniform random points of its box, drawn from the training stream of {@code seed}. */
    public static SampleSet uniform(Target target, int count, long seed) {
        return uniform(target, count, RandomStreams.of(seed, RandomStreams.TRAIN));
    }

    /**
     * The target at the first {@code count} points of the Sobol sequence (Joe &amp; Kuo direction
     * numbers, as Apache Commons Math implements it) mapped onto its box, the origin included:
     * dropping it would break the net property of the first 2^k points (Owen 2020, "On dropping
     * the first Sobol' point"). Deterministic: no seed.
     */
    public static SampleSet sobol(Target target, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("points must be >= 1, got " + count);
        }
        Box box = target.domain();
        int d = box.dimension();
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
        double[] points = new double[count * d];
        for (int i = 0; i < count; i++) {
            double[] u = sobol.nextVector();
            for (int k = 0; k < d; k++) {
                points[i * d + k] = box.lower(k) + box.width(k) * u[k];
            }
        }
        return new SampleSet(d, points, evaluate(target, points), null);
    }

    /** The target at {@code points} (row-major, in its box), as scattered data. */
    public static SampleSet at(Target target, double[] points) {
        return new SampleSet(target.dimension(), points, evaluate(target, points), null);
    }

    /** The test set: {@code count} uniform random points from the test stream of {@code testSeed}. */
    public static SampleSet test(Target target, int count, long testSeed) {
        return uniform(target, count, RandomStreams.of(testSeed, RandomStreams.TEST));
    }

    /** Uniform random points of {@code box}, row-major; a point's coordinates are drawn axis by axis. */
    public static double[] uniformPoints(Box box, int count, SplittableRandom random) {
        if (count < 1) {
            throw new IllegalArgumentException("points must be >= 1, got " + count);
        }
        int d = box.dimension();
        double[] p = new double[count * d];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < d; k++) {
                p[i * d + k] = box.lower(k) + box.width(k) * random.nextDouble();
            }
        }
        return p;
    }

    private static SampleSet uniform(Target target, int count, SplittableRandom random) {
        double[] points = uniformPoints(target.domain(), count, random);
        return new SampleSet(target.dimension(), points, evaluate(target, points), null);
    }

    private static double[] evaluate(Target target, double[] points) {
        double[] values = new double[points.length / target.dimension()];
        target.values(points, values.length, values);
        return values;
    }
}
