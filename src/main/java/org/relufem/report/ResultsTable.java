package org.relufem.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.relufem.BadInputException;
import org.relufem.spark.CommitList;
import org.relufem.spark.ResultSchema;

/** The results table under an output directory, read back as Spark SQL view {@code trials}. */
public final class ResultsTable {
    public static final String VIEW = "trials";

    private ResultsTable() {
    }

    /** Whether {@code out} names a path on another file system (hdfs://, s3a://, ...), which Spark checks itself. */
    public static boolean isRemote(String out) {
        return out.contains("://");
    }

    /**
     * Whether {@code out} holds at least one sweep partition ({@code sweep=NAME}). Remote paths
     * are assumed to; Spark reports a missing one when it reads.
     */
    public static boolean exists(String out) {
        if (isRemote(out)) {
            return true;
        }
        return exists(Path.of(out));
    }

    private static boolean exists(Path out) {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> children = Files.list(out)) {
            return children.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("sweep="));
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws BadInputException when {@code out} holds no results table */
    public static void requireExists(String out) {
        if (!exists(out)) {
            throw new BadInputException("no relufem results under " + out + " (run a sweep first, or pass --out DIR)");
        }
    }

    /** Reads the table under {@code out} and registers it as view {@code trials}. */
    public static Dataset<Row> register(SparkSession spark, String out) {
        requireExists(out);
        // Only Parquet files: a report.html (or anything else a user keeps there) is not data. Where a
        // retry's swap is not finished, the files that show it not at all or whole (CommitList).
        var files = CommitList.visibleFiles(spark.sparkContext().hadoopConfiguration(), out);
        var reader = spark.read().schema(ResultSchema.TABLE_SCHEMA);
        Dataset<Row> table = files.isPresent()
                ? reader.option("basePath", out).parquet(files.get().toArray(String[]::new))
                : reader.option("pathGlobFilter", "*.parquet").parquet(out);
        table.createOrReplaceTempView(VIEW);
        return table;
    }

    /** Runs read-only {@code sql} over view {@code trials} of the table under {@code out}. */
    public static Dataset<Row> query(SparkSession spark, String out, String sql) {
        ReadOnlySql.check(spark, sql);
        register(spark, out);
        return spark.sql(sql);
    }
}
