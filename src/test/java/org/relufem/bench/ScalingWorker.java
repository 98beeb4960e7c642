package org.relufem.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.relufem.spark.Sessions;
import org.relufem.spark.SweepJob;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialRunner;
import org.relufem.sweep.TrialSpace;

/**
 * One side of {@code jobs/bench}'s scaling case: a JVM holding a {@code local[cores]} session and
 * {@code cores} plain threads, that runs a spec's trials on command, so that jobs/bench can keep a
 * {@code local[1]} and a {@code local[2]} worker alive and alternate them. On a shared host whose
 * speed drifts by tens of percent from one minute to the next, timing local[1] and local[2] in turn,
 * seconds apart, and taking the median of the paired ratios is what makes one run's ratio mean
 * something; two sessions cannot live in one JVM.
 *
 * <p>Reads one command per line on stdin and answers each with {@code seconds\t<s>} on stdout:
 * {@code sweep} runs the spec as a sweep (replacing its rows under {@code outDir}), {@code plain}
 * runs the same trials on the plain threads, trial i on thread i mod cores (no Spark: the most a
 * sweep could get from that many cores here). End of input stops the session.
 *
 * <p>Usage: {@code ScalingWorker <cores> <spec> <outDir>}
 */
public final class ScalingWorker {
    private ScalingWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, ExecutionException {
        int cores = Integer.parseInt(args[0]);
        SweepSpec spec = SpecParser.load(Path.of(args[1]));
        String out = args[2];
        SparkSession spark = Sessions.create("local[" + cores + "]", "relufem bench local[" + cores + "]");
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command; (command = in.readLine()) != null; ) {
                long start = System.nanoTime();
                switch (command.trim()) {
                    case "sweep" -> SweepJob.run(spark, spec, out, new SweepJob.Options(60, false,
                            Double.POSITIVE_INFINITY, true, SweepJob.ProgressMode.NONE));
                    case "plain" -> plain(new TrialSpace(spec), pool, cores);
                    default -> throw new IllegalArgumentException("unknown command: " + command);
                }
                System.out.printf(Locale.ROOT, "seconds\t%.6f%n", (System.nanoTime() - start) * 1e-9);
                System.out.flush();
            }
        } finally {
            pool.shutdown();
            spark.stop();
        }
    }

    private static void plain(TrialSpace space, ExecutorService pool, int threads)
            throws InterruptedException, ExecutionException {
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
    }
}
