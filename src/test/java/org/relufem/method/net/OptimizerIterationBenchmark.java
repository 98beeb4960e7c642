package org.relufem.method.net;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
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
import org.relufem.method.net.optim.LeastSquaresObjective;
import org.relufem.method.net.optim.Optimizer;
import org.relufem.method.net.optim.OptimizerKind;
import org.relufem.method.net.optim.Parameters;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/**
 * One iteration of the second-order optimisers at conf/precision.conf's shapes: 1 -> 20 -> 1 on
 * logsin's 65 grid points and 2 -> 20 -> 1 on seed2d's 65 x 65, ReLU and tanh, full batch. An
 * invocation is {@value #ITERATIONS} iterations of a fresh optimiser from the same initial
 * weights (init seed 0), so the score is the mean cost of an iteration over the start of a run,
 * line searches and rejected LM tries included. {@link #writeProblem} exports the same data and
 * initial weights for jobs/bench's scipy peer (L-BFGS-B and MINPACK LM on the same problem), and
 * {@link #counts} the evaluations the iterations took.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OptimizerIterationBenchmark {
    /** Iterations per invocation, and per scipy run. */
    public static final int ITERATIONS = 50;
    /** Hidden width of every precision.conf net. */
    public static final int WIDTH = 20;

    /** target_activation. */
    @Param({"logsin_relu", "logsin_tanh", "seed2d_relu", "seed2d_tanh"})
    public String problem;

    /** lbfgs and lm at precision.conf's lr (1e-3), and lbfgs at its standard trial step 1. */
    @Param({"lbfgs", "lbfgs_lr1", "lm"})
    public String optimizer;

    private MseObjective objective;
    private double[][] start;

    @Setup(Level.Trial)
    public void setUp() {
        objective = objective(problem);
        start = copy(objective.parameters().values());
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public double iterations() {
        double[][] values = objective.parameters().values();
        for (int b = 0; b < values.length; b++) {
            System.arraycopy(start[b], 0, values[b], 0, values[b].length);
        }
        Optimizer opt = create(optimizer);
        double loss = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            loss = opt.step(objective);
        }
        return loss;
    }

    /** The optimiser a case names: its kind, and lr 1 for {@code _lr1}, precision.conf's 1e-3 otherwise. */
    static Optimizer create(String optimizer) {
        String[] kindAndLr = optimizer.split("_lr");
        return OptimizerKind.of(kindAndLr[0]).create(kindAndLr.length > 1 ? Double.parseDouble(kindAndLr[1]) : 1e-3);
    }

    private static SampleSet data(String problem) {
        String target = problem.substring(0, problem.indexOf('_'));
        int dim = target.equals("logsin") ? 1 : 2;
        return Samplers.grid(Targets.create(target, dim), 65);
    }

    private static Network network(String problem, int dim) {
        String activation = problem.substring(problem.indexOf('_') + 1);
        return Network.torchDefault(dim, WIDTH, 1, new SplittableRandom(0)).withActivation(Activation.of(activation));
    }

    static MseObjective objective(String problem) {
        SampleSet data = data(problem);
        return new MseObjective(network(problem, data.dimension()), data, data.count(), new SplittableRandom(0));
    }

    private static double[][] copy(double[][] blocks) {
        double[][] out = new double[blocks.length][];
        for (int b = 0; b < blocks.length; b++) {
            out[b] = blocks[b].clone();
        }
        return out;
    }

    /**
     * {evaluations, Jacobians} that {@value #ITERATIONS} iterations of {@code optimizer} take on
     * {@code problem} from the benchmark's start.
     */
    public static long[] counts(String problem, String optimizer) {
        Counting counting = new Counting(objective(problem));
        Optimizer opt = create(optimizer);
        for (int i = 0; i < ITERATIONS; i++) {
            opt.step(counting);
        }
        return new long[] {counting.evaluations, counting.jacobians};
    }

    /** The training loss (mean squared residual) at {@code problem}'s initial weights. */
    public static double startLoss(String problem) {
        return objective(problem).evaluate();
    }

    /**
     * Writes {@code problem}'s training data and initial weights as text: lines
     * {@code dimension}, {@code width}, {@code activation}, {@code iterations}, then
     * {@code parameters} (W_1 out x in row-major, b_1, W_2, b_2: PyTorch's order) and one
     * {@code point} line per training point (its coordinates, then its target value), tab-separated.
     */
    public static void writeProblem(String problem, Path file) throws IOException {
        SampleSet data = data(problem);
        Network net = network(problem, data.dimension());
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.println("dimension\t" + data.dimension());
            out.println("width\t" + WIDTH);
            out.println("activation\t" + net.activation().label());
            out.println("iterations\t" + ITERATIONS);
            StringBuilder line = new StringBuilder("parameters");
            for (double p : net.parameterVector()) {
                line.append('\t').append(repr(p));
            }
            out.println(line);
            int d = data.dimension();
            for (int i = 0; i < data.count(); i++) {
                line.setLength(0);
                line.append("point");
                for (int k = 0; k < d; k++) {
                    line.append('\t').append(repr(data.points()[i * d + k]));
                }
                out.println(line.append('\t').append(repr(data.values()[i])));
            }
        }
    }

    /** Shortest round-trip decimal form, so the peer reads the bits relufem starts from. */
    private static String repr(double v) {
        return Double.toString(v);
    }

    /** Counts the optimiser's calls into the objective. */
    private static final class Counting implements LeastSquaresObjective {
        private final MseObjective inner;
        long evaluations;
        long jacobians;

        Counting(MseObjective inner) {
            this.inner = inner;
        }

        @Override
        public Parameters parameters() {
            return inner.parameters();
        }

        @Override
        public double evaluate() {
            evaluations++;
            return inner.evaluate();
        }

        @Override
        public int residualCount() {
            return inner.residualCount();
        }

        @Override
        public void residualsAndJacobian(double[] residuals, DMatrixRMaj jacobian) {
            jacobians++;
            inner.residualsAndJacobian(residuals, jacobian);
        }
    }
}
