package org.relufem.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.relufem.method.Approximant;
import org.relufem.method.fem.Lagrange;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/**
 * Batch evaluation of the Q_k Lagrange interpolant at 100000 uniform points, on the grids of
 * {@link InterpolationBenchmark} with the node count per axis raised to the next n with n - 1
 * divisible by k: the score is time per point, read against P1's in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LagrangeBenchmark {
    @Param({"2", "3", "4"})
    public int degree;

    /** "d:n" as in {@link InterpolationBenchmark}. */
    @Param({"1:1024", "2:32", "3:16"})
    public String grid;

    private Approximant interpolant;
    private double[] points;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        String[] dn = grid.split(":");
        int d = Integer.parseInt(dn[0]);
        int n = Integer.parseInt(dn[1]);
        while ((n - 1) % degree != 0) {
            n++;
        }
        Target target = d == 2 ? Targets.create("seed2d", 2) : Targets.create("gaussian", d);
        interpolant = new Lagrange(degree).fit(Samplers.grid(target, n));
        SampleSet test = Samplers.test(target, InterpolationBenchmark.POINTS, 0);
        points = test.points();
        out = new double[InterpolationBenchmark.POINTS];
    }

    @Benchmark
    @OperationsPerInvocation(InterpolationBenchmark.POINTS)
    public double[] evaluate() {
        interpolant.values(points, InterpolationBenchmark.POINTS, out);
        return out;
    }
}
