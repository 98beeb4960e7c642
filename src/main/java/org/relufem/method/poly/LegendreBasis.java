package org.relufem.method.poly;

import org.ejml.data.DMatrixRMaj;
import org.relufem.target.Box;

/**
 * The tensor Legendre basis phi_nu(x) = prod_k L_{nu_k}(t_k) over an index set, on a box
 * [a_1, b_1] x ... x [a_d, b_d] mapped affinely onto [-1, 1]^d by t_k = (2 x_k - a_k - b_k) / (b_k - a_k).
 * The basis is orthonormal for the uniform probability measure on the box, and
 * ||phi_nu||_inf = prod_k sqrt(2 nu_k + 1). Immutable.
 */
public final class LegendreBasis {
    private final Box domain;
    private final IndexSet indexSet;
    private final Legendre legendre;
    private final int d;
    private final int stride;

    public LegendreBasis(Box domain, IndexSet indexSet) {
        if (domain.dimension() != indexSet.dimension()) {
            throw new IllegalArgumentException("box has dimension " + domain.dimension() + " but the index set "
                    + indexSet.dimension());
        }
        this.domain = domain;
        this.indexSet = indexSet;
        this.legendre = new Legendre(indexSet.maxDegree());
        this.d = domain.dimension();
        this.stride = legendre.maxDegree() + 1;
    }

    public Box domain() {
        return domain;
    }

    public IndexSet indexSet() {
        return indexSet;
    }

    public int dimension() {
        return d;
    }

    /** Number of basis functions. */
    public int size() {
        return indexSet.size();
    }

    /** Length of the scratch array {@link #values} needs. */
    public int scratchLength() {
        return d * stride;
    }

    /**
     * Writes phi_nu(x) for every nu, in index-set order, into {@code out[outOffset ..]}.
     *
     * @param x points, row-major; the point is {@code x[offset .. offset + d)}. Not modified.
     * @param scratch at least {@link #scratchLength()} entries. Modified.
     * @param out Modified.
     */
    public void values(double[] x, int offset, double[] scratch, double[] out, int outOffset) {
        for (int k = 0; k < d; k++) {
            double t = (2 * x[offset + k] - domain.lower(k) - domain.upper(k)) / domain.width(k);
            legendre.values(t, scratch, k * stride);
        }
        int n = indexSet.size();
        for (int j = 0; j < n; j++) {
            double p = scratch[indexSet.degree(j, 0)];
            for (int k = 1; k < d; k++) {
                p *= scratch[k * stride + indexSet.degree(j, k)];
            }
            out[outOffset + j] = p;
        }
    }

    /**
     * The m x N matrix of basis values at {@code count} points, row i = (phi_nu(x_i))_nu, times {@code scale}.
     *
     * @param points count * d coordinates, row-major. Not modified.
     * @throws IllegalArgumentException if the matrix would not fit in one array
     */
    public DMatrixRMaj designMatrix(double[] points, int count, double scale) {
        long entries = (long) count * size();
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " points x " + size() + " basis functions = " + entries
                    + " matrix entries, more than an array can hold");
        }
        DMatrixRMaj a = new DMatrixRMaj(count, size());
        double[] scratch = new double[scratchLength()];
        double[] data = a.data;
        for (int i = 0; i < count; i++) {
            values(points, i * d, scratch, data, i * size());
        }
        if (scale != 1) {
            for (int e = 0; e < data.length; e++) {
                data[e] *= scale;
            }
        }
        return a;
    }

    /** ||phi_nu||_inf = prod_k sqrt(2 nu_k + 1) for every nu, in index-set order: the weights of weighted l1. */
    public double[] supNorms() {
        double[] w = new double[size()];
        for (int j = 0; j < w.length; j++) {
            double p = 1;
            for (int k = 0; k < d; k++) {
                p *= Legendre.supNorm(indexSet.degree(j, k));
            }
            w[j] = p;
        }
        return w;
    }
}
