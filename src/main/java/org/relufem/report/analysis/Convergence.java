package org.relufem.report.analysis;

import java.util.ArrayList;
import java.util.List;
import org.relufem.report.analysis.View.Point;
import org.relufem.report.analysis.View.Series;

/**
 * A convergence table of one refinement series, as deal.II's {@code ConvergenceTable} with a DOF
 * reference column: the error at each step and the observed order between consecutive steps,
 * in powers of h ~ DOF^(-1/d): p_i = −d · log(e_i / e_{i−1}) / log(N_i / N_{i−1}); then the
 * fitted slope of log e against log N over all steps with its 95% interval, and the order it
 * implies (−d times the slope). An error of O(h²) on a grid of N = h^−d nodes has order 2.
 */
public record Convergence(Series series, int dim, Metric metric, List<Step> steps, LogLogFit fit) {

    /** One refinement step; {@code order} is NaN on the first. */
    public record Step(double dof, double error, double order) {
    }

    /** The table of {@code s} (on a panel of dimension {@code dim}), or null for fewer than two steps. */
    public static Convergence of(Series s, int dim, Metric metric) {
        List<Point> p = s.points().stream().filter(q -> q.cell().median(metric) > 0).toList();
        if (p.size() < 2) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        double[] x = new double[p.size()];
        double[] y = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            x[i] = p.get(i).x();
            y[i] = p.get(i).cell().median(metric);
            double order = i == 0 ? Double.NaN : -dim * Math.log(y[i] / y[i - 1]) / Math.log(x[i] / x[i - 1]);
            steps.add(new Step(x[i], y[i], order));
        }
        return new Convergence(s, dim, metric, steps, LogLogFit.of(x, y));
    }

    /** The order in h the fitted slope implies: −d · slope. */
    public double fittedOrder() {
        return -dim * fit.slope();
    }
}
