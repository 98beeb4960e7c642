package org.relufem.report.analysis;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Least-squares line through (log x, log y) with the 95% confidence interval of its slope
 * (Student's t with n − 2 degrees of freedom; none for two points, whose line is exact).
 *
 * @param halfWidth the slope's interval is slope ± halfWidth; NaN for two points
 */
public record LogLogFit(double slope, double intercept, double halfWidth, int points) {

    /**
     * @throws IllegalArgumentException for fewer than two points, non-positive values, or all x equal
     */
    public static LogLogFit of(double[] x, double[] y) {
        int n = x.length;
        if (n != y.length || n < 2) {
            throw new IllegalArgumentException("a log-log fit needs two or more (x, y) pairs");
        }
        double[] lx = new double[n];
        double[] ly = new double[n];
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0) || !(y[i] > 0)) {
                throw new IllegalArgumentException("log-log fit needs positive values, got (" + x[i] + ", " + y[i] + ")");
            }
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
            mx += lx[i] / n;
            my += ly[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (lx[i] - mx) * (lx[i] - mx);
            sxy += (lx[i] - mx) * (ly[i] - my);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("log-log fit needs two distinct x values");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double half = Double.NaN;
        if (n > 2) {
            double sse = 0;
            for (int i = 0; i < n; i++) {
                double r = ly[i] - intercept - slope * lx[i];
                sse += r * r;
            }
            double se = Math.sqrt(sse / (n - 2) / sxx);
            half = new TDistribution(null, n - 2).inverseCumulativeProbability(0.975) * se;
        }
        return new LogLogFit(slope, intercept, half, n);
    }
}
