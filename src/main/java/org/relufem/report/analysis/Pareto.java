package org.relufem.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Pareto fronts: the settings no other setting beats on both cost and error. */
public final class Pareto {
    private Pareto() {
    }

    /**
     * The settings of {@code cells} that no other has at most the cost and a lower error (nor a lower
     * cost at the same error), ordered by cost: the front of error against cost. Not modified.
     */
    public static List<Cell> front(List<Cell> cells, ToDoubleFunction<Cell> cost, Metric metric) {
        List<Cell> sorted = cells.stream().sorted(Comparator.comparingDouble(cost)
                .thenComparingDouble(c -> c.median(metric))).toList();
        List<Cell> out = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (Cell c : sorted) {
            double e = c.median(metric);
            if (e < best) {
                out.add(c);
                best = e;
            }
        }
        return out;
    }

    /** The front of error against median fit seconds. */
    public static List<Cell> byTime(List<Cell> cells, Metric metric) {
        return front(cells, Cell::medianFitSeconds, metric);
    }

    /** The front of error against degrees of freedom. */
    public static List<Cell> byDof(List<Cell> cells, Metric metric) {
        return front(cells, Cell::medianParams, metric);
    }
}
