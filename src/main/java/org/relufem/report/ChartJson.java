package org.relufem.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;
import org.relufem.report.analysis.Cell;
import org.relufem.report.analysis.LogLogFit;
import org.relufem.report.analysis.Metric;
import org.relufem.report.analysis.Observation;
import org.relufem.report.analysis.View.Point;
import org.relufem.report.analysis.View.Series;

/**
 * A chart's data as the page's script reads it: per series its label and points
 * {@code [x, rel_l2 median, min, max, max-norm median, min, max, "the trial"]}, whether to draw
 * lines, the fitted slope per metric (for a rate triangle) and the Pareto front per metric.
 */
final class ChartJson {
    /** A series to draw: its label, points and whether it gets a rate triangle. */
    record Line(String label, List<Point> points, boolean triangle) {
        static Line of(Series s, boolean triangle) {
            return new Line(s.label(), s.points(), triangle);
        }
    }

    private ChartJson() {
    }

    static String chart(String title, String xLabel, boolean lines, List<Line> series, Map<Metric, List<Point>> fronts) {
        StringBuilder b = new StringBuilder("{\"title\":").append(Json.string(title)).append(",\"xlabel\":")
                .append(Json.string(xLabel)).append(",\"lines\":").append(lines).append(",\"series\":[");
        StringJoiner all = new StringJoiner(",");
        for (Line s : series) {
            StringJoiner pts = new StringJoiner(",");
            for (Point p : s.points()) {
                Cell c = p.cell();
                pts.add("[" + Json.number(p.x()) + "," + stats(c, Metric.REL_L2) + "," + stats(c, Metric.MAX_NORM) + ","
                        + Json.string(info(c)) + "]");
            }
            StringJoiner slopes = new StringJoiner(",");
            if (s.triangle()) {
                for (Metric m : Metric.values()) {
                    slopes.add(Json.string(m.key()) + ":" + Json.number(slope(s.points(), m)));
                }
            }
            all.add("{\"label\":" + Json.string(s.label()) + ",\"slope\":{" + slopes + "},\"pts\":[" + pts + "]}");
        }
        b.append(all).append("],\"fronts\":{");
        StringJoiner fs = new StringJoiner(",");
        for (var f : fronts.entrySet()) {
            StringJoiner pts = new StringJoiner(",");
            f.getValue().forEach(p -> pts.add("[" + Json.number(p.x()) + "," + Json.number(p.cell().median(f.getKey())) + "]"));
            fs.add(Json.string(f.getKey().key()) + ":[" + pts + "]");
        }
        return b.append(fs).append("}}").toString();
    }

    /** The points of {@code cells} at x = {@code x} of each (cost charts: one point per setting). */
    static List<Point> points(List<Cell> cells, ToDoubleFunction<Cell> x) {
        List<Point> out = new ArrayList<>();
        cells.stream().filter(c -> x.applyAsDouble(c) > 0).forEach(c -> out.add(new Point(x.applyAsDouble(c), c)));
        out.sort((p, q) -> Double.compare(p.x(), q.x()));
        return out;
    }

    private static double slope(List<Point> points, Metric m) {
        List<Point> p = points.stream().filter(q -> q.cell().median(m) > 0).toList();
        if (p.size() < 2) {
            return Double.NaN;
        }
        return LogLogFit.of(p.stream().mapToDouble(Point::x).toArray(),
                p.stream().mapToDouble(q -> q.cell().median(m)).toArray()).slope();
    }

    private static String stats(Cell c, Metric m) {
        return Json.number(c.median(m)) + "," + Json.number(c.min(m)) + "," + Json.number(c.max(m));
    }

    /** What a hover shows: the median seed's trial, every parameter, errors over the seeds. */
    static String info(Cell c) {
        Observation o = c.representative();
        StringBuilder s = new StringBuilder();
        o.settings().forEach((k, v) -> s.append(k).append(" = ").append(Observation.format(v)).append('\n'));
        o.replicates().forEach((k, v) -> s.append(k).append(" = ").append(Observation.format(v)).append('\n'));
        s.append("params = ").append(o.params()).append('\n');
        s.append("rel_l2 = ").append(Observation.number(o.relL2())).append(", max-norm = ")
                .append(Observation.number(o.maxErr())).append(", rmse = ").append(Observation.number(o.rmse())).append('\n');
        s.append("fit = ").append(Observation.number(o.fitSeconds())).append(" s\n");
        if (c.count() > 1) {
            s.append(c.count()).append(" seeds: median rel_l2 ").append(Observation.number(c.median(Metric.REL_L2)))
                    .append(" [").append(Observation.number(c.min(Metric.REL_L2))).append(", ")
                    .append(Observation.number(c.max(Metric.REL_L2))).append("], median max-norm ")
                    .append(Observation.number(c.median(Metric.MAX_NORM))).append('\n');
        }
        s.append("trial_id = ").append(o.trialId()).append(" (sweep ").append(o.sweep()).append(')');
        return s.toString();
    }
}
