package org.relufem.sweep;

/**
 * A rough estimate of a trial's cost in core-seconds, for {@code plan} and for longest-first
 * scheduling. Training costs epochs x points x (a + b x parameters): a per-point overhead plus a
 * per-parameter rate, fitted to this machine's measurements (jobs/bench and the seed sweep's
 * fit_seconds: 0.17, 0.26 and 1.5 s for 1000 epochs of 2 -> 10, 100, 1000 -> 1 on 1024 points;
 * 20.6 ms per step for depth 3, width 100). Interpolants cost their target and test evaluations.
 */
public final class CostModel {
    static final double SHALLOW_SECONDS_PER_POINT = 150e-9;
    static final double SHALLOW_SECONDS_PER_PARAMETER = 0.45e-9;
    static final double LAYERED_SECONDS_PER_POINT = 300e-9;
    static final double LAYERED_SECONDS_PER_PARAMETER = 0.98e-9;
    static final double SECONDS_PER_POINT_EVALUATION = 1e-7;

    private CostModel() {
    }

    public static double seconds(Trial t) {
        double evaluations = t.trainPoints() + (double) t.testPoints() * Math.min(1 << Math.min(t.dim(), 20), 64);
        double base = evaluations * SECONDS_PER_POINT_EVALUATION;
        if (t.degree() != null) {
            return base + polynomialSeconds(t);
        }
        if (t.method().equals("relu_fem")) {
            // A dense network of depth d and width n^d - 1: (d - 1) n^2d weights per evaluation, at
            // about 1 GFLOP/s, over the test points and the max-norm search's evaluations.
            double nodes = Math.pow(t.gridN(), t.dim());
            return base + (t.testPoints() + 3200.0) * 2 * (Math.max(1, t.dim() - 1) * nodes * nodes) * 1e-9;
        }
        if (t.method().equals("l2_projection")) {
            // Assembly of (d + 1)^2 triplets per sample, then Cholesky on the grid's node order,
            // which fills the band of n^(d-1): N x band^2 flops at about 1 GFLOP/s.
            double nodes = Math.pow(t.gridN(), t.dim());
            double band = Math.pow(t.gridN(), t.dim() - 1);
            return base + t.trainPoints() * (t.dim() + 1.0) * (t.dim() + 1) * 150e-9 + nodes * band * band * 1e-9;
        }
        if (!t.isNetwork()) {
            return base;
        }
        long w = t.width();
        double params = w * (t.dim() + 1) + (t.depth() - 1) * w * (w + 1) + w + 1;
        int epochs = t.epochs().get(t.epochs().size() - 1);
        double perPoint = t.depth() == 1
                ? SHALLOW_SECONDS_PER_POINT + SHALLOW_SECONDS_PER_PARAMETER * params
                : LAYERED_SECONDS_PER_POINT + LAYERED_SECONDS_PER_PARAMETER * params;
        return base + (double) epochs * t.trainPoints() * perPoint;
    }

    /**
     * Polynomial fits from flop counts, not yet calibrated: least squares is a QR of the m x N
     * design matrix (2 m N^2 flops at about 1 GFLOP/s); compressed sensing runs about 2700
     * primal-dual steps of two products with it (4 m N flops each at about 2 GFLOP/s) after the
     * norm estimate. N is the index-set size: C(n + d, d) for total degree, about
     * (n + 1)(1 + ln(n + 1))^(d - 1) for the hyperbolic cross.
     */
    private static double polynomialSeconds(Trial t) {
        int n = t.degree();
        double total = 1;
        for (int k = 1; k <= t.dim(); k++) {
            total = total * (n + k) / k;
        }
        double basis = t.indexSet().equals("hyperbolic_cross")
                ? Math.min(total, (n + 1) * Math.pow(1 + Math.log(n + 1), t.dim() - 1)) : total;
        double m = t.trainPoints();
        return t.method().equals("poly_cs")
                ? 2700 * 4 * m * basis / 2e9 + m * basis * Math.min(m, basis) * 4e-9
                : 2 * m * basis * basis * 1e-9;
    }
}
