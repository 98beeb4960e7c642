package org.relufem.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.relufem.report.Charts.Style;
import org.relufem.report.analysis.Axis;
import org.relufem.report.analysis.Cell;
import org.relufem.report.analysis.Convergence;
import org.relufem.report.analysis.Crossover;
import org.relufem.report.analysis.Metric;
import org.relufem.report.analysis.Observation;
import org.relufem.report.analysis.Pareto;
import org.relufem.report.analysis.View;
import org.relufem.report.analysis.View.Panel;
import org.relufem.report.analysis.View.Point;
import org.relufem.report.analysis.Views;
import org.relufem.report.analysis.Winners;
import org.relufem.target.TargetDefinition;

/**
 * The HTML of one report over a set of observations (one sweep, or several read together): what
 * the sweep varies, who wins where, the study's figures, convergence tables. Charts are drawn in
 * the page by uPlot (inlined from its WebJar) from JSON embedded in the page; each has a PNG
 * fallback for readers without JavaScript. Pure: no Spark.
 */
final class ReportPage {
    /** The uPlot build inlined into every page (the WebJar on the classpath). */
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    /** PNG fallbacks drawn at most per page; later charts need JavaScript. */
    static final int MAX_PNG = 60;

    private final StringBuilder html = new StringBuilder();
    private final List<String> charts = new ArrayList<>();
    private int section;

