package org.relufem.method.net;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * One full-batch Adam step of a 2 -> width -> 1 net (2 -> depth x width -> 1 with {@link #depth})
 * on the seed study's 32 x 32 grid nodes for each activation: at depth 1 ReLU runs the fused kernel,
 * the others the kernel's smooth pair path, so the ratio to ReLU in one run is what choosing an
 * activation costs per step. {@link #main} alternates the
 * activations block by block in one JVM and keeps each one's fastest block in thread CPU time, for
 * ratios that a shared machine's load does not skew (time spent descheduled is not counted).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ActivationStepBenchmark {
    @Param({"100", "1000"})
    public int width;

    @Param({"relu", "leaky_relu", "elu", "tanh", "sin", "softplus", "gelu"})
    public String activation;

    /** Hidden layers of {@link #width} units; above 1 the layered pass. */
    @Param({"1"})
    public int depth;

    private MseObjective objective;
    private Adam adam;

    @Setup(Level.Trial)
    public void setUp() {
        SampleSet grid = Samplers.grid(Targets.create("seed2d", 2), 32);
        Network net = Network.torchDefault(2, width, depth, new SplittableRandom(0))
                .withActivation(Activation.of(activation));
        objective = new MseObjective(net, grid, grid.count(), new SplittableRandom(0));
        adam = new Adam(1e-3);
    }

    @Benchmark
    public double adamStep() {
        return adam.step(objective);
    }

    /**
     * Arguments: width (default 100), blocks (default 40), activations (default all), depth
     * (default 1), and {@code sequential} to run each activation's blocks before the next one's, as
     * a sweep's executor runs one trial after the other (the JIT then compiles for the activations
     * seen so far), instead of alternating them block by block.
     */
    public static void main(String[] args) {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        List<String> labels = args.length > 2 ? List.of(args[2].split(",")) : Activation.labels();
        int depth = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        boolean sequential = args.length > 4 && args[4].equals("sequential");
        List<ActivationStepBenchmark> runs = new ArrayList<>();
        for (String label : labels) {
            ActivationStepBenchmark run = new ActivationStepBenchmark();
            run.width = width;
            run.activation = label;
            run.depth = depth;
            run.setUp();
            runs.add(run);
        }
        int reps = Math.max(2, 20_000 / width);
        double[] best = new double[runs.size()];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        double sink = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < blocks * runs.size(); i++) {
            int block = sequential ? i % blocks : i / runs.size();
            int a = sequential ? i / blocks : i % runs.size();
            long t0 = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < reps; r++) {
                sink += runs.get(a).adamStep();
            }
            long t1 = threads.getCurrentThreadCpuTime();
            if (block >= blocks / 4) {
                best[a] = Math.min(best[a], (t1 - t0) * 1e-3 / reps);
            }
        }
        StringBuilder line = new StringBuilder("width " + width + " depth " + depth + ":");
        for (int a = 0; a < runs.size(); a++) {
            line.append(String.format(Locale.ROOT, " %s %.1f us (%.2fx)", labels.get(a), best[a], best[a] / best[0]));
        }
        System.out.println(line.append(String.format(Locale.ROOT, " [%d steps a block; %.3g]", reps, sink)));
    }
}
