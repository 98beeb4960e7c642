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
}
