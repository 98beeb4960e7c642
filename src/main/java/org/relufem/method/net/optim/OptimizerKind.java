package org.relufem.method.net.optim;

import java.util.Arrays;
import java.util.List;

/**
 * The optimisers by the name specs use, each stating its capabilities and its cost. Rates were
 * measured on the development machine (2 shared cores, thread CPU time of single optimiser steps,
 * warm JIT, November 2026); see {@code CostModel} for how they are used and how far to trust them.
 */
public enum OptimizerKind {
    /** {@link Adam}: any batch size. */
    ADAM("adam", false, false, null) {
        @Override
        Optimizer build(double lr, Double gradTol) {
            return new Adam(lr);
        }

        @Override
        public double trainingSeconds(TrainingWork w) {
            return w.epochs() * (w.passSeconds() + w.stepsPerEpoch() * w.updateSeconds());
        }
    },
    /** {@link Lbfgs}: lr is the line search's trial step. */
    LBFGS("lbfgs", true, false, "the line search's trial step") {
        @Override
        Optimizer build(double lr, Double gradTol) {
            return new Lbfgs(lr, Lbfgs.MEMORY, gradTol);
        }

        @Override
        public double trainingSeconds(TrainingWork w) {
            return w.epochs() * (lbfgsEvaluations(w.lr()) * w.passSeconds()
                    + LBFGS_SECONDS_PER_PARAMETER * w.parameters() + w.stepSeconds());
        }
    },
    /** {@link LevenbergMarquardt}: lr is the initial damping; nets up to its parameter limit. */
    LM("lm", true, true, "the initial damping") {
        @Override
        Optimizer build(double lr, Double gradTol) {
            return new LevenbergMarquardt(lr, gradTol);
        }

        @Override
        public double trainingSeconds(TrainingWork w) {
            double p = w.parameters();
            double m = w.points();
            double epoch = w.passSeconds() + SECONDS_PER_JACOBIAN_ENTRY * m * p
                    + SECONDS_PER_DENSE_FLOP * 2 * m * p * p;
            double tryCost = w.passSeconds() + SECONDS_PER_DENSE_FLOP * (p * p * p / 3 + 3 * p * p);
            double early = Math.min(w.epochs(), LM_EARLY_EPOCHS);
            return w.epochs() * epoch + (early * LM_TRIES_EARLY + (w.epochs() - early) * LM_TRIES_LATE) * tryCost;
        }
    },
    /** {@link AdamLeastSquares}: Adam on the hidden layers, the output layer by least squares. */
    ADAM_LSQ("adam_lsq", true, true, null) {
        @Override
        Optimizer build(double lr, Double gradTol) {
            return new AdamLeastSquares(lr);
        }

        @Override
        public double trainingSeconds(TrainingWork w) {
            double k = w.outputColumns();
            double svd = SVD_SECONDS_PER_ROW_COLUMN2 * w.points() * k * k + SVD_SECONDS_PER_ROW_COLUMN * w.points() * k;
            return w.epochs() * (2 * w.passSeconds() + w.updateSeconds()
                    + SECONDS_PER_JACOBIAN_ENTRY * w.points() * w.parameters() + svd);
        }
    };

    /**
     * L-BFGS function-and-gradient evaluations per epoch from the strong-Wolfe line search: 1.2 at
     * lr >= 0.3 (the unit trial step is usually accepted), and 1.2 more per decade of lr below, as the
     * search extrapolates by 4 from a short trial step (measured 1.2, 1.6, 2.9, 4.7 at lr = 1, 0.1,
     * 0.01, 0.001 on 2 -> 20 -> 1, 1000 epochs, both targets of conf/precision.conf).
     */
    static final double LBFGS_EVALUATIONS_AT_UNIT_STEP = 1.2;
    static final double LBFGS_EVALUATIONS_PER_DECADE = 1.2;
    static final double LBFGS_FULL_STEP_LR = 0.3;
    /** The two-loop recursion over 10 pairs and the line search's vector updates, per parameter per epoch. */
    static final double LBFGS_SECONDS_PER_PARAMETER = 20e-9;
    /** EJML's dense kernels (J^T J, Cholesky, solves): measured 2.2-2.8 GFLOP/s in LM steps. */
    static final double SECONDS_PER_DENSE_FLOP = 0.4e-9;
    /** Writing one Jacobian entry (the objective's residualsAndJacobian). */
    static final double SECONDS_PER_JACOBIAN_ENTRY = 1.5e-9;
    /**
     * Levenberg-Marquardt tries (Cholesky solve and objective evaluation) per epoch: 1.4-2.2 while the
     * loss improves; a stalled net has its steps rejected up to 30 times (26-27 per epoch on
     * logsin's 65 points after 100 epochs, 18 on 2 -> 60 -> 1 with 400 points; seed2d's 4225 points
     * stayed at 2.2), so later epochs count 12.
     */
    static final double LM_TRIES_EARLY = 2;
    static final double LM_TRIES_LATE = 12;
    static final int LM_EARLY_EPOCHS = 100;
    /**
     * adam_lsq's truncated SVD of the m x (width + 1) output design (EJML's implicit-QR SVD with U):
     * 2.5 ns per m k^2 plus 70 ns per m k (10-14 ms per epoch at m = 4225, k = 21; 34-40 ms at 1024, 101).
     */
    static final double SVD_SECONDS_PER_ROW_COLUMN2 = 2.5e-9;
    static final double SVD_SECONDS_PER_ROW_COLUMN = 70e-9;

