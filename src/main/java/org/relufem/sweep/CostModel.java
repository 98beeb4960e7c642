package org.relufem.sweep;

/**
 * A rough estimate of a trial's cost in core-seconds, for {@code plan} and for scheduling. Network
 * training costs about 6 flops per parameter per training point per epoch (2 forward, 4 backward)
 * at a sustained rate measured on the development machine: ~8 GFLOP/s for the fused one-hidden-layer
 * kernel, ~3 GFLOP/s for the layered pass. Interpolants cost their target evaluations and test
 * evaluations.
 */
public final class CostModel {
    static final double SHALLOW_FLOPS_PER_SECOND = 8e9;
    static final double LAYERED_FLOPS_PER_SECOND = 3e9;
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
        double rate = t.depth() == 1 ? SHALLOW_FLOPS_PER_SECOND : LAYERED_FLOPS_PER_SECOND;
        return base + 6.0 * params * t.trainPoints() * epochs / rate;
    }
}
