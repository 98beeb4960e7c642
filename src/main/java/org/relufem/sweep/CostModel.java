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
}
