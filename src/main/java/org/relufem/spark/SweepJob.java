package org.relufem.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.relufem.sweep.CostModel;
import org.relufem.sweep.ResultRow;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.Trial;
import org.relufem.sweep.TrialRunner;
import org.relufem.sweep.TrialSpace;

/**
 * Runs a sweep in chunks, each committed on its own (see {@link SweepStore}), so a killed driver
 * loses at most the chunk in flight and a rerun of the same spec computes only the trials whose
 * rows are missing. The driver holds one chunk's trial indices at a time, never the rows.
 *
 * <p>Within a chunk the trials are sorted by {@link CostModel} estimate, longest first, and cut
 * into tasks of decreasing cost ({@link #deal}): the long trials start first and the chunk ends
 * with small tasks, so the cores finish together (greedy LPT), while five or six tasks per core
 * keep Spark's per-task cost (scheduling, one Parquet file, a commit) small against the work.
 */
public final class SweepJob {
    /** Most trials in one chunk, whatever their cost: bounds the driver's memory per chunk. */
    static final int MAX_CHUNK_TRIALS = 20_000;
    /** A task holds at least 1/(this x cores) of its chunk's estimated cost: the size of the last tasks. */
    static final int SMALLEST_TASK_PER_CORE = 16;

    private SweepJob() {
    }

    /**
     * How a run goes.
     *
     * @param chunkSeconds estimated core-seconds of work per core committed at once
     * @param failFast stop at the first failed trial instead of recording it as a row
     * @param trialBudgetSeconds fitting time after which a trial stops and its remaining rows fail
     * @param replace delete the sweep's existing rows first (else a rerun resumes, and a changed spec is refused)
     * @param progress how to show progress on stderr
     * @param waitForLease wait for another run holding the sweep's lease instead of refusing to start
     * @param retry statuses ({@code failed}, {@code diverged}) whose trials are computed again, their rows replaced
     */
    public record Options(double chunkSeconds, boolean failFast, double trialBudgetSeconds, boolean replace,
                          ProgressMode progress, boolean waitForLease, Set<String> retry) {
        public static final Options DEFAULT = new Options(60, false, Double.POSITIVE_INFINITY, false, ProgressMode.NONE);

        public Options {
            retry = Set.copyOf(retry);
        }

        public Options(double chunkSeconds, boolean failFast, double trialBudgetSeconds, boolean replace,
                       ProgressMode progress) {
            this(chunkSeconds, failFast, trialBudgetSeconds, replace, progress, false, Set.of());
        }

        public Options withWait(boolean waitForLease) {
            return new Options(chunkSeconds, failFast, trialBudgetSeconds, replace, progress, waitForLease, retry);
        }

        public Options withRetry(Set<String> retry) {
            return new Options(chunkSeconds, failFast, trialBudgetSeconds, replace, progress, waitForLease, retry);
        }
    }

    /** No progress line, a plain line every few seconds (logs, pipes), or one live line (a terminal). */
    public enum ProgressMode { NONE, LINES, TERMINAL }

    /**
     * What a run did.
     *
     * @param planned trials in the spec
     * @param present trials whose rows were already in the table (a resumed run), and kept
     * @param computed trials run now (missing ones and retried ones)
     * @param failed trials run now whose rows are not all ok (failed or diverged)
     * @param chunks chunks committed
     * @param retried trials run now whose earlier rows (of a status given to --retry) they replaced
     * @param grownFrom trials of the stored spec when the spec grew; 0 when it did not change
     */
    public record Outcome(long planned, long present, long computed, long failed, int chunks, long retried,
                          long grownFrom) {
        public Outcome(long planned, long present, long computed, long failed, int chunks) {
            this(planned, present, computed, failed, chunks, 0, 0);
        }
    }

    /** Runs one trial on an executor: {@link TrialRunner} in production, a stand-in in tests. */
    public interface TrialFunction extends Serializable {
        List<ResultRow> run(Trial trial, double budgetSeconds);
    }

    /** Runs the trials of {@code spec} whose rows are not yet under {@code out}. */
    public static Outcome run(SparkSession spark, SweepSpec spec, String out, Options options) {
        return run(spark, spec, out, options, TrialRunner::run);
    }

