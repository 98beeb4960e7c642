package org.relufem.metric;

import org.relufem.sample.SampleSet;
import org.relufem.target.PointFunction;

/**
 * Errors of an approximation g against the truth f over a test set of m points.
 *
 * @param mse (1/m) sum (f - g)^2: on random test points, the Monte-Carlo estimate of the squared L2
 *     error against the uniform probability measure of the box
 * @param rmse sqrt(mse): that absolute L2 error
 * @param relL2 ||f - g||_2 / ||f||_2 over the test points (infinite when f vanishes on all of them)
 * @param maxAbsErr max |f - g|, a lower bound for the sup-norm error
 * @param mseStderr the standard error of {@code mse} as an estimate over random points: s / sqrt(m),
 *     s the sample standard deviation of the squared errors (NaN for m = 1); the MSEs of two methods
 *     on one test set whose difference is a few of it apart are not told apart by that set
 */
public record Errors(double mse, double rmse, double relL2, double maxAbsErr, double mseStderr) {

    /** Errors without a standard error (NaN). */
    public Errors(double mse, double rmse, double relL2, double maxAbsErr) {
        this(mse, rmse, relL2, maxAbsErr, Double.NaN);
    }

    /**
     * Compares {@code predicted} with {@code truth}, element by element.
     *
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static Errors of(double[] truth, double[] predicted) {
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("need equal, non-empty arrays, got " + truth.length
                    + " true and " + predicted.length + " predicted values");
        }
        double squared = 0;
        double norm = 0;
        double max = 0;
        for (int i = 0; i < truth.length; i++) {
            double e = truth[i] - predicted[i];
            squared += e * e;
            norm += truth[i] * truth[i];
            double a = Math.abs(e);
            // NaN must win: a non-finite prediction is an infinitely bad one, not a skipped one.
            if (a > max || Double.isNaN(a)) {
                max = a;
            }
        }
        int m = truth.length;
        double mse = squared / m;
        // Second pass for the spread of the squared errors about their mean (no cancellation).
        double spread = 0;
        for (int i = 0; i < m; i++) {
            double e = truth[i] - predicted[i];
            double r = e * e - mse;
            spread += r * r;
        }
        double stderr = m > 1 ? Math.sqrt(spread / (m - 1) / m) : Double.NaN;
        return new Errors(mse, Math.sqrt(mse), Math.sqrt(squared / norm), max, stderr);
    }

    /**
     * The errors against the quadrature rule with {@code weights} (summing to 1, some possibly
     * negative, as on a sparse grid): mse = sum w (f - g)^2, rel_l2 = sqrt(sum w (f - g)^2 / sum w f^2),
     * the max over the points, and no standard error (NaN). Null weights are equal ones, {@link #of}.
     */
    public static Errors of(double[] truth, double[] predicted, double[] weights) {
        if (weights == null) {
            return of(truth, predicted);
        }
        Errors plain = of(truth, predicted);
        if (weights.length != truth.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + truth.length + " points");
        }
        double squared = 0;
        double norm = 0;
        for (int i = 0; i < truth.length; i++) {
            double e = truth[i] - predicted[i];
            squared += weights[i] * e * e;
            norm += weights[i] * truth[i] * truth[i];
        }
        return new Errors(squared, Math.sqrt(squared), Math.sqrt(squared / norm), plain.maxAbsErr(), Double.NaN);
    }

    /** The errors of {@code g} on the points and values of {@code test}. */
    public static Errors of(PointFunction g, SampleSet test) {
        double[] predicted = new double[test.count()];
        g.values(test.points(), test.count(), predicted);
        return of(test.values(), predicted);
    }
}