    /** The page's head: styles, uPlot, the page script. */
    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
                + "<style>" + resource(UPLOT + "uPlot.min.css") + "\n" + resource("org/relufem/report/report.css")
                + "</style>\n<script>" + resource(UPLOT + "uPlot.iife.min.js") + "</script>\n</head><body>\n";
    }

    /** The end of a page holding {@code pages}' charts: their data and the script that draws them. */
    static String tail(List<ReportPage> pages) {
        StringJoiner data = new StringJoiner(",\n", "[", "]");
        pages.forEach(p -> p.charts.forEach(data::add));
        return "<script id=\"relufem-data\" type=\"application/json\">" + data + "</script>\n<script>"
                + resource("org/relufem/report/report.js") + "</script>\n</body></html>\n";
    }

    /**
     * The report of {@code observations}, its charts numbered from {@code firstChart} (unique across
     * a page's reports), its pictures drawing the targets that {@code targets} defines by name and
     * dimension (null: no picture of that target) with the stored g that {@code fields} reads for
     * the trials given to it (by trial_id).
     */
    static ReportPage of(List<Observation> observations, int firstChart,
                         BiFunction<String, Integer, TargetDefinition> targets,
                         Function<List<String>, Map<String, double[]>> fields) {
        ReportPage p = new ReportPage();
        p.chartBase = firstChart;
        p.targets = targets;
        p.fields = fields;
        p.body(observations);
        return p;
    }

    private int chartBase;
    private BiFunction<String, Integer, TargetDefinition> targets;
    private Function<List<String>, Map<String, double[]>> fields;

    String html() {
        return html.toString();
    }

    int chartCount() {
        return charts.size();
    }

    private void body(List<Observation> obs) {
        if (obs.isEmpty()) {
            html.append("<p>No successful rows to draw.</p>\n");
            return;
        }
        List<View> views = Views.of(obs);
        varies(obs, views);
        answer(obs);
        for (View v : views) {
            view(v);
        }
        pictures(obs);
        views.stream().filter(v -> v.axis() == Axis.DOF).findFirst().ifPresent(this::convergence);
    }

    private void pictures(List<Observation> obs) {
        Map<String, List<Observation>> panels = new java.util.TreeMap<>();
        obs.stream().filter(o -> o.dim() <= 2).forEach(o -> panels.computeIfAbsent(o.target() + "\u0000" + o.dim(),
                k -> new ArrayList<>()).add(o));
        Map<String, double[]> g = fields.apply(panels.values().stream().flatMap(rows -> Pictures.drawn(rows).stream()).toList());
        List<String> figures = new ArrayList<>();
        panels.values().forEach(rows -> {
            TargetDefinition target = targets.apply(rows.get(0).target(), rows.get(0).dim());
            String json = target == null ? null : Pictures.of(target, rows, g);
            if (json != null) {
                figures.add("<figure class=\"pictures\"><script type=\"application/json\" class=\"picture-data\">" + json
                        + "</script></figure>\n");
            }
        });
        if (figures.isEmpty()) {
            return;
        }
        html.append("<h3>Pictures of functions</h3>\n<p>The target f on its box (d = 1, 2), and for each method its best"
                + " setting by median max-norm error (the trial at the median seed): its approximant g and the error"
                + " |f - g| on a grid of the box (401 points in 1-D, 61 x 61 in 2-D), one colour scale for f and every g,"
                + " one logarithmic scale for every error, and the point where the max-norm search found the largest"
                + " |f - g| marked: where the error sits. g is drawn where the rows store it (the spec's"
                + " <code>test.field = true</code>); f is evaluated by the report from the target's definition.</p>\n");
        figures.forEach(html::append);
    }

    private void varies(List<Observation> obs, List<View> views) {
        html.append("<h3>What the sweep varies</h3>\n<ul class=\"varies\">\n");
        Map<String, List<Observation>> perMethod = new LinkedHashMap<>();
        obs.forEach(o -> perMethod.computeIfAbsent(o.method(), k -> new ArrayList<>()).add(o));
        perMethod.forEach((m, rows) -> {
            List<String> v = new ArrayList<>(Views.varied(rows));
            if (rows.stream().map(Observation::target).distinct().count() > 1) {
                v.add(0, "target");
            }
            if (rows.stream().map(Observation::dim).distinct().count() > 1) {
                v.add(0, "dim");
            }
            html.append("<li><b>").append(escape(m)).append("</b>: ")
                    .append(v.isEmpty() ? "nothing" : escape(String.join(", ", v))).append(" (")
                    .append(rows.size()).append(" rows)</li>\n");
        });
        html.append("</ul>\n<p>Views drawn: ").append(escape(String.join(", ", views.stream()
                .map(v -> "error vs " + v.axis().label()).toList()))).append(". Every line is one method at one setting of"
                + " the other varied axes; points are medians over seeds (init, train and test), bands span the best and"
                + " worst seed.</p>\n");
    }

    private void answer(List<Observation> obs) {
        html.append("<h3>Who wins where</h3>\n<p>Per target and dimension: the best setting by median error over seeds in"
                + " each decade of degrees of freedom and of fit seconds, the runner-up (the best setting of another"
                + " method) and the ratio of their errors; then the Pareto front of error against fit time.</p>\n");
        Map<List<Object>, List<Observation>> panels = new java.util.TreeMap<>((a, b) -> {
            int c = ((String) a.get(0)).compareTo((String) b.get(0));
            return c != 0 ? c : Integer.compare((Integer) a.get(1), (Integer) b.get(1));
        });
        obs.forEach(o -> panels.computeIfAbsent(List.of(o.target(), o.dim()), k -> new ArrayList<>()).add(o));
        for (var p : panels.entrySet()) {
            List<Cell> settings = Views.settings(p.getValue());
            Function<Cell, String> name = Crossover.namer(settings);
            html.append("<h4>").append(escape(p.getKey().get(0) + ", d = " + p.getKey().get(1))).append("</h4>\n<p class=\"answer\">")
                    .append(escape(Crossover.sentence(settings))).append("</p>\n");
            for (Winners.Cost cost : Winners.Cost.values()) {
                winners(settings, name, cost);
            }
            Map<Metric, List<Point>> fronts = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                fronts.put(m, ChartJson.points(Pareto.byTime(settings, m), Cell::medianFitSeconds));
            }
            Map<String, List<Cell>> perMethod = new LinkedHashMap<>();
            settings.forEach(c -> perMethod.computeIfAbsent(c.method(), k -> new ArrayList<>()).add(c));
            List<ChartJson.Line> lines = new ArrayList<>();
            perMethod.forEach((m, cells) -> lines.add(new ChartJson.Line(m, ChartJson.points(cells, Cell::medianFitSeconds), false)));
            chart(p.getKey().get(0) + ", d = " + p.getKey().get(1) + ": error vs fit time", "median fit seconds", false,
                    lines, fronts, "Each point is one setting (median over seeds); the dashed line is the Pareto front:"
                            + " the settings nothing beats on both time and error.");
        }
    }

    private void winners(List<Cell> settings, Function<Cell, String> name, Winners.Cost cost) {
        List<Winners.Row> rel = Winners.of(settings, cost, Metric.REL_L2);
        List<Winners.Row> max = Winners.of(settings, cost, Metric.MAX_NORM);
        List<String> header = new ArrayList<>(List.of(cost.label(), "settings"));
        for (Metric m : Metric.values()) {
            header.addAll(List.of("best by " + m.key(), m.key(), "runner-up", m.key() + " ", "ratio"));
        }
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < rel.size(); i++) {
            List<String> row = new ArrayList<>(List.of(rel.get(i).band(), String.valueOf(rel.get(i).settings())));
            for (Winners.Row w : List.of(rel.get(i), max.get(i))) {
                row.add(name.apply(w.best()));
                row.add(Observation.number(w.best().median(w.metric())));
                row.add(w.runnerUp() == null ? "-" : name.apply(w.runnerUp()));
                row.add(w.runnerUp() == null ? "-" : Observation.number(w.runnerUp().median(w.metric())));
                row.add(w.runnerUp() == null ? "-" : String.format(Locale.ROOT, "%.3g", w.ratio()));
            }
            cells.add(row.toArray(String[]::new));
        }
        table("winners", header.toArray(String[]::new), cells);
    }

    private void view(View v) {
        html.append("<h3>Error vs ").append(escape(v.axis().label())).append("</h3>\n<p>").append(escape(caption(v.axis())))
                .append("</p>\n<div class=\"charts\">\n");
        for (Panel p : v.panels()) {
            List<ChartJson.Line> lines = p.series().stream()
                    .map(s -> ChartJson.Line.of(s, v.axis() == Axis.DOF && s.points().size() >= 3)).toList();
            Map<Metric, List<Point>> fronts = new EnumMap<>(Metric.class);
            if (v.axis() == Axis.DOF) {
                List<Cell> cells = p.series().stream().flatMap(s -> s.points().stream()).map(Point::cell).toList();
                for (Metric m : Metric.values()) {
                    fronts.put(m, ChartJson.points(Pareto.byDof(cells, m), Cell::medianParams));
                }
            }
            chart(p.title(), v.axis().label(), true, lines, fronts, null);
        }
        html.append("</div>\n");
    }

    private static String caption(Axis a) {
        return switch (a) {
            case SAMPLES -> "Do more samples buy accuracy, per target and dimension? One line per method and setting.";
            case DIM -> "What does the dimension cost each method? A '#k' in a label is the k-th smallest value of an axis"
                    + " chosen per d (the smaller and the larger grid, width or degree).";
            case DOF -> "Does more freedom buy accuracy, and at what rate? Triangles show each refinement's fitted slope;"
                    + " the dashed line is the Pareto front of error against degrees of freedom.";
            case EPOCHS -> "Does training longer still pay, per optimiser and setting? Test error at each epoch checkpoint.";
        };
    }

    private void convergence(View v) {
        html.append("<h3>Convergence tables</h3>\n<p>Every refinement series of the DOF view: the median error at each step"
                + " and the observed order between consecutive steps in powers of h ~ DOF^(-1/d), p = -d log(e2/e1) /"
                + " log(N2/N1) (an O(h^2) error has order 2); then the fitted slope of log error against log DOF with"
                + " its 95% interval (Student's t; none from two steps) and the order it implies.</p>\n");
        for (Panel p : v.panels()) {
            List<String[]> rows = new ArrayList<>();
            for (var s : p.series()) {
                Convergence rel = Convergence.of(s, p.dim(), Metric.REL_L2);
                Convergence max = Convergence.of(s, p.dim(), Metric.MAX_NORM);
                if (rel == null || max == null || rel.steps().size() != max.steps().size()) {
                    continue;
                }
                for (int i = 0; i < rel.steps().size(); i++) {
                    Convergence.Step a = rel.steps().get(i);
                    Convergence.Step b = max.steps().get(i);
                    rows.add(new String[] {s.label(), Observation.number(a.dof()), Observation.number(a.error()),
                        order(a.order()), Observation.number(b.error()), order(b.order())});
                }
                rows.add(new String[] {s.label(), "fitted slope", interval(rel.fit().slope(), rel.fit().halfWidth()),
                    "order " + interval(rel.fittedOrder(), p.dim() * rel.fit().halfWidth()),
                    interval(max.fit().slope(), max.fit().halfWidth()),
                    "order " + interval(max.fittedOrder(), p.dim() * max.fit().halfWidth())});
            }
            if (!rows.isEmpty()) {
                html.append("<h4>").append(escape(p.title())).append("</h4>\n");
                table("convergence", new String[] {"series", "DOF", "rel_l2", "order", "max-norm", "order"}, rows);
            }
        }
    }

    private static String order(double p) {
        return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String interval(double v, double half) {
        return Double.isNaN(half) ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.3f ± %.3f", v, half);
    }

    private void chart(String title, String xLabel, boolean lines, List<ChartJson.Line> series,
                       Map<Metric, List<Point>> fronts, String caption) {
        int id = chartBase + charts.size();
        charts.add(ChartJson.chart(title, xLabel, lines, series, fronts));
        html.append("<figure class=\"chart\"><div class=\"uplot-host\" data-chart=\"").append(id).append("\"></div>");
        if (id < MAX_PNG) {
            List<Charts.Series> png = new ArrayList<>();
            for (int i = 0; i < series.size(); i++) {
                ChartJson.Line l = series.get(i);
                png.add(new Charts.Series(l.label(), l.points().stream().mapToDouble(Point::x).toArray(),
                        l.points().stream().mapToDouble(q -> q.cell().median(Metric.REL_L2)).toArray(),
                        lines ? Style.LINE : Style.POINTS, i));
            }
            html.append("<noscript><img width=\"").append(Charts.WIDTH).append("\" height=\"").append(Charts.HEIGHT)
                    .append("\" alt=\"").append(escape(title)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Charts.png(title, xLabel, Metric.REL_L2.label(), png)))
                    .append("\"></noscript>");
        }
        if (caption != null) {
            html.append("<figcaption>").append(escape(caption)).append("</figcaption>");
        }
        html.append("</figure>\n");
    }

    void table(String cssClass, String[] header, List<String[]> cells) {
        html.append(tableHtml(cssClass, header, cells));
    }

    /** A table that scrolls sideways when wide and sorts by a column on a click of its header. */
    static String tableHtml(String cssClass, String[] header, List<String[]> cells) {
        StringBuilder b = new StringBuilder("<div class=\"scroll\"><table class=\"sortable ").append(cssClass).append("\"><tr>");
        for (String h : header) {
            b.append("<th>").append(escape(h)).append("</th>");
        }
        b.append("</tr>\n");
        for (String[] row : cells) {
            b.append("<tr>");
            for (String c : row) {
                boolean number = c.matches("[-+0-9.eE]+");
                b.append(number ? "<td class=\"n\">" : "<td>").append(escape(c)).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</table></div>\n").toString();
    }

    static String resource(String name) {
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
