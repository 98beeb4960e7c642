package org.relufem.method.net;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What an activation's function costs alone: {@link Activation#forwardAndSlopes} (value and slope,
 * as a training step needs them) on {@value #VALUES} pre-activations uniform on [-2, 2] (about the
 * range of a torch-initialised 2 -> W net's on the unit square), all in L1, in ns per value. Against
 * ReLU's whole training step per unit and point ({@link ActivationStepBenchmark}) it says how far
 * any arrangement of the rest of the step can bring an activation's step toward ReLU's: a function
 * that costs as much as ReLU's whole step keeps the ratio at 2 or more.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ActivationFunctionBenchmark {
    static final int VALUES = 1000;

    /** The activations of the kernel's smooth path (ReLU's fused pass computes max and mask inline). */
    @Param({"leaky_relu", "elu", "tanh", "sin", "softplus", "gelu"})
    public String activation;

    private Activation act;
    private final double[] z = new double[VALUES];
    private final double[] h = new double[VALUES];
    private final double[] s = new double[VALUES];

    @Setup(Level.Trial)
    public void setUp() {
        act = Activation.of(activation);
        SplittableRandom random = new SplittableRandom(0);
        for (int j = 0; j < VALUES; j++) {
            z[j] = random.nextDouble(-2, 2);
        }
    }

    /**
     * Not inlined into JMH's measuring loop: there C2 (JDK 17) reached its node count cutoff,
     * left the Vector API's calls out of line and ran tanh and elu 4-5x slower than the training
     * step does, which compiles the activation loop into a method of its own size.
     */
    @Benchmark
    @OperationsPerInvocation(VALUES)
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public double valuesAndSlopes() {
        act.forwardAndSlopes(z, h, s, VALUES);
        return h[VALUES - 1] + s[VALUES - 1];
    }
}
