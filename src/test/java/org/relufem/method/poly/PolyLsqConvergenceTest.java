package org.relufem.method.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.relufem.metric.Errors;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/**
 * Least squares converges geometrically in the degree for analytic targets, at the rate of the
 * best polynomial approximation. Slopes are fitted to ln(RMSE) against the degree n.
 */
class PolyLsqConvergenceTest {

    /** Least-squares slope of y against x. */
    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    /**
     * Genz's product peak in d = 1, f(x) = 1 / (a^-2 + (x - u)^2) with a = 7.25, u = (sqrt 5 - 1) / 2
     * on [0, 1], has poles at x = u +- i / a. Mapped to t = 2x - 1 the pole is t0 = 2u - 1 + 2i / a,
     * and the Legendre coefficients, hence the best degree-n errors, decay like rho^-n with rho =
     * |t0 + sqrt(t0^2 - 1)| &gt; 1, the Bernstein ellipse through the pole (Trefethen, Approximation
     * Theory and Approximation Practice, 2013, theorem 8.2): rho = 1.3226. Sampling m = N^2 uniform
     * points (the K(N) = N^2 of Cohen, Davenport &amp; Leviatan 2013) keeps least squares quasi-optimal.
     */
    @Test
    void productPeakConvergesAtTheBernsteinEllipseRate() {
        double a = 7.25;
        double u = (Math.sqrt(5) - 1) / 2;
        double re = 2 * u - 1;
        double im = 2 / a;
        // sqrt(t0^2 - 1) by the principal branch, then the root of larger modulus.
        double wr = re * re - im * im - 1;
        double wi = 2 * re * im;
        double modulus = Math.hypot(wr, wi);
        double sr = Math.sqrt((modulus + wr) / 2);
        double si = Math.copySign(Math.sqrt((modulus - wr) / 2), wi);
        double rho = Math.max(Math.hypot(re + sr, im + si), Math.hypot(re - sr, im - si));
        assertEquals(1.3226, rho, 1e-4);

        Target f = Targets.create("product_peak", 1);
        SampleSet test = Samplers.test(f, 20000, 1);
        int[] degrees = {20, 30, 40, 50, 60};
        double[] n = new double[degrees.length];
        double[] logRmse = new double[degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            IndexSet set = IndexSet.totalDegree(1, degrees[i]);
            LegendreExpansion fit = new PolyLsq(f.domain(), set).fit(Samplers.uniform(f, set.size() * set.size(), 0));
            n[i] = degrees[i];
            logRmse[i] = Math.log(Errors.of(fit, test).rmse());
        }
        double expected = -Math.log(rho);
        assertEquals(expected, slope(n, logRmse), 0.1 * Math.abs(expected), "ln RMSE per degree");
    }

    /**
     * exp_cos in d = 2 is g(x) g(y) with g(t) = exp(-cos(t) / 16) on [-1, 1], so its Legendre
     * coefficients are g_i g_j and the best total-degree-n error in L2 (the orthogonal projection's)
     * is sqrt(sum_{i + j &gt; n} g_i^2 g_j^2). The g_i come from a 40-point Gauss rule, independently
     * of any fit. Least squares from m = 10 N uniform points stays within a small factor of that
     * optimum (never below it: the projection is the best L2 approximation), so it decays at the
     * same geometric rate, about e^-2.3 per degree. g is even, so only even degrees are compared.
     */
    @Test
    void expCosErrorTracksTheBestApproximationAtAGeometricRate() {
        int maxCoefficient = 30;
        Legendre legendre = new Legendre(maxCoefficient);
        GaussLegendre rule = GaussLegendre.of(40);
        double[] g = new double[maxCoefficient + 1];
        double[] l = new double[maxCoefficient + 1];
        for (int q = 0; q < rule.size(); q++) {
            legendre.values(rule.nodes()[q], l, 0);
            double v = Math.exp(-Math.cos(rule.nodes()[q]) / 16);
            for (int k = 0; k <= maxCoefficient; k++) {
                g[k] += rule.weights()[q] * v * l[k];
            }
        }

        Target f = Targets.create("exp_cos", 2);
        SampleSet test = Samplers.test(f, 20000, 1);
        int[] degrees = {2, 4, 6, 8, 10};
        double[] n = new double[degrees.length];
        double[] logRmse = new double[degrees.length];
        double[] logBest = new double[degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            double tail = 0;
            for (int p = 0; p <= maxCoefficient; p++) {
                for (int q = 0; q <= maxCoefficient; q++) {
                    tail += p + q > degrees[i] ? g[p] * g[p] * g[q] * g[q] : 0;
                }
            }
            double best = Math.sqrt(tail);
            IndexSet set = IndexSet.totalDegree(2, degrees[i]);
            double rmse = Errors.of(new PolyLsq(f.domain(), set).fit(Samplers.uniform(f, 10 * set.size(), 0)), test).rmse();
            assertTrue(rmse > 0.9 * best && rmse < 3 * best, "n=" + degrees[i] + ": RMSE " + rmse + " vs best " + best);
            n[i] = degrees[i];
            logRmse[i] = Math.log(rmse);
            logBest[i] = Math.log(best);
        }
        double bestSlope = slope(n, logBest);
        assertTrue(bestSlope < -2, "best-approximation rate " + bestSlope);
        assertEquals(bestSlope, slope(n, logRmse), 0.1 * Math.abs(bestSlope), "ln RMSE per degree");
    }
}