    static Outcome run(SparkSession spark, SweepSpec spec, String out, Options options, TrialFunction runner) {
        SweepStore store = new SweepStore(spark, out, spec.name());
        try (SweepLease lease = store.lease(options.waitForLease(), System.err)) {
            int recovered = store.recover();
            if (recovered > 0) {
                System.err.println("relufem: finished " + recovered + " replacement(s) of rows that an earlier run of"
                        + " sweep " + spec.name() + " left half done");
            }
            store.clearStaging();
            if (options.replace()) {
                store.deleteRows();
            }
            long grownFrom = SpecCheck.check(store, spec, System.err);
            boolean resuming = store.hasRows();
            store.storeSpec(spec.canonical());

            TrialSpace space = new TrialSpace(spec);
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            double totalCost = 0;
            for (long i = 0; i < space.size(); i++) {
                totalCost += CostModel.seconds(space.trial(i));
            }
            // The trial space (the spec, and a data target's rows with it) reaches the executors as one
            // broadcast: each executor fetches and deserializes it once for the whole run, and its tasks
            // share it. Captured by the tasks' closure instead, it would be serialized into every chunk's
            // task binary and deserialized again by every task (README, "Samples from a file").
            Broadcast<TrialSpace> shared = jsc.broadcast(space);
            try (Progress progress = new Progress(jsc.sc(), space.size(), totalCost, System.err, options.progress())) {
                Outcome o = runChunks(spark, jsc, store, lease, space, shared, options, runner, resuming, progress);
                return new Outcome(o.planned(), o.present(), o.computed(), o.failed(), o.chunks(), o.retried(), grownFrom);
            } finally {
                shared.destroy();
            }
        }
    }

    /** @param shared {@code space}, broadcast: what the tasks read their trials from */
    private static Outcome runChunks(SparkSession spark, JavaSparkContext jsc, SweepStore store, SweepLease lease,
                                     TrialSpace space, Broadcast<TrialSpace> shared, Options options,
                                     TrialFunction runner, boolean resuming, Progress progress) {
        Progress.Counters counters = progress.counters();
        boolean failFast = options.failFast();
        double budget = options.trialBudgetSeconds();
        long present = 0;
        long computed = 0;
        long retried = 0;
        int chunks = 0;
        int considered = 0;
        for (long lo = 0; lo < space.size(); ) {
            // The cores Spark has now: executors that registered late or came and went (dynamic allocation).
            int cores = Math.max(1, jsc.defaultParallelism());
            double chunkBudget = options.chunkSeconds() * cores;
            long first = lo;
            List<Long> indices = new ArrayList<>();
            List<Double> costs = new ArrayList<>();
            double sum = 0;
            for (; lo < space.size() && sum < chunkBudget && indices.size() < MAX_CHUNK_TRIALS; lo++) {
                double cost = CostModel.seconds(space.trial(lo));
                indices.add(lo);
                costs.add(cost);
                sum += cost;
            }
            // Every job of the chunk (reading its stored rows, computing, rewriting) is named in the Spark UI.
            jsc.setJobDescription(String.format(java.util.Locale.ROOT, "relufem sweep %s: chunk %d, trials %d-%d of %d"
                    + " (~%.0f core-s on %d cores)", space.spec().name(), ++considered, first, lo - 1, space.size(), sum,
                    cores));
            StoredRows.Chunk stored = StoredRows.Chunk.NONE;
            if (resuming) {
                int before = indices.size();
                double chunkCost = sum;
                stored = StoredRows.classify(spark, store, space, indices, costs, options.retry());
                present += before - indices.size();
                retried += stored.retried();
                progress.skipped(before - indices.size(), chunkCost - costs.stream().mapToDouble(Double::doubleValue).sum());
            }
            if (indices.isEmpty()) {
                continue;
            }
            List<long[]> groups = deal(indices, costs, cores);
            JavaRDD<Row> rows = jsc.parallelize(groups, groups.size())
                    .flatMap(group -> runGroup(shared.value(), group, failFast, budget, runner, counters).iterator());
            // New rows only may go straight into the sweep (InPlaceCommit); a replacement always stages.
            boolean inPlace = store.inPlace() && stored.files().isEmpty();
            String staged = inPlace ? store.chunkDir(chunks) : store.stagingDir(chunks);
            try {
                spark.createDataFrame(rows, ResultSchema.FILE_SCHEMA).write()
                        .mode(inPlace ? SaveMode.Append : SaveMode.ErrorIfExists).parquet(staged);
            } catch (Exception e) { // Spark's SparkException is checked in Java's eyes
                throw StorageFailure.writing(e, staged).<RuntimeException>map(f -> f).orElseGet(() -> failFastOr(e));
            }
            lease.check();
            if (stored.files().isEmpty()) {
                store.publish(staged);
            } else {
                // The files that held the retried trials are rewritten whole: their other rows, then the swap.
                String kept = staged + "-kept";
                StoredRows.writeKept(spark, store, stored, kept);
                lease.check();
                store.commit(List.of(staged, kept), stored.files());
            }
            computed += indices.size();
            chunks++;
        }
        jsc.setJobDescription(null);
        store.clearStaging();
        return new Outcome(space.size(), present, computed, counters.failed().value(), chunks, retried, 0);
    }

