package org.relufem.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.relufem.spark.Sessions;
import org.relufem.spark.SweepJob;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialRunner;
import org.relufem.sweep.TrialSpace;

/**
 * relufem's side of {@code jobs/bench}: runs the JMH kernels and a dense matrix-multiply peak
 * probe, and prints one TSV line per case (case, value, unit) for the script to join with the
 * peers' numbers. {@code --quick} shortens warm-up and measurement.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, InterruptedException, ExecutionException {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        System.out.println("case\tvalue\tunit");
        for (RunResult r : jmh("TrainingStepBenchmark", quick)) {
            String shape = r.getParams().getParam("shape");
            double micros = r.getPrimaryResult().getScore();
            print("train_step_" + shape, micros / 1e3, "ms/step");
            String[] wd = shape.split("x");
            int w = Integer.parseInt(wd[0]);
            int depth = Integer.parseInt(wd[1]);
            double params = 3.0 * w + (depth - 1) * w * (w + 1.0) + w + 1;
            print("train_gflops_" + shape, 6 * params * 1024 / (micros * 1e3), "GFLOP/s");
        }
        for (RunResult r : jmh("InterpolationBenchmark", quick)) {
            print("eval_" + r.getParams().getParam("method").toLowerCase(Locale.ROOT) + "_d"
                    + r.getParams().getParam("grid").replace(':', 'n'), r.getPrimaryResult().getScore(), "ns/point");
        }
        print("gemm_512_peak", gemmGflops(quick ? 5 : 15), "GFLOP/s");
        SweepSpec scaling = SweepSpec.load(Path.of("conf/bench-scaling.conf"));
        print("trials_1_thread", trialSeconds(scaling, 1), "s");
        print("trials_2_threads", trialSeconds(scaling, 2), "s");
        for (String master : new String[] {"local[1]", "local[2]"}) {
            print("sweep_warm_" + master.replaceAll("\\W", ""), warmSweepSeconds(scaling, master, quick ? 1 : 3), "s");
        }
    }

    /**
     * The bench-scaling trials run on {@code threads} plain Java threads, no Spark: the most a
     * sweep on that many cores could gain here (two vCPUs of a VM need not double the throughput).
     */
    static double trialSeconds(SweepSpec spec, int threads) throws InterruptedException, ExecutionException {
        TrialSpace space = new TrialSpace(spec);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double best = Double.POSITIVE_INFINITY;
            for (int rep = 0; rep < 2; rep++) { // the first pass warms the JIT
                long start = System.nanoTime();
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    parts.add(pool.submit(() -> {
                        for (long i = first; i < space.size(); i += threads) {
                            TrialRunner.run(space.trial(i));
                        }
                    }));
                }
                for (Future<?> f : parts) {
                    f.get();
                }
                best = Math.min(best, (System.nanoTime() - start) * 1e-9);
            }
            return best;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Seconds for {@link SweepJob} to run {@code spec} on {@code master} in a session that has
     * already run it once (so Spark's one-off class loading and JIT warm-up are not counted):
     * median of {@code reps}. Output goes under target/bench.
     */
    static double warmSweepSeconds(SweepSpec spec, String master, int reps) {
        SparkSession spark = Sessions.create(master, "relufem bench " + master);
        try {
            double[] times = new double[reps];
            for (int rep = -1; rep < reps; rep++) {
                String out = "target/bench/warm-" + master.replaceAll("\\W", "") + "-" + rep;
                SweepJob.Options replace = new SweepJob.Options(60, false, Double.POSITIVE_INFINITY, true,
                SweepJob.ProgressMode.NONE);
                long start = System.nanoTime();
                SweepJob.run(spark, spec, out, replace);
                if (rep >= 0) {
                    times[rep] = (System.nanoTime() - start) * 1e-9;
                }
            }
            java.util.Arrays.sort(times);
            return times[reps / 2];
        } finally {
            spark.stop();
        }
    }

    private static Collection<RunResult> jmh(String benchmark, boolean quick) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder().include("\\." + benchmark + "\\.").forks(1)
                .warmupIterations(quick ? 2 : 4).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 6).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx2g").shouldFailOnError(true)
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT);
        return new Runner(o.build()).run();
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
        java.util.Arrays.sort(rates);
        return rates[reps / 2];
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "%s\t%.6g\t%s%n", name, value, unit);
    }
}
