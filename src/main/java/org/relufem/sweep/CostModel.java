package org.relufem.sweep;

/**
 * A rough estimate of a trial's cost in core-seconds, for {@code plan}, longest-first scheduling,
 * chunking and the progress ETA: what every trial pays here, plus its family's own estimate
 * ({@code MethodParams.fitSeconds}). Each formula is a flop or operation count read from the code,
 * times a rate measured on the development machine (2 shared cores; thread CPU time of
 * {@code TrialRunner.run} and of single optimiser steps, warm JIT, November 2026). The machine was
 * shared with other jobs while measuring, so rates carry that load; expect about 30%, and a factor
 * of two on a busy machine, not better.
 *
 * <p>Every trial pays its sampling and evaluation: the target and the approximant on the training
 * and test points, and per row the {@code MaxNormSearch}'s evaluations of f and g (a family adds
 * what its g costs beyond a piecewise-linear one).
 */
public final class CostModel {
    /** Target plus grid-interpolant evaluation per point (2^d cell corners per test point, at most 64). */
    static final double SECONDS_PER_POINT_EVALUATION = 1e-7;
    /** One max-norm search evaluation of f and g besides g's parameter work, per axis (target cost) and fixed. */
    static final double SEARCH_SECONDS_PER_EVALUATION = 0.05e-6;
    static final double SEARCH_SECONDS_PER_AXIS = 0.02e-6;
    /**
     * Search evaluations per halving of the step, per axis direction: measured 860-1450 evaluations per
     * network row in 2-D (about 1.3 x the halvings alone) and 1700-2950 for P1, Q1 and ReLU-FEM (2.8 x).
     */
    public static final double SEARCH_MOVES_SMOOTH = 1.3;
    public static final double SEARCH_MOVES_PIECEWISE_LINEAR = 2.8;
    /**
     * {@code Network.value} at one point, per parameter (scalar loops): what a trained network's
     * or ReLU-FEM's dense network's search evaluations add, 0.8 ns.
     */
    public static final double VALUE_SECONDS_PER_PARAMETER = 0.8e-9;

    private CostModel() {
    }

    /** Estimated core-seconds of {@code t}: fitting, then the test set and the max-norm search of every row. */
    public static double seconds(Trial t) {
        double base = SECONDS_PER_POINT_EVALUATION
                * (t.data().points() + (double) t.testPoints() * Math.min(1 << Math.min(t.dim(), 20), 64));
        double search = searchEvaluations(t) * (SEARCH_SECONDS_PER_EVALUATION + SEARCH_SECONDS_PER_AXIS * t.dim());
        int rows = Math.max(1, t.checkpoints().size());
        return base + rows * search + t.params().fitSeconds(t);
    }

    /**
     * Evaluations of f and g in one row's max-norm search: 8 starts, each halving its step from the
     * test points' spacing m^(-1/d) down to 1e-9, 2d evaluations per round, some rounds moving
     * instead of halving; at most 400 per start.
     */
    public static double searchEvaluations(Trial t) {
        int d = t.dim();
        double spacing = Math.pow(t.testPoints(), -1.0 / d);
        double halvings = Math.max(0, Math.log(spacing / 1e-9) / Math.log(2)) + 1;
        return Math.min(8, t.testPoints()) * Math.min(400, 2 * d * halvings * t.params().searchMoves());
    }
}
