package org.relufem.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.relufem.sweep.SpecException;

/** The results table under an output directory, read back as Spark SQL view {@code trials}. */
public final class ResultsTable {
    public static final String VIEW = "trials";

    private ResultsTable() {
    }

    /** Whether {@code out} holds at least one sweep partition ({@code sweep=NAME}). */
    public static boolean exists(Path out) {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> children = Files.list(out)) {
            return children.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("sweep="));
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the table under {@code out} and registers it as view {@code trials}. */
    public static Dataset<Row> register(SparkSession spark, Path out) {
        if (!exists(out)) {
            throw new SpecException("no relufem results under " + out + " (run a sweep first, or pass --out DIR)");
        }
        Dataset<Row> table = spark.read().parquet(out.toString());
        table.createOrReplaceTempView(VIEW);
        return table;
    }

    /** Runs read-only {@code sql} over view {@code trials} of the table under {@code out}. */
    public static Dataset<Row> query(SparkSession spark, Path out, String sql) {
        ReadOnlySql.check(spark, sql);
        register(spark, out);
        return spark.sql(sql);
    }
}
