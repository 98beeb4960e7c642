package org.relufem.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.relufem.sweep.TrialSpace;

/**
 * What the table already holds of a chunk's trials: those present (skipped), and, for
 * {@code --retry}, those present with a row of a retried status, to be computed again. The rows of
 * one trial live in one part file, so retrying a trial means rewriting the files that hold it:
 * their other rows into a new file, the retried trial's new rows into another, then one swap
 * ({@link SweepStore#commit}).
 */
final class StoredRows {
    private StoredRows() {
    }

    /**
     * The retried trials of a chunk.
     *
     * @param retried how many trials of the chunk are computed again
     * @param rowIds the row ids of those trials, to leave out of the rewritten files
     * @param files names of the part files holding any of their rows
     */
    record Chunk(long retried, Set<String> rowIds, List<String> files) {
        static final Chunk NONE = new Chunk(0, Set.of(), List.of());
    }

    /**
     * Removes from {@code indices} (and {@code costs}) the trials whose rows are already committed,
     * except those with a row whose status is in {@code retry}; returns what replacing those takes.
     */
    static Chunk classify(SparkSession spark, SweepStore store, TrialSpace space, List<Long> indices,
                          List<Double> costs, Set<String> retry) {
        Object[] keys = indices.stream().map(i -> space.trial(i).rowIds().get(0)).toArray();
        Set<String> present = new HashSet<>();
        for (Row r : rows(spark, store).select("trial_id").where(functions.col("trial_id").isin(keys)).collectAsList()) {
            present.add(r.getString(0));
        }
        Set<String> bad = new HashSet<>();
        if (!retry.isEmpty() && !present.isEmpty()) {
            // The chunk's stored rows of a retried status (few, and only those of present trials).
            Object[] all = indices.stream().flatMap(i -> space.trial(i).rowIds().stream()).toArray();
            for (Row r : rows(spark, store).select("trial_id")
                    .where(functions.col("status").isin(retry.toArray()).and(functions.col("trial_id").isin(all)))
                    .collectAsList()) {
                bad.add(r.getString(0));
            }
        }
        Set<String> retriedIds = new HashSet<>();
        long retried = 0;
        for (int i = indices.size() - 1; i >= 0; i--) {
            if (!present.contains((String) keys[i])) {
                continue;
            }
            List<String> ids = space.trial(indices.get(i)).rowIds();
            if (ids.stream().anyMatch(bad::contains)) {
                retriedIds.addAll(ids);
                retried++;
            } else {
                indices.remove(i);
                costs.remove(i);
            }
        }
        if (retried == 0) {
            return Chunk.NONE;
        }
        List<String> files = new ArrayList<>();
        for (Row r : rows(spark, store).where(functions.col("trial_id").isin(retriedIds.toArray()))
                .select(functions.input_file_name()).distinct().collectAsList()) {
            files.add(new Path(r.getString(0)).getName());
        }
        files.sort(null);
        return new Chunk(retried, Set.copyOf(retriedIds), List.copyOf(files));
    }

    /** Writes the rows of {@code chunk.files()} that are not retried into one new file under {@code dir}. */
    static void writeKept(SparkSession spark, SweepStore store, Chunk chunk, String dir) {
        String[] paths = chunk.files().stream().map(f -> new Path(store.sweepDir(), f).toString()).toArray(String[]::new);
        spark.read().schema(ResultSchema.FILE_SCHEMA).parquet(paths)
                .where(functions.not(functions.col("trial_id").isin(chunk.rowIds().toArray())))
                .coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(dir);
    }

    private static org.apache.spark.sql.Dataset<Row> rows(SparkSession spark, SweepStore store) {
        return spark.read().schema(ResultSchema.FILE_SCHEMA).option("pathGlobFilter", "part-*").parquet(store.sweepDir());
    }
}
