package org.relufem.sample;

import org.apache.commons.math3.transform.DctNormalization;
import org.apache.commons.math3.transform.FastCosineTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * The Clenshaw-Curtis rule of m points for the probability measure dt/2 on [-1, 1]: nodes
 * t_j = cos(j pi / n), n = m - 1, and the weights that integrate the Chebyshev interpolant exactly,
 * w_j = (h_j / n) sum''_k mu_k cos(j k pi / n) with the moments mu_k = 2 / (1 - k^2) of even k
 * (0 for odd k), h_j = 1/2 at the ends and 1 inside, and sum'' halving its first and last terms:
 * a DCT-I of the moments, computed by Commons Math's fast transform when n is a power of two (the
 * nested rules of sparse grids) and directly otherwise. Exact for polynomials of degree m - 1 (m
 * for odd m); all weights positive. One point is the midpoint rule.
 */
public final class ClenshawCurtis {
    private ClenshawCurtis() {
    }

    /** The nodes t_j, from 1 down to -1 (exactly 0 in the middle of an odd rule). */
    public static double[] nodes(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("a rule needs at least one point, got " + m);
        }
        if (m == 1) {
            return new double[] {0};
        }
        int n = m - 1;
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            // cos(j pi / n) written as sin so that the middle node is exactly 0 and the rule symmetric
            t[j] = Math.sin(Math.PI * (n - 2.0 * j) / (2.0 * n));
        }
        return t;
    }

    /** The weights of {@link #nodes}, summing to 1. */
    public static double[] weights(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("a rule needs at least one point, got " + m);
        }
        if (m == 1) {
            return new double[] {1};
        }
        int n = m - 1;
        double[] mu = new double[m];
        for (int k = 0; k <= n; k += 2) {
            mu[k] = 2.0 / (1.0 - (double) k * k);
        }
        double[] y;
        if (Integer.bitCount(n) == 1) {
            y = new FastCosineTransformer(DctNormalization.STANDARD_DCT_I).transform(mu, TransformType.FORWARD);
        } else {
            y = new double[m];
            for (int j = 0; j <= n; j++) {
                double s = 0.5 * (mu[0] + (j % 2 == 0 ? mu[n] : -mu[n]));
                for (int k = 2; k < n; k += 2) {
                    s += mu[k] * Math.cos(Math.PI * ((long) j * k % (2L * n)) / n);
                }
                y[j] = s;
            }
        }
        double[] w = new double[m];
        for (int j = 0; j <= n; j++) {
            double h = j == 0 || j == n ? 0.5 : 1;
            w[j] = h * y[j] / n; // (2 / n) h_j y_j for dt, halved for dt/2
        }
        return w;
    }
}
