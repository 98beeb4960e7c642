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
import org.relufem.method.fem.GridInterpolation;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/** Batch evaluation of P1 or Q1 at 100000 uniform points: the score is time per point. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterpolationBenchmark {
    static final int POINTS = 100_000;

    @Param({"P1", "Q1"})
    public GridInterpolation method;

    /** "d:n", e.g. 2:32 is the seed's 32 x 32 grid. */
    @Param({"2:32", "1:1024", "3:16", "4:8", "6:8"})
    public String grid;

    private Approximant interpolant;
    private double[] points;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        String[] dn = grid.split(":");
        int d = Integer.parseInt(dn[0]);
        Target target = d == 2 ? Targets.create("seed2d", 2) : Targets.create("gaussian", d);
        interpolant = method.fit(Samplers.grid(target, Integer.parseInt(dn[1])));
        SampleSet test = Samplers.test(target, POINTS, 0);
        points = test.points();
        out = new double[POINTS];
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double[] evaluate() {
        interpolant.values(points, POINTS, out);
        return out;
    }
}
