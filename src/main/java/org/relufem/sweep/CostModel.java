package org.relufem.sweep;

import org.relufem.method.net.ReluNetwork;

/**
 * A rough estimate of a trial's cost in core-seconds, for {@code plan}, longest-first scheduling,
 * chunking and the progress ETA. One formula per method: a flop or operation count read from the
 * code, times a rate measured on the development machine (2 shared cores; thread CPU time of
 * {@code TrialRunner.run} and of single optimiser steps, warm JIT, November 2026). The machine was
 * shared with other jobs while measuring, so rates carry that load; expect about 30%, and a factor
 * of two on a busy machine, not better.
 *
 * <p>Every trial pays its sampling and evaluation ({@link #evaluationSeconds}): the target and the
 * approximant on the training and test points, and per row the {@code MaxNormSearch}, whose
 * evaluations of a network or a dense ReLU-FEM network cost in proportion to its parameters.
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
    static final double SEARCH_MOVES_NETWORK = 1.3;
    static final double SEARCH_MOVES_PIECEWISE_LINEAR = 2.8;

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
    /** {@code ReluNetwork.value} at one point, per parameter (scalar loops): ReLU-FEM's search, 0.8 ns. */
    static final double VALUE_SECONDS_PER_PARAMETER = 0.8e-9;

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
    /** Writing one Jacobian entry (MseObjective.residualsAndJacobian). */
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
     * JTS Delaunay triangulation and the bucket grid, per point: 21-23 us wall with its garbage
     * collection (12-18 us of CPU in the fitting thread) at m = 20,000 and 100,000.
     */
    static final double DELAUNAY_SECONDS_PER_POINT = 20e-6;
    /** Building ReLU-FEM's dense network, per parameter. */
    static final double RELU_FEM_BUILD_SECONDS_PER_PARAMETER = 16e-9;
    /** The dense ReLU-FEM network's batched forward pass per point per parameter (0.5 ns measured at n = 33). */
    static final double DENSE_FORWARD_SECONDS_PER_PARAMETER = 0.5e-9;

    /**
     * l2_projection's assembly per triplet and its banded sparse Cholesky per flop: 0.3-0.6 s for
     * 200,000 samples in 2-D, 54 s for 33^3 nodes (4.3e10 flops), measured on the shared cores.
     */
    static final double PROJECTION_SECONDS_PER_TRIPLET = 150e-9;
    static final double SPARSE_CHOLESKY_SECONDS_PER_FLOP = 1.2e-9;

    /** poly_lsq's Householder QR, per m N^2 (2 m N^2 flops at about 3 GFLOP/s: 0.4-0.9 ns measured). */
    static final double QR_SECONDS_PER_ROW_COLUMN2 = 0.6e-9;
    /** Legendre design matrix and expansion evaluation, per entry per axis. */
    static final double LEGENDRE_SECONDS_PER_ENTRY_AXIS = 2e-9;
    /** SquareRootLasso: restarts to converge (ln(1e15) with eps shrinking by e; measured 32-34). */
    static final double CS_RESTARTS = 34;
    /**
     * ||A||_2 of the scaled Legendre design, about this times 1 + sqrt(N / m) (measured 1.2 to 2.3
     * times it for m = 60..2000, N = 66..861): the steps per restart are ceil(8 e ||A||_2).
     */
    static final double CS_NORM_FACTOR = 1.6;
    /** One primal-dual step: A^T xi and A z, 4 m N flops; 1.7 ns per m N measured. */
    static final double CS_SECONDS_PER_ROW_COLUMN = 1.7e-9;
    /** The norm estimate NormOps_DDRM.normP2 (an SVD): 1.1-1.6 ns per m N min(m, N). */
    static final double CS_NORM_SECONDS = 1.5e-9;

    private CostModel() {
    }

    /** Estimated core-seconds of {@code t}: fitting, then the test set and the max-norm search of every row. */
    public static double seconds(Trial t) {
        double base = SECONDS_PER_POINT_EVALUATION
                * (t.trainPoints() + (double) t.testPoints() * Math.min(1 << Math.min(t.dim(), 20), 64));
        double search = searchEvaluations(t) * (SEARCH_SECONDS_PER_EVALUATION + SEARCH_SECONDS_PER_AXIS * t.dim());
        if (t.isNetwork()) {
            return base + networkSeconds(t, search);
        }
        double cost = base + search;
        if (t.degree() != null) {
            return cost + polynomialSeconds(t);
        }
        return switch (t.method()) {
            case "relu_fem" -> cost + reluFemSeconds(t);
            case "p1_scattered" -> cost + DELAUNAY_SECONDS_PER_POINT * t.trainPoints();
            case "l2_projection" -> cost + projectionSeconds(t);
            default -> cost;
        };
    }

    /**
     * Evaluations of f and g in one row's max-norm search: 8 starts, each halving its step from the
     * test points' spacing m^(-1/d) down to 1e-9, 2d evaluations per round, some rounds moving
     * instead of halving; at most 400 per start.
     */
    static double searchEvaluations(Trial t) {
        int d = t.dim();
        double spacing = Math.pow(t.testPoints(), -1.0 / d);
        double halvings = Math.max(0, Math.log(spacing / 1e-9) / Math.log(2)) + 1;
        double moves = t.isNetwork() || t.degree() != null ? SEARCH_MOVES_NETWORK : SEARCH_MOVES_PIECEWISE_LINEAR;
        return Math.min(8, t.testPoints()) * Math.min(400, 2 * d * halvings * moves);
    }

    /** Parameters of a dim -> width x depth -> 1 network. */
    static double networkParameters(Trial t) {
        return ReluNetwork.parameterCount(t.dim(), t.width(), t.depth());
    }

    /** One training pass (forward and backward) over one point. */
    static double secondsPerPointPass(Trial t) {
        double p = networkParameters(t);
        return t.depth() == 1
                ? SHALLOW_SECONDS_PER_POINT + SHALLOW_SECONDS_PER_PARAMETER * p
                : LAYERED_SECONDS_PER_POINT + LAYERED_SECONDS_PER_PARAMETER * p
                        + LAYERED_SECONDS_PER_UNIT * t.width() * t.depth();
    }

    private static double networkSeconds(Trial t, double searchEvaluationSeconds) {
        double p = networkParameters(t);
        double m = t.trainPoints();
        int epochs = t.epochs().get(t.epochs().size() - 1);
        double pass = m * secondsPerPointPass(t);
        int batch = t.batchSize() == null || t.batchSize() <= 0 ? t.trainPoints() : t.batchSize();
        double steps = Math.ceil(m / Math.min(batch, t.trainPoints()));
        String optimizer = t.optimizer() == null ? "adam" : t.optimizer();
        double lr = t.lr() == null ? 1e-3 : t.lr();
        double update = SECONDS_PER_STEP + SECONDS_PER_PARAMETER_UPDATE * p;
        double epoch = switch (optimizer) {
            case "lbfgs" -> lbfgsEvaluations(lr) * pass + LBFGS_SECONDS_PER_PARAMETER * p + SECONDS_PER_STEP;
            case "lm" -> pass + SECONDS_PER_JACOBIAN_ENTRY * m * p + SECONDS_PER_DENSE_FLOP * 2 * m * p * p;
            case "adam_lsq" -> 2 * pass + update + SECONDS_PER_JACOBIAN_ENTRY * m * p
                    + svdSeconds(m, t.width() + 1.0);
            default -> pass + steps * update;
        };
        double training = epochs * epoch;
        if (optimizer.equals("lm")) {
            double tryCost = pass + SECONDS_PER_DENSE_FLOP * (p * p * p / 3 + 3 * p * p);
            double early = Math.min(epochs, LM_EARLY_EPOCHS);
            training += (early * LM_TRIES_EARLY + (epochs - early) * LM_TRIES_LATE) * tryCost;
        }
        // Per checkpoint row: the training MSE and the test set (batched forward passes), and the
        // max-norm search at ReluNetwork.value's per-parameter cost.
        double row = (m + t.testPoints()) * FORWARD_FRACTION * secondsPerPointPass(t)
                + searchEvaluationSeconds + searchEvaluations(t) * VALUE_SECONDS_PER_PARAMETER * p;
        return training + t.epochs().size() * row;
    }

    /** Line-search evaluations per L-BFGS epoch at trial step {@code lr}, see {@link #LBFGS_EVALUATIONS_PER_DECADE}. */
    static double lbfgsEvaluations(double lr) {
        return LBFGS_EVALUATIONS_AT_UNIT_STEP
                + LBFGS_EVALUATIONS_PER_DECADE * Math.max(0, Math.log10(LBFGS_FULL_STEP_LR / lr));
    }

    private static double svdSeconds(double m, double k) {
        return SVD_SECONDS_PER_ROW_COLUMN2 * m * k * k + SVD_SECONDS_PER_ROW_COLUMN * m * k;
    }

    /**
     * The dense network of {@code ReluFemNetwork}: (N - 1)(d + 2 + (d - 1) N) + 1 parameters for N =
     * n^d nodes, built once, then run on the test points and in the search.
     */
    /**
     * l2_projection: (d + 1)^2 triplets per sample, then sparse Cholesky on the grid's node order,
     * which fills the band of n^(d-1) nodes: N band^2 flops.
     */
    private static double projectionSeconds(Trial t) {
        double nodes = Math.pow(t.gridN(), t.dim());
        double band = Math.pow(t.gridN(), t.dim() - 1);
        return PROJECTION_SECONDS_PER_TRIPLET * t.trainPoints() * (t.dim() + 1.0) * (t.dim() + 1)
                + SPARSE_CHOLESKY_SECONDS_PER_FLOP * nodes * band * band;
    }

    private static double reluFemSeconds(Trial t) {
        int d = t.dim();
        double nodes = Math.pow(t.gridN(), d);
        double p = (nodes - 1) * (d + 2 + (d - 1) * nodes) + 1;
        return p * (RELU_FEM_BUILD_SECONDS_PER_PARAMETER + t.testPoints() * DENSE_FORWARD_SECONDS_PER_PARAMETER
                + searchEvaluations(t) * VALUE_SECONDS_PER_PARAMETER);
    }

    /**
     * Polynomial fits on an index set of size N from m points. poly_lsq: the design matrix and a
     * Householder QR (2 m N^2 flops). poly_cs: the design matrix, the norm estimate (an SVD), then
     * {@link #CS_RESTARTS} restarts of ceil(8 e ||A||_2) primal-dual steps (SquareRootLasso), each
     * two products with the m x N matrix. Both evaluate the expansion (N terms) at the test points
     * and in the search.
     */
    private static double polynomialSeconds(Trial t) {
        double n = indexSetSize(t.indexSet(), t.dim(), t.degree());
        double m = t.trainPoints();
        double entry = LEGENDRE_SECONDS_PER_ENTRY_AXIS * t.dim() * n;
        double evaluation = (m + t.testPoints() + searchEvaluations(t)) * entry;
        if (t.method().equals("poly_cs")) {
            double norm = CS_NORM_FACTOR * (1 + Math.sqrt(n / m));
            double iterations = CS_RESTARTS * Math.ceil(8 * Math.E * norm);
            return evaluation + CS_NORM_SECONDS * m * n * Math.min(m, n)
                    + iterations * CS_SECONDS_PER_ROW_COLUMN * m * n;
        }
        return evaluation + QR_SECONDS_PER_ROW_COLUMN2 * m * n * n;
    }

    /**
     * |index set| without building it: C(n + d, d) for total degree; for the hyperbolic cross
     * (prod (nu_k + 1) <= n + 1) the number of d-tuples of positive integers with product at most
     * n + 1, counted by recursion over the first factor. Both capped at 10^6 (IndexSet's limit).
     */
    static double indexSetSize(String kind, int d, int n) {
        if ("hyperbolic_cross".equals(kind)) {
            return Math.min(1e6, tuplesWithProductAtMost(d, n + 1L, 1_000_001L));
        }
        double total = 1;
        for (int k = 1; k <= d && total <= 1e6; k++) {
            total = total * (n + k) / k;
        }
        return Math.min(1e6, total);
    }

    private static long tuplesWithProductAtMost(int d, long bound, long cap) {
        if (d == 1 || bound == 1) {
            return bound;
        }
        long count = 0;
        for (long first = 1; first <= bound && count < cap; first++) {
            count += tuplesWithProductAtMost(d - 1, bound / first, cap - count);
        }
        return count;
    }
}
