package org.relufem.method.net.optim;

import java.util.List;

/** The registry of optimisers by the name specs use. */
public final class Optimizers {
    private Optimizers() {
    }

    /** Every registered name. */
    public static List<String> names() {
        return List.of("adam", "lbfgs", "lm", "adam_lsq");
    }

    /**
     * A new optimiser {@code name} with learning rate {@code lr} (for lbfgs the trial step length,
     * see {@link Lbfgs}; for lm the initial damping, see {@link LevenbergMarquardt};
     * for adam_lsq Adam's, see {@link AdamLeastSquares}).
     *
     * @throws IllegalArgumentException for an unknown name or a bad learning rate
     */
    public static Optimizer create(String name, double lr) {
        return switch (name) {
            case "adam" -> new Adam(lr);
            case "lbfgs" -> new Lbfgs(lr);
            case "lm" -> new LevenbergMarquardt(lr);
            case "adam_lsq" -> new AdamLeastSquares(lr);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; known optimizers: "
                    + String.join(", ", names()));
        };
    }

    /** Whether optimiser {@code name}'s lr is a step size a schedule may change ({@link StepSizeOptimizer}). */
    public static boolean schedulesLearningRate(String name) {
        return create(name, 1e-3) instanceof StepSizeOptimizer;
    }

    /** Whether optimiser {@code name} refuses mini-batches (it needs one fixed loss). */
    public static boolean needsFullBatch(String name) {
        return !name.equals("adam");
    }
}
