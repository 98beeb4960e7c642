package org.relufem.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.relufem.report.analysis.Cell;
import org.relufem.report.analysis.Crossover;
import org.relufem.report.analysis.Metric;
import org.relufem.report.analysis.Observation;
import org.relufem.report.analysis.Views;
import org.relufem.sample.TensorGrid;
import org.relufem.sweep.TestDesign;
import org.relufem.target.Box;
import org.relufem.target.Target;
import org.relufem.target.TargetDefinition;

/**
 * Pictures of functions for d = 1 and 2, on the field grid of {@link TestDesign#fieldGrid}: the
 * target f (evaluated by the report from the target's definition; a data target has none), and for
 * each method its best setting by median max-norm error, the trial at the median seed: its
 * approximant g and error field |f - g| where the rows store g ({@code test.field = true}), and
 * the point where the max-norm search found the largest |f - g|. The page draws curves in 1-D,
 * heatmaps in 2-D, with one colour scale for f and every g of a panel and one (logarithmic) for
 * every error field.
 */
final class Pictures {
    private Pictures() {
    }

    /** Per method of one panel's observations, its best setting by median max-norm error. */
    private static List<Cell> bests(List<Observation> rows) {
        List<Cell> settings = Views.settings(rows);
        return settings.stream().map(Cell::method).distinct().map(m -> settings.stream().filter(c -> c.method().equals(m))
                .min(Comparator.comparingDouble(c -> c.median(Metric.MAX_NORM))).orElseThrow()).toList();
    }

    /** The trials whose g a panel's picture draws: each method's best setting's representative. */
    static List<String> drawn(List<Observation> rows) {
        return bests(rows).stream().map(c -> c.representative().trialId()).toList();
    }

    /**
     * The picture's JSON for one panel's observations, or null when there is nothing to draw.
     *
     * @param fields the stored g of (at least) the {@link #drawn} trials that have one, by trial_id
     */
    static String of(TargetDefinition definition, List<Observation> rows, Map<String, double[]> fields) {
        int dim = definition.dim();
        if (dim > 2) {
            return null;
        }
        Target f = definition instanceof TargetDefinition.OfData ? null : definition.create();
        Box box = definition.domain();
        TensorGrid grid = TestDesign.fieldGrid(box);
        double[] nodes = grid.nodes();
        double[] fv = null;
        if (f != null) {
            fv = new double[grid.nodeCount()];
            f.values(nodes, fv.length, fv);
        }
        Function<Cell, String> name = Crossover.namer(Views.settings(rows));
        StringJoiner methods = new StringJoiner(",");
        for (Cell best : bests(rows)) {
            Observation o = best.representative();
            double[] g = fields.get(o.trialId());
            g = g != null && g.length == grid.nodeCount() ? g : null;
            if (g == null && o.maxErrLocation() == null) {
                continue;
            }
            StringBuilder b = new StringBuilder("{\"label\":").append(Json.string(name.apply(best)
                    + String.format(Locale.ROOT, ": max |f - g| %.3g", o.maxErr())))
                    .append(",\"max\":").append(Json.number(o.maxErr()));
            if (o.maxErrLocation() != null) {
                b.append(",\"at\":").append(array(o.maxErrLocation(), Json::number));
                if (f != null) {
                    b.append(",\"fat\":").append(Json.number(f.value(o.maxErrLocation())));
                }
            }
            if (g != null) {
                b.append(",\"g\":").append(array(g, Pictures::digits7));
                if (fv != null) {
                    double[] err = new double[g.length];
                    for (int i = 0; i < g.length; i++) {
                        err[i] = Math.abs(fv[i] - g[i]);
                    }
                    b.append(",\"err\":").append(array(err, Pictures::digits3));
                }
            }
            methods.add(b.append('}'));
        }
        if (f == null && methods.length() == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder("{\"title\":").append(Json.string(definition.name() + ", d = " + dim))
                .append(",\"dim\":").append(dim).append(",\"n\":").append(grid.nodesPerAxis()).append(",\"box\":[");
        for (int a = 0; a < dim; a++) {
            b.append(a == 0 ? "" : ",").append('[').append(Json.number(box.lower(a))).append(',')
                    .append(Json.number(box.upper(a))).append(']');
        }
        b.append("],\"f\":").append(fv == null ? "null" : array(fv, Pictures::digits7));
        return b.append(",\"methods\":[").append(methods).append("]}").toString();
    }

    private static String array(double[] v, java.util.function.DoubleFunction<String> format) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (double x : v) {
            j.add(format.apply(x));
        }
        return j.toString();
    }

    /** Seven significant digits: enough for a picture of f or g, a third of the shortest round-trip text. */
    private static String digits7(double v) {
        return Double.isFinite(v) ? Json.number(Double.parseDouble(String.format(Locale.ROOT, "%.6e", v))) : "null";
    }

    /** Three significant digits, for an error field drawn on a log colour scale. */
    private static String digits3(double v) {
        return Double.isFinite(v) ? Json.number(Double.parseDouble(String.format(Locale.ROOT, "%.2e", v))) : "null";
    }
}
