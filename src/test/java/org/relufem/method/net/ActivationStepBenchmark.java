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
 * One full-batch Adam step of a 2 -> width -> 1 net on the seed study's 32 x 32 grid nodes for each
 * activation: ReLU runs the fused kernel, the others the layered pass, so the ratio to ReLU in one
 * run is what choosing an activation costs per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ActivationStepBenchmark {
    @Param({"100", "1000"})
    public int width;

    @Param({"relu", "leaky_relu", "elu", "tanh", "sin", "softplus", "gelu"})
    public String activation;

    private MseObjective objective;
    private Adam adam;

    @Setup(Level.Trial)
    public void setUp() {
        SampleSet grid = Samplers.grid(Targets.create("seed2d", 2), 32);
        Network net = Network.torchDefault(2, width, 1, new SplittableRandom(0))
                .withActivation(Activation.of(activation));
        objective = new MseObjective(net, grid, grid.count(), new SplittableRandom(0));
        adam = new Adam(1e-3);
    }

    @Benchmark
    public double adamStep() {
        return adam.step(objective);
    }
}
