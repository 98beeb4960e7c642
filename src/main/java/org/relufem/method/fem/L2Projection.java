package org.relufem.method.fem;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.relufem.method.Approximant;
import org.relufem.method.Approximator;
import org.relufem.sample.SampleSet;
import org.relufem.sample.TensorGrid;
import org.relufem.target.Box;

/**
 * {@code l2_projection}: the discrete least-squares fit of samples (x_i, y_i), scattered or not,
 * in the P1 space of the n^d tensor grid over the target's box:
 *
 * <pre>  min_u  sum_i (u(x_i) - y_i)^2 + tikhonov * (m / |box|) * integral of u^2,</pre>
 *
 * solved from the sparse normal equations (B^T B + lambda M) u = B^T y with B_ij = phi_j(x_i)
 * (d + 1 entries per row), M the P1 mass matrix and sparse Cholesky. For uniform samples
 * E[B^T B] = (m / |box|) M, so {@code tikhonov} is the mass term's weight relative to the data:
 * it makes the system definite when some simplex holds too few samples. Nodes that no sample
 * determines take the L2-smallest continuation of the fit, which decays towards 0 within a few
 * nodes (by about 2 - sqrt 3 per node, alternating in sign); the rest are biased by a relative
 * O(tikhonov). Degrees of
 * freedom: the n^d nodal values. Cholesky on the grid's node order fills the band of width
 * n^(d-1): fine in 1-D and 2-D, costly beyond n ~ 20 in 3-D. Immutable.
 */
public final class L2Projection implements Approximator {
    /** The {@code method} name used in specs and results. */
    public static final String METHOD_NAME = "l2_projection";
    /** Small enough to leave the fit unbiased to about 1e-10, large enough to keep Cholesky definite. */
    public static final double DEFAULT_TIKHONOV = 1e-10;

    private final TensorGrid grid;
    private final double tikhonov;

    /** With {@link #DEFAULT_TIKHONOV}. */
    public L2Projection(Box domain, int n) {
        this(domain, n, DEFAULT_TIKHONOV);
    }

    /**
     * @param domain the box the grid covers
     * @param n nodes per axis, boundary included
     * @param tikhonov the mass term's weight relative to the data term, >= 0
     */
    public L2Projection(Box domain, int n, double tikhonov) {
        if (!(tikhonov >= 0)) {
            throw new IllegalArgumentException("tikhonov must be >= 0, got " + tikhonov);
        }
        this.grid = new TensorGrid(domain, n);
        this.tikhonov = tikhonov;
    }

    /**
     * @throws IllegalArgumentException if the data's dimension is not the box's, or the normal
     *     equations are not positive definite (too few samples for the grid without a mass term)
     */
    @Override
    public Approximant fit(SampleSet data) {
        if (data.dimension() != grid.dimension()) {
            throw new IllegalArgumentException(METHOD_NAME + " on a " + grid.dimension() + "-D grid got "
                    + data.dimension() + "-D samples");
        }
        DMatrixRMaj rhs = new DMatrixRMaj(grid.nodeCount(), 1);
        DMatrixSparseCSC normal = normalMatrix(grid, data, rhs);
        if (tikhonov > 0) {
            double volume = 1;
            for (int k = 0; k < grid.dimension(); k++) {
                volume *= grid.box().width(k);
            }
            DMatrixSparseCSC sum = new DMatrixSparseCSC(normal.numRows, normal.numCols, 0);
            CommonOps_DSCC.add(1, normal, tikhonov * data.count() / volume, MassMatrix.p1(grid), sum, null, null);
            normal = sum;
        }
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> cholesky = LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
        if (!cholesky.setA(normal)) {
            throw new IllegalArgumentException(METHOD_NAME + ": the normal equations of " + data.count()
                    + " samples on " + grid.nodeCount() + " nodes are singular; use more samples or tikhonov > 0");
        }
        DMatrixRMaj nodal = new DMatrixRMaj(grid.nodeCount(), 1);
        cholesky.solve(rhs, nodal);
        return new P1Interpolant(grid, nodal.data);
    }

    /**
     * B^T B for B_ij = phi_j(x_i), assembled sample by sample from (d + 1)^2 triplets.
     *
     * @param rhs receives B^T y, N x 1. Modified.
     * @return a new N x N matrix
     */
    static DMatrixSparseCSC normalMatrix(TensorGrid grid, SampleSet data, DMatrixRMaj rhs) {
        int d = grid.dimension();
        int m = data.count();
        P1Interpolant locator = new P1Interpolant(grid, new double[grid.nodeCount()]);
        double[] xi = new double[d];
        int[] order = new int[d];
        int[] nodes = new int[d + 1];
        double[] weights = new double[d + 1];
        DMatrixSparseTriplet triplets = new DMatrixSparseTriplet(grid.nodeCount(), grid.nodeCount(), m * (d + 1) * (d + 1));
        rhs.zero();
        for (int i = 0; i < m; i++) {
            locator.basisAt(data.points(), i * d, xi, order, nodes, weights);
            for (int a = 0; a <= d; a++) {
                rhs.data[nodes[a]] += weights[a] * data.values()[i];
                for (int b = 0; b <= d; b++) {
                    triplets.addItem(nodes[a], nodes[b], weights[a] * weights[b]);
                }
            }
        }
        return SparseAssembly.toCsc(triplets);
    }
}