    /**
     * Cuts the trials, sorted by decreasing cost (index as tie-break), into consecutive tasks of
     * decreasing cost (guided self-scheduling): each task takes the next trials until it holds
     * 1/(2 cores) of the cost not yet assigned, and at least 1/({@value #SMALLEST_TASK_PER_CORE}
     * cores) of the whole. Spark launches a stage's tasks in index order, so the longest trials
     * run first and a core that falls behind (host load, the JIT, an estimate that is off) leaves
     * the others idle for at most one of the small last tasks. Equal tasks, four per core, left up
     * to a quarter of a core's share as that tail: 200 trials of 0.15 s (conf/bench-speedup.conf)
     * ran 0.8-3.3 s longer on local[2] than on two plain threads (median 1.10 x their time); cut
     * this way, 0.98-1.07 x in three runs (jobs/bench's paired turns).
     */
    static List<long[]> deal(List<Long> indices, List<Double> costs, int cores) {
        int n = indices.size();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(costs.get(b), costs.get(a));
            return c != 0 ? c : Long.compare(indices.get(a), indices.get(b));
        });
        double total = costs.stream().mapToDouble(Double::doubleValue).sum();
        boolean costed = total > 0; // else every trial weighs the same
        double[] weight = new double[n];
        for (int k = 0; k < n; k++) {
            weight[k] = costed ? costs.get(order[k]) : 1;
        }
        double remaining = costed ? total : n;
        double smallest = remaining / (SMALLEST_TASK_PER_CORE * (double) cores);
        List<long[]> groups = new ArrayList<>();
        for (int at = 0; at < n; ) {
            double target = Math.max(remaining / (2.0 * cores), smallest);
            int from = at;
            double sum = 0;
            while (at < n && (at == from || sum < target)) {
                sum += weight[at++];
            }
            long[] group = new long[at - from];
            for (int k = 0; k < group.length; k++) {
                group[k] = indices.get(order[from + k]);
            }
            groups.add(group);
            remaining -= sum;
        }
        return groups;
    }

    private static List<Row> runGroup(TrialSpace space, long[] group, boolean failFast, double budget,
                                      TrialFunction runner, Progress.Counters counters) {
        List<Row> out = new ArrayList<>();
        for (long index : group) {
            Trial trial = space.trial(index);
            List<ResultRow> rows = runner.run(trial, budget);
            counters.done().add(1);
            counters.costDone().add(CostModel.seconds(trial));
            boolean ok = rows.stream().allMatch(r -> r.status().equals("ok"));
            if (!ok) {
                counters.failed().add(1);
                if (failFast) {
                    rows.stream().filter(r -> r.status().equals("failed")).findFirst().ifPresent(r -> {
                        throw new FailFast("trial " + r.trialId() + " (" + trial.method() + ", index " + index
                                + ") failed: " + r.message());
                    });
                }
            }
            for (ResultRow r : rows) {
                out.add(ResultSchema.toRow(r));
            }
        }
        return out;
    }

    /** Thrown in a task by --fail-fast; the driver turns it back into its message. */
    static final class FailFast extends RuntimeException {
        static final String MARK = "relufem fail-fast: ";

        FailFast(String message) {
            super(MARK + message);
        }
    }

    private static RuntimeException failFastOr(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            int at = m.indexOf(FailFast.MARK);
            if (at >= 0) {
                String line = m.substring(at + FailFast.MARK.length()).lines().findFirst().orElse("");
                return new IllegalStateException(line + " (--fail-fast: the sweep stopped; committed chunks are kept)");
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }
}
