package org.relufem.metric;

import java.util.Arrays;
import org.relufem.target.Box;
import org.relufem.target.PointFunction;

/**
 * A sharper estimate of the sup-norm error |f - g| than its maximum over a test set: from each of
 * the {@link #STARTS} worst test points, a compass search (Kolda, Lewis &amp; Torczon 2003) climbs
 * |f - g| inside the box, stepping along each axis and halving the step when no direction
 * improves, from a step of about the test points' spacing down to 1e-9 of the box width. The
 * result is still a lower bound of the sup norm, but one that finds narrow features (a spike, a
 * kink a network misplaced) lying between test points. Deterministic: no random draws.
 *
 * @param maxAbsErr the largest |f - g| found, at least the test set's maximum
 * @param location where it was found
 * @param evaluations evaluations of f and g spent
 */
public record MaxNormSearch(double maxAbsErr, double[] location, int evaluations) {
    /** Worst test points searched from. */
    public static final int STARTS = 8;
    /** Evaluations per start at most. */
    public static final int BUDGET_PER_START = 400;

    /**
     * Searches |f - g| on {@code box} from the worst of the {@code count} test points.
     *
     * @param points row-major test points. Not modified.
     * @param truth f at the test points. Not modified.
     * @param predicted g at the test points. Not modified.
     */
    public static MaxNormSearch of(PointFunction f, PointFunction g, Box box, double[] points, double[] truth,
                                   double[] predicted) {
        int d = box.dimension();
        int m = truth.length;
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(truth[b] - predicted[b]), Math.abs(truth[a] - predicted[a])));
        double best = -1;
        double[] where = new double[d];
        int evaluations = 0;
        double spacing = Math.pow(m, -1.0 / d);
        for (int s = 0; s < Math.min(STARTS, m); s++) {
            double[] x = Arrays.copyOfRange(points, order[s] * d, order[s] * d + d);
            double value = Math.abs(truth[order[s]] - predicted[order[s]]);
            if (Double.isNaN(value)) {
                return new MaxNormSearch(Double.NaN, x, evaluations);
            }
            double[] trial = new double[d];
            double step = spacing;
            int used = 0;
            while (step > 1e-9 && used < BUDGET_PER_START) {
                boolean moved = false;
                for (int k = 0; k < d && used < BUDGET_PER_START; k++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        System.arraycopy(x, 0, trial, 0, d);
                        double w = box.width(k);
                        trial[k] = Math.min(box.upper(k), Math.max(box.lower(k), x[k] + sign * step * w));
                        double e = Math.abs(f.value(trial) - g.value(trial));
                        used++;
                        if (e > value) {
                            value = e;
                            System.arraycopy(trial, 0, x, 0, d);
                            moved = true;
                        }
                    }
                }
                if (!moved) {
                    step /= 2;
                }
            }
            evaluations += used;
            if (value > best) {
                best = value;
                where = x;
            }
        }
        return new MaxNormSearch(best, where, evaluations);
    }
}
