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
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/**
 * One full-batch Adam step (forward, backward, update) of a 2 -> width x depth -> 1 net on the
 * seed study's 32 x 32 grid nodes. Depth 1 runs the fused kernel, deeper nets the layered pass.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrainingStepBenchmark {
    /** width x depth. */
    @Param({"100x1", "1000x1", "100x3"})
    public String shape;

    private MseObjective objective;
    private Adam adam;

    @Setup(Level.Trial)
    public void setUp() {
        SampleSet grid = Samplers.grid(Targets.create("seed2d", 2), 32);
        String[] wd = shape.split("x");
        Network net = Network.torchDefault(2, Integer.parseInt(wd[0]), Integer.parseInt(wd[1]),
                new SplittableRandom(0));
        objective = new MseObjective(net, grid, grid.count(), new SplittableRandom(0));
        adam = new Adam(1e-3);
    }

    @Benchmark
    public double adamStep() {
        return adam.step(objective);
    }
}
