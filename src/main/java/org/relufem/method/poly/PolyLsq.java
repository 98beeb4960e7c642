package org.relufem.method.poly;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.relufem.method.Approximator;
import org.relufem.sample.SampleSet;
import org.relufem.target.Box;

/**
 * {@code poly_lsq}: the discrete least-squares fit min_c sum_i (sum_nu c_nu phi_nu(x_i) - y_i)^2 in the
 * tensor Legendre basis of an index set, from any sample set of at least N = |index set| points.
 * Solved by Householder QR (EJML's {@code LinearSolverFactory_DDRM.leastSquares}), which avoids
 * squaring the condition number as the normal equations would. Immutable.
 *
 * <p>Accuracy needs m well above N for random points: uniform samples give a stable fit once m
 * exceeds K(N) log N with K(N) = sum_nu ||phi_nu||_inf^2 (Cohen, Davenport &amp; Leviatan, Found.
 * Comput. Math. 13, 2013; Adcock &amp; Dexter 2021, section 4). The method does not enforce that:
 * sweeps over m are how one sees it. With {@code christoffelWeights} it solves the weighted problem
 * min_c sum_i w(x_i) (sum_nu c_nu phi_nu(x_i) - y_i)^2, w = N / sum_nu phi_nu^2, which goes with
 * points from {@link ChristoffelSampling}: stable from m of order N log N.
 *
 * @param domain the box the basis is orthonormal on: the target's domain
 * @param indexSet the polynomial space
 * @param christoffelWeights whether each row is weighted by w(x_i) (rows scaled by its square root)
 */
public record PolyLsq(Box domain, IndexSet indexSet, boolean christoffelWeights) implements Approximator {
    /**
     * Smallest accepted ratio min |R_jj| / max |R_jj| of the QR factor: below it the points do not
     * determine a polynomial of the space (repeated points, or a grid with fewer nodes per axis
     * than the degree needs), and the coefficients would be noise.
     */
    public static final double RANK_TOLERANCE = 1e-12;

    /** The method name used in specs and results. */
    public static final String NAME = "poly_lsq";

    public PolyLsq {
        new LegendreBasis(domain, indexSet); // validates the dimensions
    }

    /** Unweighted least squares. */
    public PolyLsq(Box domain, IndexSet indexSet) {
        this(domain, indexSet, false);
    }

    /**
     * @throws IllegalArgumentException when the data has the wrong dimension, fewer points than basis
     *     functions, or points that do not determine a polynomial of the space
     */
    @Override
    public LegendreExpansion fit(SampleSet data) {
        LegendreBasis basis = new LegendreBasis(domain, indexSet);
        int m = data.count();
        int n = basis.size();
        if (data.dimension() != basis.dimension()) {
            throw new IllegalArgumentException(NAME + " with a basis in d = " + basis.dimension() + " got "
                    + data.dimension() + "-dimensional points");
        }
        if (n > m) {
            throw new IllegalArgumentException(NAME + " needs at least as many points as basis functions: "
                    + indexSet + " but only " + m + " points (use more points, a lower degree, or poly_cs)");
        }
        DMatrixRMaj a = basis.designMatrix(data.points(), m, 1);
        double[] values = data.values();
        if (christoffelWeights) {
            double[] w = ChristoffelSampling.weights(a.data, m, n);
            values = values.clone();
            for (int i = 0; i < m; i++) {
                double s = Math.sqrt(w[i]);
                values[i] *= s;
                for (int j = 0; j < n; j++) {
                    a.data[i * n + j] *= s;
                }
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(m, n);
        if (!solver.setA(a)) {
            throw new IllegalArgumentException(NAME + ": QR decomposition of the " + m + " x " + n + " design matrix failed");
        }
        double ratio = diagonalRatio(solver.getDecomposition());
        if (!(ratio >= RANK_TOLERANCE)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: the %d points do not determine a polynomial of %s (QR diagonal ratio %.2e < %.0e);"
                            + " repeated points, or a grid with too few nodes per axis for the degree",
                    NAME, m, indexSet, ratio, RANK_TOLERANCE));
        }
        DMatrixRMaj y = DMatrixRMaj.wrap(m, 1, values);
        DMatrixRMaj c = new DMatrixRMaj(n, 1);
        solver.solve(y, c);
        return new LegendreExpansion(basis, c.data);
    }

    /** min |R_jj| / max |R_jj|: zero for a rank-deficient design matrix. */
    private static double diagonalRatio(QRDecomposition<DMatrixRMaj> qr) {
        DMatrixRMaj r = qr.getR(null, true);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int j = 0; j < r.numCols; j++) {
            double v = Math.abs(r.get(j, j));
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max == 0 ? 0 : min / max;
    }
}