    /**
     * What training costs an optimiser, in the terms the network's cost model measures.
     *
     * @param passSeconds one forward and backward pass over all the training points
     * @param parameters trainable parameters
     * @param points training points
     * @param stepsPerEpoch optimiser steps per epoch (mini-batches)
     * @param stepSeconds the fixed overhead of one step
     * @param updateSeconds one step's parameter update (Adam's moments), overhead included
     * @param outputColumns columns of the output layer's design: last hidden width + 1
     * @param lr the learning rate as the spec gives it
     * @param epochs epochs trained
     */
    public record TrainingWork(double passSeconds, double parameters, double points, double stepsPerEpoch,
                               double stepSeconds, double updateSeconds, double outputColumns, double lr, int epochs) {
    }

    private final String label;
    private final boolean fullBatchOnly;
    private final boolean leastSquares;
    private final String lrMeaning;

    /** @param lrMeaning what lr is when it is not a step size; null for a step size */
    OptimizerKind(String label, boolean fullBatchOnly, boolean leastSquares, String lrMeaning) {
        this.label = label;
        this.fullBatchOnly = fullBatchOnly;
        this.leastSquares = leastSquares;
        this.lrMeaning = lrMeaning;
    }

    /** A new optimiser of this kind with learning rate {@code lr}, no gradient tolerance. */
    public Optimizer create(double lr) {
        return create(lr, null);
    }

    /**
     * A new optimiser of this kind.
     *
     * @param gradTol the gradient norm, relative to the first step's, that stops it
     *     ({@link Optimizer#stopped()}); null for none,
     *     and null unless {@link #hasGradientTolerance()}
     * @throws IllegalArgumentException for an lr or tolerance it cannot take
     */
    public Optimizer create(double lr, Double gradTol) {
        if (gradTol != null && !hasGradientTolerance()) {
            throw new IllegalArgumentException("optimizer " + label + " has no gradient tolerance (grad_tol is for "
                    + String.join(" and ", Arrays.stream(values()).filter(OptimizerKind::hasGradientTolerance)
                            .map(OptimizerKind::label).toList()) + ")");
        }
        return build(lr, gradTol);
    }

    abstract Optimizer build(double lr, Double gradTol);

    /** Whether it stops on a relative gradient tolerance ({@code grad_tol}): the full-batch second-order optimisers. */
    public boolean hasGradientTolerance() {
        return this == LBFGS || this == LM;
    }

    /** Estimated core-seconds of training with this optimiser. */
    public abstract double trainingSeconds(TrainingWork work);

    /** The name specs and the {@code optimizer} column use. */
    public String label() {
        return label;
    }

    /** Whether it refuses mini-batches (it needs one fixed loss). */
    public boolean fullBatchOnly() {
        return fullBatchOnly;
    }

    /** Whether its lr is a step size a schedule may change: it creates a {@link StepSizeOptimizer}. */
    public boolean hasStepSize() {
        return lrMeaning == null;
    }

    /** Whether it needs the residuals and Jacobian of a {@link LeastSquaresObjective}. */
    public boolean leastSquares() {
        return leastSquares;
    }

    /** What its lr means when it is not a step size, for messages; null for a step size. */
    public String lrMeaning() {
        return lrMeaning;
    }

    /** Every registered name, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(OptimizerKind::label).toList();
    }

    /**
     * The optimiser named {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static OptimizerKind of(String name) {
        for (OptimizerKind k : values()) {
            if (k.label.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + name + "'; known optimizers: "
                + String.join(", ", names()));
    }

    /** Line-search evaluations per L-BFGS epoch at trial step {@code lr}, see {@link #LBFGS_EVALUATIONS_PER_DECADE}. */
    static double lbfgsEvaluations(double lr) {
        return LBFGS_EVALUATIONS_AT_UNIT_STEP
                + LBFGS_EVALUATIONS_PER_DECADE * Math.max(0, Math.log10(LBFGS_FULL_STEP_LR / lr));
    }
}
