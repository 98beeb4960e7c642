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
 * One full-batch Adam step of a 2 -> width -> 1 ReLU net on the seed study's 32 x 32 grid nodes in
 * float64 (MseObjective and Adam) and in float32 (FloatMseObjective and FloatAdam): the ratio in
 * one run is what {@code precision = float32} buys per step. Deeper nets: {@code depth = 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PrecisionStepBenchmark {
    @Param({"100", "1000"})
    public int width;

    @Param({"1"})
    public int depth;

    @Param({"float64", "float32"})
    public String precision;

    private MseObjective objective;
    private Adam adam;
    private FloatMseObjective floatObjective;
    private FloatAdam floatAdam;

    @Setup(Level.Trial)
    public void setUp() {
        SampleSet grid = Samplers.grid(Targets.create("seed2d", 2), 32);
        Network net = Network.torchDefault(2, width, depth, new SplittableRandom(0));
        if (Precision.of(precision) == Precision.FLOAT32) {
            floatObjective = new FloatMseObjective(net, grid, grid.count(), new SplittableRandom(0), true);
            floatAdam = new FloatAdam(1e-3);
        } else {
            objective = new MseObjective(net, grid, grid.count(), new SplittableRandom(0));
            adam = new Adam(1e-3);
        }
    }

    @Benchmark
    public double adamStep() {
        return floatAdam != null ? floatAdam.step(floatObjective) : adam.step(objective);
    }

    /**
     * The ratio on a shared machine, where back-to-back JMH runs drift by tens of percent: blocks
     * of float32 and float64 steps alternating in one JVM, the fastest block of each after 10 of
     * warm-up. Arguments: width, depth (1), activation (relu), blocks (60).
     */
    public static void main(String[] args) {
        PrecisionStepBenchmark f32 = new PrecisionStepBenchmark();
        PrecisionStepBenchmark f64 = new PrecisionStepBenchmark();
        for (PrecisionStepBenchmark b : new PrecisionStepBenchmark[] {f32, f64}) {
            b.width = Integer.parseInt(args[0]);
            b.depth = args.length > 1 ? Integer.parseInt(args[1]) : 1;
            b.precision = b == f32 ? "float32" : "float64";
        }
        Activation activation = Activation.of(args.length > 2 ? args[2] : "relu");
        int blocks = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        SampleSet grid = Samplers.grid(Targets.create("seed2d", 2), 32);
        Network net = Network.torchDefault(2, f32.width, f32.depth, new SplittableRandom(0)).withActivation(activation);
        f32.floatObjective = new FloatMseObjective(net, grid, grid.count(), new SplittableRandom(0), true);
        f32.floatAdam = new FloatAdam(1e-3);
        f64.objective = new MseObjective(net, grid, grid.count(), new SplittableRandom(0));
        f64.adam = new Adam(1e-3);
        int reps = Math.max(2, 4_000_000 / (f32.width * f32.width * (f32.depth - 1) + 3 * f32.width) / 1024);
        double best32 = Double.POSITIVE_INFINITY;
        double best64 = Double.POSITIVE_INFINITY;
        double sink = 0;
        for (int block = 0; block < blocks; block++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                sink += f32.adamStep();
            }
            long t1 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                sink += f64.adamStep();
            }
            long t2 = System.nanoTime();
            if (block >= 10) {
                best32 = Math.min(best32, (t1 - t0) * 1e-3 / reps);
                best64 = Math.min(best64, (t2 - t1) * 1e-3 / reps);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "2 -> %s%d %s -> 1: float32 %.1f us, float64 %.1f us a step,"
                + " float64 / float32 = %.2f (%d steps a block; %.3g)%n", f32.depth == 1 ? "" : f32.depth + " x ",
                f32.width, activation.label(), best32, best64, best64 / best32, reps, sink);
    }
}
