package org.relufem.metric;

import org.relufem.sample.SampleSet;
import org.relufem.target.PointFunction;

/**
 * Errors of an approximation g against the truth f over a test set of m points.
 *
 * @param mse (1/m) sum (f - g)^2
 * @param rmse sqrt(mse)
 * @param relL2 ||f - g||_2 / ||f||_2 over the test points (infinite when f vanishes on all of them)
 * @param maxAbsErr max |f - g|, a lower bound for the sup-norm error
 */
public record Errors(double mse, double rmse, double relL2, double maxAbsErr) {

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
        double mse = squared / truth.length;
        return new Errors(mse, Math.sqrt(mse), Math.sqrt(squared / norm), max);
    }

    /** The errors of {@code g} on the points and values of {@code test}. */
    public static Errors of(PointFunction g, SampleSet test) {
        double[] predicted = new double[test.count()];
        g.values(test.points(), test.count(), predicted);
        return of(test.values(), predicted);
    }
}
