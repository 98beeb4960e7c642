package org.relufem.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.relufem.method.net.OptimizerIterationBenchmark;
import org.relufem.method.net.TrainingStepBenchmark;

/**
 * relufem's side of {@code jobs/bench}: runs the JMH kernels and a dense matrix-multiply peak
 * probe, and prints one TSV line per case (case, value, unit) for the script to join with the
 * peers' numbers; writes the optimiser benchmark's problems (data and initial weights) to
 * {@code target/bench/optim/} for the scipy peer. {@code --quick} shortens warm-up and measurement.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        System.out.println("case\tvalue\tunit");
        // float64 at every shape; float32 at the seed recipe's two widths, against the peers' float32 rows
        for (String precision : new String[] {"float64", "float32"}) {
            ChainedOptionsBuilder o = options("TrainingStepBenchmark", quick).param("precision", precision);
            if (precision.equals("float32")) {
                o.param("shape", "100x1", "1000x1");
            }
            String prefix = precision.equals("float32") ? "f32_" : "";
            for (RunResult r : new Runner(o.build()).run()) {
                String shape = r.getParams().getParam("shape");
                double micros = r.getPrimaryResult().getScore();
                print("train_step_" + prefix + shape, micros / 1e3, "ms/step");
                print("train_gflops_" + prefix + shape, TrainingStepBenchmark.flopsPerStep(shape) / (micros * 1e3),
                        "GFLOP/s");
            }
        }
        Map<String, Double> activationSteps = new TreeMap<>();
        for (RunResult r : jmh("ActivationStepBenchmark", quick)) {
            activationSteps.put(r.getParams().getParam("activation") + "_" + r.getParams().getParam("width"),
                    r.getPrimaryResult().getScore());
        }
        activationSteps.forEach((key, micros) -> {
            print("train_step_" + key, micros / 1e3, "ms/step");
            String width = key.substring(key.lastIndexOf('_') + 1);
            print("activation_vs_relu_" + key, micros / activationSteps.get("relu_" + width), "x");
        });
        for (RunResult r : jmh("ActivationFunctionBenchmark", quick)) {
            print("activation_fn_" + r.getParams().getParam("activation"), r.getPrimaryResult().getScore(),
                    "ns per value and slope");
        }
        for (RunResult r : jmh("InterpolationBenchmark", quick)) {
            print("eval_" + r.getParams().getParam("method").toLowerCase(Locale.ROOT) + "_d"
                    + r.getParams().getParam("grid").replace(':', 'n'), r.getPrimaryResult().getScore(), "ns/point");
        }
        for (RunResult r : jmh("LagrangeBenchmark", quick)) {
            print("eval_q" + r.getParams().getParam("degree") + "_d" + r.getParams().getParam("grid").replace(':', 'n'),
                    r.getPrimaryResult().getScore(), "ns/point");
        }
        for (RunResult r : jmh("FormulaBenchmark", quick)) {
            print("eval_" + r.getParams().getParam("form") + "_" + r.getParams().getParam("target"),
                    r.getPrimaryResult().getScore(), "ns/point");
        }
        for (RunResult r : jmh("OptimizerIterationBenchmark", quick)) {
            String problem = r.getParams().getParam("problem");
            String optimizer = r.getParams().getParam("optimizer");
            long[] counts = OptimizerIterationBenchmark.counts(problem, optimizer);
            String key = optimizer + "_" + problem;
            print("optim_" + key, r.getPrimaryResult().getScore(), "us/iteration");
            print("optim_evaluations_" + key, counts[0], "in " + OptimizerIterationBenchmark.ITERATIONS + " iterations");
            print("optim_jacobians_" + key, counts[1], "in " + OptimizerIterationBenchmark.ITERATIONS + " iterations");
        }
        print("optim_iterations", OptimizerIterationBenchmark.ITERATIONS, "iterations per optimiser case");
        for (String problem : new String[] {"logsin_relu", "logsin_tanh", "seed2d_relu", "seed2d_tanh"}) {
            OptimizerIterationBenchmark.writeProblem(problem, Path.of("target", "bench", "optim", problem + ".tsv"));
            print("optim_start_loss_" + problem, OptimizerIterationBenchmark.startLoss(problem), "MSE at the initial weights");
        }
        print("gemm_512_peak", gemmGflops(quick ? 5 : 15), "GFLOP/s");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Collection<RunResult> jmh(String benchmark, boolean quick) throws RunnerException {
        return new Runner(options(benchmark, quick).build()).run();
    }

    private static ChainedOptionsBuilder options(String benchmark, boolean quick) {
        return new OptionsBuilder().include("\\." + benchmark + "\\.").forks(1)
                .warmupIterations(quick ? 2 : 4).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 6).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx2g").shouldFailOnError(true)
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT);
    }

    /**
     * Dense C = A B for 512 x 512 matrices with EJML (blocked, single thread): the best sustained
     * rate of Java linear algebra on one core here, which the training step is compared against.
     * Median of {@code reps} runs after warm-up.
     */
    static double gemmGflops(int reps) {
        java.util.Random random = new java.util.Random(1);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(512, 512, random);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(512, 512, random);
        DMatrixRMaj c = new DMatrixRMaj(512, 512);
        double[] rates = new double[reps];
        for (int i = 0; i < 3; i++) {
            CommonOps_DDRM.mult(a, b, c);
        }
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            CommonOps_DDRM.mult(a, b, c);
            rates[i] = 2.0 * 512 * 512 * 512 / (System.nanoTime() - t);
        }
        return median(rates);
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "%s\t%.6g\t%s%n", name, value, unit);
    }
}
