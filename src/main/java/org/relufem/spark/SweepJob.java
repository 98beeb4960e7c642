package org.relufem.spark;

import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.relufem.sweep.CostModel;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialRunner;
import org.relufem.sweep.TrialSpace;
import scala.Tuple2;

/**
 * Runs a sweep: the driver sends trial indices (not trials) to executors, which expand and run
 * them; the rows are written to Parquet under {@code out}, partitioned by sweep. The driver holds
 * only the spec, so its memory does not grow with the number of trials. Writing replaces this
 * sweep's partition and leaves other sweeps' untouched.
 *
 * <p>Trials run longest first: executors sort the indices by {@link CostModel} estimate
 * (descending, index as tie-break) into range partitions, and Spark launches a stage's tasks in
 * partition order, so the slowest trials do not finish last (greedy LPT scheduling).
 */
public final class SweepJob {
    /** Most tasks a sweep is cut into: one trial per task up to here, for balance; more, and tasks take several. */
    static final int MAX_TASKS = 1000;

    private SweepJob() {
    }

    /** Runs every trial of {@code spec} and writes its rows under {@code out}. */
    public static void run(SparkSession spark, SweepSpec spec, String out) {
        TrialSpace space = new TrialSpace(spec);
        String sweep = spec.name();
        int tasks = (int) Math.max(1, Math.min(space.size(), MAX_TASKS));
        int sources = Math.max(1, Math.min(tasks, spark.sparkContext().defaultParallelism()));
        JavaRDD<Row> rows = spark.range(0, space.size(), 1, sources).javaRDD()
                .mapToPair(index -> new Tuple2<>(new CostKey(CostModel.seconds(space.trial(index)), index), index))
                .sortByKey(true, tasks)
                .values()
                .flatMap(index -> TrialRunner.run(space.trial(index)).stream()
                        .map(r -> ResultSchema.toRow(sweep, r)).iterator());
        spark.createDataFrame(rows, ResultSchema.SCHEMA).write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .partitionBy("sweep")
                .parquet(out);
    }

    /** Orders trials by decreasing estimated cost, then by index, so equal costs still split across tasks. */
    record CostKey(double seconds, long index) implements Comparable<CostKey>, Serializable {
        @Override
        public int compareTo(CostKey o) {
            int c = Double.compare(o.seconds, seconds);
            return c != 0 ? c : Long.compare(index, o.index);
        }
    }
}
