package org.relufem.method.poly;

import org.ejml.data.DMatrixRMaj;
import org.relufem.method.Approximator;
import org.relufem.sample.SampleSet;
import org.relufem.target.Box;

/**
 * {@code poly_cs}: compressed-sensing polynomial approximation. From m samples y_i = f(x_i), with m
 * possibly far below N = |index set|, it solves the weighted square-root LASSO
 * min_c lambda ||c||_{1,w} + ||A c - b||_2 with A_ij = phi_j(x_i) / sqrt(m), b_i = y_i / sqrt(m), and the
 * intrinsic weights w_nu = ||phi_nu||_inf = prod_k sqrt(2 nu_k + 1), which favour low degrees
 * (Adcock, Brugiapaglia &amp; Webster, Sparse Polynomial Approximation of High-Dimensional Functions,
 * SIAM 2022; Adcock &amp; Dexter 2021). Solver: {@link SquareRootLasso}. Immutable.
 *
 * <p>lambda = 1 / sqrt(25 m), the value Adcock &amp; Brugiapaglia (2022) use with these weights
 * ({@code run_CS.m}); the SR-LASSO guarantees hold for lambda below a constant over sqrt(s) with
 * s of order m up to log factors, and, unlike the LASSO's, do not depend on the noise level.
 *
 * @param domain the box the basis is orthonormal on: the target's domain
 * @param indexSet the polynomial space; typically several times larger than the sample count
 */
public record PolyCs(Box domain, IndexSet indexSet) implements Approximator {
    /** The method name used in specs and results. */
    public static final String NAME = "poly_cs";

    public PolyCs {
        new LegendreBasis(domain, indexSet); // validates the dimensions
    }

    /** The regularisation parameter for m samples: 1 / sqrt(25 m). */
    public static double lambda(int m) {
        return 1 / Math.sqrt(25.0 * m);
    }

    @Override
    public LegendreExpansion fit(SampleSet data) {
        return fitWithReport(data).expansion();
    }

    /** A fit and the solver's report. */
    public record Report(LegendreExpansion expansion, SquareRootLasso.Result solver) {
    }

    /**
     * Fits {@code data} and says how the l1 solve went (restarts, iterations).
     *
     * @throws IllegalArgumentException when the data has the wrong dimension
     */
    public Report fitWithReport(SampleSet data) {
        LegendreBasis basis = new LegendreBasis(domain, indexSet);
        if (data.dimension() != basis.dimension()) {
            throw new IllegalArgumentException(NAME + " with a basis in d = " + basis.dimension() + " got "
                    + data.dimension() + "-dimensional points");
        }
        int m = data.count();
        double scale = 1 / Math.sqrt(m);
        DMatrixRMaj a = basis.designMatrix(data.points(), m, scale);
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = data.values()[i] * scale;
        }
        SquareRootLasso.Result r = SquareRootLasso.solve(a, b, basis.supNorms(), lambda(m));
        return new Report(new LegendreExpansion(basis, r.coefficients()), r);
    }
}
