package org.relufem.metric;

/**
 * Least-squares fit of log(y) = intercept + slope log(x): the convergence rate of errors y against
 * a size x (mesh width, degrees of freedom, samples).
 */
public record RateFit(double slope, double intercept) {

    /**
     * Fits the log-log line through (x_i, y_i).
     *
     * @throws IllegalArgumentException for fewer than two points, unequal lengths, non-positive
     *     values or all x equal
     */
    public static RateFit of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a rate fit needs at least two (x, y) pairs, got "
                    + x.length + " x and " + y.length + " y");
        }
        int m = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            if (!(x[i] > 0) || !(y[i] > 0)) {
                throw new IllegalArgumentException("log-log fit needs positive values, got (" + x[i] + ", " + y[i] + ")");
            }
            mx += Math.log(x[i]);
            my += Math.log(y[i]);
        }
        mx /= m;
        my /= m;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < m; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("log-log fit needs at least two distinct x values");
        }
        double slope = sxy / sxx;
        return new RateFit(slope, my - slope * mx);
    }
}
