package org.relufem.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.relufem.sweep.ResultColumns;

/**
 * The tables {@code run} prints at the end: one line per method and setting, with the number of
 * rows, how many succeeded, the median and best test MSE and the median max error over seeds, and
 * the total fit time; then one line per method, counting trials by how they ended (a network
 * trial by its last checkpoint).
 */
public final class SweepSummary {
    /** The settings of a line: the results columns that are settings, then the checkpoint. */
    private static final String SETTINGS = String.join(", ", ResultColumns.grouping());

    static final String SQL = """
            SELECT %1$s,
                   count(*) AS rows, sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END) AS ok,
                   percentile(mse, 0.5) AS median_mse, min(mse) AS best_mse,
                   percentile(max_abs_err, 0.5) AS median_max_err, sum(fit_seconds) AS fit_seconds
            FROM trials WHERE sweep = '%%s'
            GROUP BY %1$s
            ORDER BY %1$s
            """.formatted(SETTINGS);

    static final String METHOD_SQL = """
            WITH last AS (SELECT method, max(epochs) AS e FROM trials WHERE sweep = '%1$s' GROUP BY method)
            SELECT t.method, count(*) AS trials, sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END) AS ok,
                   sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed,
                   sum(CASE WHEN status = 'diverged' THEN 1 ELSE 0 END) AS diverged,
                   percentile(mse, 0.5) AS median_mse, min(mse) AS best_mse,
                   percentile(max_abs_err, 0.5) AS median_max_err, sum(fit_seconds) AS fit_seconds
            FROM trials t JOIN last l ON t.method = l.method
            WHERE t.sweep = '%1$s' AND (t.epochs IS NULL OR t.epochs = l.e)
            GROUP BY t.method ORDER BY t.method
            """;

    /** Settings printed at most; a sweep of thousands of settings is for queries, not a terminal. */
    static final int MAX_LINES = 60;

    private SweepSummary() {
    }

    /** The summary's header and cells, one line per setting; columns null on every line are left out. */
    record Table(String[] header, List<String[]> cells) {
    }

    /** The per-setting summary of sweep {@code sweep} (view {@code trials} must be registered). */
    static Table table(SparkSession spark, String sweep) {
        return table(spark, SQL, sweep);
    }

    /** The per-method summary of sweep {@code sweep}. */
    static Table methods(SparkSession spark, String sweep) {
        return table(spark, METHOD_SQL, sweep);
    }

    private static Table table(SparkSession spark, String sql, String sweep) {
        Dataset<Row> summary = spark.sql(String.format(sql, sweep.replace("'", "''")));
        List<Row> rows = summary.collectAsList();
        String[] names = summary.columns();
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            final int col = c;
            if (rows.stream().anyMatch(r -> !r.isNullAt(col))) {
                shown.add(c);
            }
        }
        String[] header = shown.stream().map(c -> names[c]).toArray(String[]::new);
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(shown.stream().map(c -> OutputFormat.text(r.get(c), true)).toArray(String[]::new));
        }
        return new Table(header, cells);
    }

    /** Prints the summary of sweep {@code sweep}, at most {@link #MAX_LINES} settings of it. */
    public static void print(SparkSession spark, String sweep, PrintStream out) {
        Table t = table(spark, sweep);
        OutputFormat.printTable(t.header(), t.cells().subList(0, Math.min(t.cells().size(), MAX_LINES)), out);
        if (t.cells().size() > MAX_LINES) {
            out.printf("... and %d more settings: see jobs/relufem query%n", t.cells().size() - MAX_LINES);
        }
        out.println();
        Table m = methods(spark, sweep);
        OutputFormat.printTable(m.header(), m.cells(), out);
    }
}
