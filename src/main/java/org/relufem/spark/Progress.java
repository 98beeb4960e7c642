package org.relufem.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The run's progress line on stderr: trials done of the total, failed, elapsed time, an ETA and
 * the rate. Executors count finished trials (and their estimated cost) in accumulators; besides
 * the totals of finished tasks, the driver reads running tasks' counts from executor heartbeats,
 * so the line moves while a task is still busy. The ETA scales the estimated cost still to do by
 * the rate at which estimated cost has been getting done; before any trial finishes it is the
 * plan's estimate. On a terminal the line is redrawn every second; otherwise a plain line is
 * printed every {@link #PLAIN_PERIOD_SECONDS} seconds; {@link SweepJob.ProgressMode#NONE} prints nothing.
 */
final class Progress extends SparkListener implements AutoCloseable {
    static final int PLAIN_PERIOD_SECONDS = 10;

    /** Counters the tasks update; serializable with the task closure. */
    record Counters(LongAccumulator done, LongAccumulator failed, DoubleAccumulator costDone)
            implements java.io.Serializable {
    }

    private final Counters counters;
    private final long total;
    private long present;
    private double costPresent;
    private final double totalCost;
    private final int cores;
    private final PrintStream err;
    private final boolean terminal;
    private final boolean shown;
    private final long start = System.nanoTime();
    private final Map<Long, long[]> runningDone = new ConcurrentHashMap<>();
    private final Map<Long, double[]> runningCost = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;

    private final SparkContext sc;

    /**
     * @param total trials in the sweep
     * @param totalCost their estimated cost, core-seconds
     */
    Progress(SparkContext sc, long total, double totalCost, PrintStream err, SweepJob.ProgressMode mode) {
        this.sc = sc;
        this.counters = new Counters(sc.longAccumulator("relufem trials done"),
                sc.longAccumulator("relufem trials failed"), sc.doubleAccumulator("relufem cost done"));
        this.total = total;
        this.totalCost = totalCost;
        this.cores = Math.max(1, sc.defaultParallelism());
        this.err = err;
        this.terminal = mode == SweepJob.ProgressMode.TERMINAL;
        this.shown = mode != SweepJob.ProgressMode.NONE;
        sc.addSparkListener(this);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relufem-progress");
            t.setDaemon(true);
            return t;
        });
        if (shown) {
            int period = terminal ? 1 : PLAIN_PERIOD_SECONDS;
            ticker.scheduleAtFixedRate(() -> print(false), period, period, TimeUnit.SECONDS);
        }
    }

    Counters counters() {
        return counters;
    }

    /** Counts trials found already in the table: done, but not work of this run. */
    synchronized void skipped(long trials, double cost) {
        present += trials;
        costPresent += cost;
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                : CollectionConverters.asJava(update.accumUpdates())) {
            long taskId = (Long) task._1();
            for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                if (!info.update().isDefined()) {
                    continue;
                }
                Object value = info.update().get();
                if (info.id() == counters.done().id()) {
                    runningDone.computeIfAbsent(taskId, k -> new long[1])[0] = ((Number) value).longValue();
                } else if (info.id() == counters.costDone().id()) {
                    runningCost.computeIfAbsent(taskId, k -> new double[1])[0] = ((Number) value).doubleValue();
                }
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        runningDone.remove(end.taskInfo().taskId());
        runningCost.remove(end.taskInfo().taskId());
    }

    /** Prints the progress line; {@code last} ends it with a newline. */
    synchronized void print(boolean last) {
        long done = counters.done().value();
        for (long[] v : runningDone.values()) {
            done += v[0];
        }
        done = Math.min(done + present, total);
        double costDone = counters.costDone().value();
        for (double[] v : runningCost.values()) {
            costDone += v[0];
        }
        double elapsed = (System.nanoTime() - start) * 1e-9;
        double toDo = Math.max(0, totalCost - costPresent - costDone);
        double eta = costDone > 0 ? elapsed * toDo / costDone : toDo / cores;
        String line = String.format(Locale.ROOT, "relufem: %d/%d trials%s, %d failed, %s elapsed, ETA %s, %.0f trials/min",
                done, total, present > 0 ? " (" + present + " already present)" : "", counters.failed().value(),
                clock(elapsed), done == total ? "0:00" : clock(eta), elapsed > 0 ? (done - present) * 60 / elapsed : 0.0);
        if (terminal) {
            err.print("\r\033[K" + line + (last ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        sc.removeSparkListener(this);
        if (shown) {
            print(true);
        }
    }
}
