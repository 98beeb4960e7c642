package org.relufem.sweep.family;

import org.relufem.method.net.Activation;
import org.relufem.method.net.Network;
import org.relufem.method.net.Precision;
import org.relufem.method.net.optim.OptimizerKind;
import org.relufem.sweep.CostModel;
import org.relufem.sweep.Trial;

/**
 * What training and evaluating a network costs (see {@code CostModel} for the machine and how far
 * to trust it): the pass over the points from the kernels' measured rates, the optimiser's own work
 * ({@link OptimizerKind#trainingSeconds}), and per checkpoint row the forward passes and the
 * max-norm search's network evaluations.
 */
final class NetworkCost {
    /**
     * Full-batch training, per point per epoch (forward and backward), fitted to fit_seconds of
     * 40-epoch trials on 1024 points in d = 2 (JIT warm): depth 1 runs the fused kernel at 0.4 ns
     * per parameter (2 -> 10 -> 1: 0.07-0.09 us per point, 2 -> 100 -> 1: 0.16 us, 2 -> 1000 -> 1:
     * 1.7 us, 2 -> 3000 -> 1: 4.8 us); depth >= 2 runs the row-array products of ForwardPass at
     * 0.41 ns per parameter plus 11 ns per hidden unit and 60 ns per point (2 -> 10 x 2 -> 1: 0.36
     * us, 2 -> 40 x 4 -> 1: 3.7 us, 2 -> 100 x 3 -> 1: 12 us, 2 -> 300 x 4 -> 1: 141 us; every
     * width 10-300 and depth 2-8 within 18%).
     */
    static final double SHALLOW_SECONDS_PER_POINT = 40e-9;
    static final double SHALLOW_SECONDS_PER_PARAMETER = 0.40e-9;
    static final double LAYERED_SECONDS_PER_POINT = 60e-9;
    static final double LAYERED_SECONDS_PER_PARAMETER = 0.41e-9;
    static final double LAYERED_SECONDS_PER_UNIT = 11e-9;
    /**
     * Per optimiser step besides the pass: Adam's update of every parameter and a fixed overhead;
     * what mini-batches add (2 -> 100 -> 1 at batch 32: 8 us a step).
     */
    static final double SECONDS_PER_STEP = 5e-6;
    static final double SECONDS_PER_PARAMETER_UPDATE = 10e-9;
    /** A forward pass (test points, the checkpoint's training MSE) as a fraction of a training pass. */
    static final double FORWARD_FRACTION = 1.0 / 3;

    private NetworkCost() {
    }

    /**
     * Training to the last checkpoint (once per boosting stage), then per checkpoint row its forward
     * passes and search evaluations of g.
     */
    static double seconds(NetworkParams n, Trial t) {
        double p = parameters(n, t);
        double m = t.data().points();
        double pass = m * secondsPerPointPass(n, t);
        double steps = Math.ceil(m / Math.min(n.batchSize() <= 0 ? m : n.batchSize(), m));
        double update = SECONDS_PER_STEP + SECONDS_PER_PARAMETER_UPDATE * p;
        double training = OptimizerKind.of(n.optimizer()).trainingSeconds(new OptimizerKind.TrainingWork(pass, p, m,
                steps, SECONDS_PER_STEP, update, n.width() + 1.0, n.lr(), n.lastEpoch()));
        double row = (m + t.testPoints()) * FORWARD_FRACTION * secondsPerPointPass(n, t)
                + CostModel.searchEvaluations(t) * CostModel.VALUE_SECONDS_PER_PARAMETER * p;
        return training * n.lastStage() + n.checkpoints().size() * row;
    }

    /** Parameters of a dim -> width x depth -> 1 network. */
    static double parameters(NetworkParams n, Trial t) {
        return Network.parameterCount(t.dim(), n.width(), n.depth());
    }

    /** One training pass (forward and backward) over one point. */
    static double secondsPerPointPass(NetworkParams n, Trial t) {
        double p = parameters(n, t);
        double units = activationSeconds(n.architecture().activation()) * n.width() * n.depth();
        double pass = n.depth() == 1
                ? SHALLOW_SECONDS_PER_POINT + SHALLOW_SECONDS_PER_PARAMETER * p
                : LAYERED_SECONDS_PER_POINT + LAYERED_SECONDS_PER_PARAMETER * p
                        + LAYERED_SECONDS_PER_UNIT * n.width() * n.depth();
        if (n.precision() == Precision.FLOAT32) {
            pass *= n.depth() == 1 ? FLOAT32_SHALLOW_FRACTION : FLOAT32_LAYERED_FRACTION;
        }
        return units + pass;
    }

    /**
     * A float32 pass as a fraction of the float64 one: full-batch Adam steps of 2 -> W -> 1 ReLU on
     * 1024 points, float32 and float64 alternating in one JVM (minima over 50 blocks, a loaded 2-core
     * AVX2 machine), ran 2.4x (W = 100) and 2.8x (W = 1000) faster, and 1.75x at 2 -> 100 x 3 -> 1.
     * The smooth activations' values in float32 are the double functions point by point, so their
     * {@link #activationSeconds} stay (an underestimate at depth 1, where float64 has SIMD loops).
     */
    static final double FLOAT32_SHALLOW_FRACTION = 0.4;
    static final double FLOAT32_LAYERED_FRACTION = 0.6;

    /**
     * What an activation adds to ReLU's pass per hidden unit and point (its value, its slope and,
     * at depth 1, the fused kernel's point-by-point path), from JMH runs of
     * ActivationStepBenchmark (2 -> 100 -> 1 and 2 -> 1000 -> 1, 1024 points, a loaded machine),
     * each beside ReLU's whole step of 1.4-1.6 ns per unit and point.
     */
    static double activationSeconds(Activation a) {
        return switch (a) {
            case RELU -> 0;
            case LEAKY_RELU -> 1e-9;
            case TANH, ELU -> 5e-9;
            case SIN -> 23e-9;
            case GELU -> 9e-9;
            case SOFTPLUS -> 48e-9;
        };
    }
}
