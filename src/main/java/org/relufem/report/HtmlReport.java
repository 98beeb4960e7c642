package org.relufem.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.spark.sql.SparkSession;
import org.relufem.BadInputException;
import org.relufem.spark.StoredSpec;
import org.relufem.target.TargetDefinition;
import org.relufem.target.Targets;

/**
 * One self-contained HTML page from the results table: per sweep (or for several sweeps read
 * together) what it varies, who wins where and at what cost, the study's own figures drawn
 * interactively in the page, convergence tables, and the comparison tables. The numbers come
 * from the table through Spark SQL over view {@code trials}; {@link ReportPage} lays them out.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * The report of {@code sweeps} read together, or one section per sweep of the table when it is
     * null or empty, from the table under {@code out}.
     *
     * @throws BadInputException when the table is missing or holds no such sweep
     */
    public static String render(SparkSession spark, String out, List<String> sweeps) {
        ResultsTable.register(spark, out);
        List<String> present = spark.sql("SELECT DISTINCT sweep FROM trials ORDER BY sweep").collectAsList()
                .stream().map(r -> r.getString(0)).toList();
        List<List<String>> sections = new ArrayList<>();
        if (sweeps == null || sweeps.isEmpty()) {
            present.forEach(s -> sections.add(List.of(s)));
        } else {
            for (String s : sweeps) {
                if (!present.contains(s)) {
                    throw new BadInputException("no sweep '" + s + "' under " + out + "; it holds: " + String.join(", ", present));
                }
            }
            sections.add(List.copyOf(sweeps));
        }
        StringBuilder html = new StringBuilder(ReportPage.head("relufem report"));
        html.append("<h1>relufem report</h1>\n<p>Table <code>").append(ReportPage.escape(out)).append("</code>, ")
                .append(Instant.now()).append(".</p>\n");
        html.append("<div class=\"controls\">Charts show <select id=\"metric\"><option value=\"rel_l2\">relative L2 error"
                + "</option><option value=\"max_err\">max-norm error</option></select> (medians over seeds, band: best to"
                + " worst seed). Hover a point for its trial; click a legend entry to hide its series.</div>\n");
        List<ReportPage> pages = new ArrayList<>();
        int charts = 0;
        for (List<String> section : sections) {
            html.append("<h2>Sweep").append(section.size() > 1 ? "s" : "").append(" <code>")
                    .append(ReportPage.escape(String.join(", ", section))).append("</code></h2>\n");
            Observations.Read read = Observations.of(spark, section);
            if (!read.leftOut().isEmpty()) {
                html.append("<p>Left out of the charts (not ok, or an error of exactly zero): ");
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, Long> e : read.leftOut().entrySet()) {
                    parts.add(e.getValue() + " " + e.getKey() + " rows");
                }
                html.append(ReportPage.escape(String.join(", ", parts))).append(" (see the method table).</p>\n");
            }
            ReportPage page = ReportPage.of(read.observations(), charts, targets(spark, out, section),
                    ids -> Observations.fields(spark, section, ids));
            charts += page.chartCount();
            pages.add(page);
            html.append(page.html());
            for (String sweep : section) {
                summary(spark, sweep, html);
            }
        }
        html.append(ReportPage.tail(pages));
        return html.toString();
    }

    /**
     * The targets of {@code sweeps} by name and dimension, as their stored specs define them (formulas,
     * classes and data files too), else from the registry; null for a target neither knows (a
     * class no longer on the classpath, a data file no longer there).
     */
    private static BiFunction<String, Integer, TargetDefinition> targets(SparkSession spark, String out,
                                                                       List<String> sweeps) {
        Map<String, TargetDefinition> stored = new HashMap<>();
        for (String sweep : sweeps) {
            try {
                StoredSpec.read(spark, out, sweep).ifPresent(spec -> spec.targets().forEach(t -> stored.putIfAbsent(
                        t.name() + "\u0000" + t.dim(), t.definition())));
            } catch (RuntimeException gone) {
                // The pictures fall back to the registry.
            }
        }
        return (name, dim) -> {
            TargetDefinition d = stored.get(name + "\u0000" + dim);
            if (d == null && Targets.names().contains(name)) {
                d = new TargetDefinition.Registered(name, dim);
            }
            return d;
        };
    }

    private static void summary(SparkSession spark, String sweep, StringBuilder html) {
        html.append("<h3>Comparison tables of <code>").append(ReportPage.escape(sweep)).append("</code></h3>\n");
        SweepSummary.Table t = SweepSummary.table(spark, sweep);
        html.append("<p>One line per method and setting; medians and bests are over seeds (init and test).</p>\n");
        html.append(ReportPage.tableHtml("summary", t.header(), t.cells()));
        SweepSummary.Table m = SweepSummary.methods(spark, sweep);
        html.append("<p>One line per method: trials by how they ended (a network by its last checkpoint),"
                + " median and best over them, total fit time.</p>\n");
        html.append(ReportPage.tableHtml("methods", m.header(), m.cells()));
    }
}
