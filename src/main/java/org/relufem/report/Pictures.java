package org.relufem.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;
import org.relufem.report.analysis.Cell;
import org.relufem.report.analysis.Crossover;
import org.relufem.report.analysis.Metric;
import org.relufem.report.analysis.Observation;
import org.relufem.report.analysis.Views;
import org.relufem.target.Box;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/**
 * Pictures of the target for d = 1 and 2: f on a fixed grid of its box (a curve in 1-D, a
 * heatmap in 2-D), evaluated by the report from the target registry, with the point where the
 * max-norm search found the largest |f − g| of each method's best setting (by median max-norm
 * error) marked: where the error sits. Targets outside the registry (formulas, classes, data)
 * and rows without a search get no picture.
 */
final class Pictures {
    /** Grid points per axis: 1-D curves, 2-D heatmaps. */
    static final int N_1D = 401;
    static final int N_2D = 61;

    private Pictures() {
    }

    /** The picture's JSON for one panel's observations, or null when there is none to draw. */
    static String of(String targetName, int dim, List<Observation> rows) {
        if (dim > 2) {
            return null;
        }
        Target f;
        try {
            f = Targets.create(targetName, dim);
        } catch (IllegalArgumentException notRegistered) {
            return null;
        }
        List<Cell> settings = Views.settings(rows);
        Function<Cell, String> name = Crossover.namer(settings);
        StringJoiner marks = new StringJoiner(",");
        settings.stream().map(Cell::method).distinct().forEach(m -> settings.stream()
                .filter(c -> c.method().equals(m) && c.representative().maxErrLocation() != null)
                .min(Comparator.comparingDouble(c -> c.median(Metric.MAX_NORM)))
                .ifPresent(c -> {
                    double[] at = c.representative().maxErrLocation();
                    marks.add("{\"label\":" + Json.string(name.apply(c) + String.format(Locale.ROOT, ": max |f - g| %.3g",
                            c.representative().maxErr())) + ",\"at\":[" + Json.number(at[0])
                            + (dim == 2 ? "," + Json.number(at[1]) : "") + "],\"fat\":" + Json.number(f.value(at)) + "}");
                }));
        Box box = f.domain();
        int n = dim == 1 ? N_1D : N_2D;
        List<String> values = new ArrayList<>();
        double[] x = new double[dim];
        for (int j = 0; j < (dim == 1 ? 1 : n); j++) {
            for (int i = 0; i < n; i++) {
                x[0] = box.lower(0) + box.width(0) * i / (n - 1);
                if (dim == 2) {
                    x[1] = box.lower(1) + box.width(1) * j / (n - 1);
                }
                values.add(Json.number(f.value(x)));
            }
        }
        StringBuilder b = new StringBuilder("{\"title\":").append(Json.string(targetName + ", d = " + dim
                + ": f and where each method's best setting errs most")).append(",\"dim\":").append(dim)
                .append(",\"n\":").append(n).append(",\"box\":[");
        for (int a = 0; a < dim; a++) {
            b.append(a == 0 ? "" : ",").append('[').append(Json.number(box.lower(a))).append(',')
                    .append(Json.number(box.upper(a))).append(']');
        }
        return b.append("],\"values\":[").append(String.join(",", values)).append("],\"marks\":[").append(marks)
                .append("]}").toString();
    }
}
