package org.relufem.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.relufem.BadInputException;
import org.relufem.metric.RateFit;
import org.relufem.report.Charts.Series;
import org.relufem.report.Charts.Style;

/**
 * One self-contained HTML page per results table: for each sweep, the seed-style comparison
 * table, then log-log charts (PNG, embedded) of error against degrees of freedom with fitted
 * slopes, error against width and against epochs for networks with the spread over init seeds,
 * max-norm against RMSE, and fit time against RMSE. Every number comes from the table through
 * Spark SQL over view {@code trials}.
 */
public final class HtmlReport {
    /** Most points a scatter chart draws per method; beyond it, a fixed sample. */
    static final int MAX_SCATTER = 5000;

    private final SparkSession spark;
    private final StringBuilder html = new StringBuilder();

    private HtmlReport(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * The report of sweep {@code sweep}, or of every sweep when it is null, from the table under
     * {@code out}.
     *
     * @throws BadInputException when the table is missing or holds no such sweep
     */
    public static String render(SparkSession spark, String out, String sweep) {
        ResultsTable.register(spark, out);
        List<String> sweeps = spark.sql("SELECT DISTINCT sweep FROM trials ORDER BY sweep").collectAsList()
                .stream().map(r -> r.getString(0)).toList();
        if (sweep != null && !sweeps.contains(sweep)) {
            throw new BadInputException("no sweep '" + sweep + "' under " + out + "; it holds: " + String.join(", ", sweeps));
        }
        HtmlReport r = new HtmlReport(spark);
        r.page(out, sweep == null ? sweeps : List.of(sweep));
        return r.html.toString();
    }

    private void page(String out, List<String> sweeps) {
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>relufem report</title>
                <style>
                body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }
                table { border-collapse: collapse; font-size: 13px; margin: 1em 0; }
                th, td { border: 1px solid #ccc; padding: 3px 6px; } td.n { text-align: right; }
                th { background: #f0f0f0; } figure { margin: 1.5em 0; } figcaption { color: #555; max-width: 720px; }
                </style></head><body>
                """);
        html.append("<h1>relufem report</h1>\n<p>Table <code>").append(escape(out)).append("</code>, ")
                .append(Instant.now()).append(".</p>\n");
        for (String sweep : sweeps) {
            sweep(sweep);
        }
        html.append("</body></html>\n");
    }

    private void sweep(String sweep) {
        String s = sweep.replace("'", "''");
        html.append("<h2>Sweep <code>").append(escape(sweep)).append("</code></h2>\n");
        SweepSummary.Table t = SweepSummary.table(spark, sweep);
        html.append("<p>One line per method and setting; medians and bests are over seeds (init and test).</p>\n");
        table("summary", t.header(), t.cells());
        SweepSummary.Table m = SweepSummary.methods(spark, sweep);
        html.append("<p>One line per method: trials by how they ended (a network by its last checkpoint),"
                + " median and best over them, total fit time.</p>\n");
        table("methods", m.header(), m.cells());
        dofChart(s);
        netCharts(s);
        scatter(s, "rmse", "coalesce(max_abs_err_search, max_abs_err)", "Max-norm vs RMSE", "test RMSE",
                "max |error| (searched)", "Where max-norm error sits far above the RMSE, the error is concentrated in"
                        + " a few places (a glitch, a kink), which an average hides. The max-norm is the local search's"
                        + " estimate from the worst test points (the test-set maximum where there is none).");
        scatter(s, "fit_seconds", "rmse", "Fit time vs error", "fit seconds", "test RMSE",
                "The cost of accuracy: each point is one fitted approximant; lower left is better.");
    }

    private void dofChart(String s) {
        List<Row> rows = spark.sql(("WITH last AS (SELECT method, max(epochs) AS e FROM trials WHERE sweep = '%s' "
                + "GROUP BY method) SELECT t.method, t.target, t.dim, t.params, percentile(t.rmse, 0.5) AS rmse "
                + "FROM trials t JOIN last l ON t.method = l.method WHERE t.sweep = '%s' AND t.status = 'ok' "
                + "AND t.rmse > 0 AND t.params > 0 AND (t.epochs IS NULL OR t.epochs = l.e) "
                + "GROUP BY t.method, t.target, t.dim, t.params ORDER BY 1, 2, 3, 4").formatted(s, s)).collectAsList();
        boolean severalTargets = rows.stream().map(r -> r.getString(1) + r.getInt(2)).distinct().count() > 1;
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (Row r : rows) {
            String name = r.getString(0) + (severalTargets ? " " + r.getString(1) + " d=" + r.getInt(2) : "");
            points.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {r.getLong(3), r.getDouble(4)});
        }
        if (points.isEmpty()) {
            return;
        }
        List<Series> series = new ArrayList<>();
        List<String[]> slopes = new ArrayList<>();
        int colour = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (var e : points.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            String name = e.getKey();
            if (x.length >= 2) {
                double slope = RateFit.of(x, y).slope();
                slopes.add(new String[] {e.getKey(), String.valueOf(x.length), String.format(Locale.ROOT, "%.3f", slope)});
                name += String.format(Locale.ROOT, " (slope %.2f)", slope);
            }
            series.add(new Series(name, x, y, Style.LINE, colour++));
            for (double v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi > lo) {
            // The reference: RMSE ~ DOF^-1, P1's rate in 2-D (h^2 with DOF ~ h^-2), through the first series' first point.
            double[] first = points.values().iterator().next().get(0);
            double c = first[1] * first[0];
            series.add(new Series("slope -1 (P1 in 2-D)", new double[] {lo, hi}, new double[] {c / lo, c / hi},
                    Style.DASHED, 7));
        }
        figure(Charts.png("Error vs degrees of freedom", "degrees of freedom (params)", "median test RMSE", series),
                "Error vs degrees of freedom",
                "Does more freedom buy accuracy, and at what rate? Each line is a method (networks at their last"
                        + " epoch checkpoint, median over seeds); the legend gives the fitted log-log slope.");
        if (!slopes.isEmpty()) {
            table("slopes", new String[] {"series", "points", "slope of log RMSE vs log DOF"}, slopes);
        }
    }

    /** The network charts: over the rows that have a width (every method with one is a network). */
    private void netCharts(String s) {
        List<Row> byWidth = spark.sql(("SELECT width, min(rmse), percentile(rmse, 0.5), max(rmse) FROM trials "
                + "WHERE sweep = '%s' AND width IS NOT NULL AND status = 'ok' AND rmse > 0 AND epochs = "
                + "(SELECT max(epochs) FROM trials WHERE sweep = '%s' AND width IS NOT NULL) "
                + "GROUP BY width ORDER BY width").formatted(s, s)).collectAsList();
        if (byWidth.isEmpty()) {
            return;
        }
        double[] w = byWidth.stream().mapToDouble(r -> r.getInt(0)).toArray();
        figure(Charts.png("Networks: error vs width", "width", "test RMSE", List.of(
                        new Series("median over init seeds", w, column(byWidth, 2), Style.LINE, 0),
                        new Series("min and max", w, column(byWidth, 1), Style.DASHED, 0),
                        new Series("max", w, column(byWidth, 3), Style.DASHED, 0, false))),
                "Networks: error vs width",
                "Does a wider network help, and how reliably? Solid: median over init seeds at the last epoch"
                        + " checkpoint; dashed: the best and worst seed.");

        List<Row> byEpochs = spark.sql(("SELECT width, epochs, min(rmse), percentile(rmse, 0.5), max(rmse) FROM trials "
                + "WHERE sweep = '%s' AND width IS NOT NULL AND status = 'ok' AND rmse > 0 "
                + "GROUP BY width, epochs ORDER BY width, epochs").formatted(s)).collectAsList();
        Map<Integer, List<Row>> perWidth = new LinkedHashMap<>();
        for (Row r : byEpochs) {
            perWidth.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r);
        }
        List<Series> series = new ArrayList<>();
        int colour = 0;
        for (var e : perWidth.entrySet()) {
            double[] epochs = e.getValue().stream().mapToDouble(r -> r.getInt(1)).toArray();
            series.add(new Series("width " + e.getKey(), epochs, column(e.getValue(), 3), Style.LINE, colour));
            series.add(new Series("min " + e.getKey(), epochs, column(e.getValue(), 2), Style.DASHED, colour, false));
            series.add(new Series("max " + e.getKey(), epochs, column(e.getValue(), 4), Style.DASHED, colour, false));
            colour++;
        }
        figure(Charts.png("Networks: error vs epochs", "epochs", "test RMSE", series), "Networks: error vs epochs",
                "Does training longer still pay? One colour per width: solid the median over init seeds, dashed"
                        + " the best and worst seed.");
    }

    private void scatter(String s, String x, String y, String title, String xLabel, String yLabel, String caption) {
        List<Row> rows = spark.sql(("SELECT method, x, y FROM (SELECT method, %s AS x, %s AS y, row_number() OVER "
                + "(PARTITION BY method ORDER BY trial_id) AS k FROM trials WHERE sweep = '%s' AND status = 'ok' "
                + "AND %s > 0 AND %s > 0) WHERE k <= %d ORDER BY method").formatted(x, y, s, x, y, MAX_SCATTER))
                .collectAsList();
        Map<String, List<Row>> perMethod = new LinkedHashMap<>();
        for (Row r : rows) {
            perMethod.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
        }
        if (perMethod.isEmpty()) {
            return;
        }
        List<Series> series = new ArrayList<>();
        int colour = 0;
        for (var e : perMethod.entrySet()) {
            series.add(new Series(e.getKey(), column(e.getValue(), 1), column(e.getValue(), 2), Style.POINTS, colour++));
        }
        figure(Charts.png(title, xLabel, yLabel, series), title, caption);
    }

    private static double[] column(List<Row> rows, int c) {
        return rows.stream().mapToDouble(r -> ((Number) r.get(c)).doubleValue()).toArray();
    }

    private void figure(byte[] png, String alt, String caption) {
        html.append("<figure><img width=\"").append(Charts.WIDTH).append("\" height=\"").append(Charts.HEIGHT)
                .append("\" alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n<figcaption>").append(escape(caption))
                .append("</figcaption></figure>\n");
    }

    private void table(String cssClass, String[] header, List<String[]> cells) {
        html.append("<div style=\"overflow-x: auto\"><table class=\"").append(cssClass).append("\"><tr>");
        for (String h : header) {
            html.append("<th>").append(escape(h)).append("</th>");
        }
        html.append("</tr>\n");
        for (String[] row : cells) {
            html.append("<tr>");
            for (String c : row) {
                boolean number = c.matches("[-+0-9.eE]+");
                html.append(number ? "<td class=\"n\">" : "<td>").append(escape(c)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table></div>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
