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
            double params = org.relufem.method.net.ReluNetwork.parameterCount(2, w, depth);
            print("train_gflops_" + shape, 6 * params * 1024 / (micros * 1e3), "GFLOP/s");
        }
        for (RunResult r : jmh("InterpolationBenchmark", quick)) {
            print("eval_" + r.getParams().getParam("method").toLowerCase(Locale.ROOT) + "_d"
                    + r.getParams().getParam("grid").replace(':', 'n'), r.getPrimaryResult().getScore(), "ns/point");
        }
        print("gemm_512_peak", gemmGflops(quick ? 5 : 15), "GFLOP/s");
        SweepSpec scaling = SweepSpec.load(Path.of("conf/bench-scaling.conf"));
        for (int cores = 1; cores <= 2; cores++) {
            double[] plainAndSweep = scaling(scaling, cores, quick ? 3 : 5);
            print("trials_" + cores + "_thread" + (cores > 1 ? "s" : ""), plainAndSweep[0], "s");
            print("sweep_warm_local" + cores, plainAndSweep[1], "s");
        }
    }

    /**
     * The bench-scaling trials on {@code cores} plain Java threads (no Spark: the most a sweep on
     * that many cores could gain here, as two vCPUs of a VM need not double the throughput) and as
     * a sweep on {@code local[cores]}, alternating in one JVM after one warm-up pass of each, so that
     * both see the same JIT state and the same host load: the medians of {@code reps} seconds of each.
     * The sweep's session has run it once already, so Spark's one-off class loading and code
     * generation are not counted (jobs/bench's cold case counts them). Output goes under target/bench.
     */
    static double[] scaling(SweepSpec spec, int cores, int reps) throws InterruptedException, ExecutionException {
        String master = "local[" + cores + "]";
        SparkSession spark = Sessions.create(master, "relufem bench " + master);
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            double[] plain = new double[reps];
            double[] sweep = new double[reps];
            for (int rep = -1; rep < reps; rep++) {
                double p = plainSeconds(spec, pool, cores);
                String out = "target/bench/warm-local" + cores + "-" + rep;
                long start = System.nanoTime();
                SweepJob.run(spark, spec, out, new SweepJob.Options(60, false, Double.POSITIVE_INFINITY, true,
                        SweepJob.ProgressMode.NONE));
                if (rep >= 0) {
                    plain[rep] = p;
                    sweep[rep] = (System.nanoTime() - start) * 1e-9;
                }
            }
            return new double[] {median(plain), median(sweep)};
        } finally {
            pool.shutdown();
            spark.stop();
        }
    }

    private static double plainSeconds(SweepSpec spec, ExecutorService pool, int threads)
            throws InterruptedException, ExecutionException {
        TrialSpace space = new TrialSpace(spec);
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
        return (System.nanoTime() - start) * 1e-9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
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
        return median(rates);
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "%s\t%.6g\t%s%n", name, value, unit);
    }
}
