package org.relufem.method.net;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.relufem.method.net.optim.Adam;
import org.relufem.method.net.optim.FloatAdam;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/**
 * One full-batch Adam step (forward, backward, update) of a 2 -> width x depth -> 1 ReLU net on
 * seed2d, in float64 (MseObjective and Adam) or float32 (FloatMseObjective and FloatAdam). Depth 1
 * runs the fused kernel, deeper nets the layered pass.
 *
 * <p>A shape is {@code <width>x<depth>} on the seed study's 32 x 32 grid nodes (1024 points), or
 * {@code <width>x<depth>_<n>pts} on the first n uniform points of seed 0's training stream
 * ({@link Samplers#uniform}): the deep shapes 2 x 20 .. 5 x 50 on 1000 points.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrainingStepBenchmark {
    @Param({"100x1", "1000x1", "100x3", "20x2_1000pts", "30x3_1000pts", "40x4_1000pts", "50x5_1000pts"})
    public String shape;

    /** {@code -p precision=float64,float32} for both. */
    @Param({"float64"})
    public String precision;

    private MseObjective objective;
    private Adam adam;
    private FloatMseObjective floatObjective;
    private FloatAdam floatAdam;

    @Setup(Level.Trial)
    public void setUp() {
        setUp(Activation.RELU);
    }

    void setUp(Activation activation) {
        SampleSet points = points(shape);
        Network net = Network.torchDefault(2, width(shape), depth(shape), new SplittableRandom(0))
                .withActivation(activation);
        if (Precision.of(precision) == Precision.FLOAT32) {
            floatObjective = new FloatMseObjective(net, points, points.count(), new SplittableRandom(0), true);
            floatAdam = new FloatAdam(1e-3);
        } else {
            objective = new MseObjective(net, points, points.count(), new SplittableRandom(0));
            adam = new Adam(1e-3);
        }
    }

    @Benchmark
    public double adamStep() {
        return floatAdam != null ? floatAdam.step(floatObjective) : adam.step(objective);
    }

    /** The training points of {@code shape}. */
    static SampleSet points(String shape) {
        int at = shape.indexOf('_');
        if (at < 0) {
            return Samplers.grid(Targets.create("seed2d", 2), 32);
        }
        if (!shape.endsWith("pts")) {
            throw new IllegalArgumentException("shape " + shape + ": expected <width>x<depth>[_<n>pts]");
        }
        return Samplers.uniform(Targets.create("seed2d", 2), Integer.parseInt(shape.substring(at + 1,
                shape.length() - 3)), 0);
    }

    static int width(String shape) {
        return Integer.parseInt(shape.split("[x_]")[0]);
    }

    static int depth(String shape) {
        return Integer.parseInt(shape.split("[x_]")[1]);
    }

    /**
     * The step's nominal floating-point operations: 6 per parameter per point (2 forward, 4
     * backward), the count GFLOP/s rows are quoted in.
     */
    public static double flopsPerStep(String shape) {
        return 6.0 * Network.parameterCount(2, width(shape), depth(shape)) * points(shape).count();
    }
}
