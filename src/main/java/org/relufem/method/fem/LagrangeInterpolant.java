package org.relufem.method.fem;

import org.relufem.sample.TensorGrid;

/**
 * Tensor-product Lagrange interpolation of degree k (the Q_k element) on a tensor grid of n nodes
 * per axis, n - 1 divisible by k: the grid's cells of k x ... x k node spacings each hold (k+1)^d
 * equispaced nodes, neighbours sharing the nodes of their common face, and on a cell the
 * interpolant is the tensor product of the 1-D Lagrange polynomials through its k + 1 nodes per
 * axis. Continuous, of degree k in each variable on each cell, it reproduces such polynomials
 * exactly, and for a smooth target its error in every norm falls as h^(k+1) (Ciarlet 1978,
 * Theorem 3.1.6). A point costs its cell's location, 4 d (k + 1) products for the 1-D bases, and
 * the (k+1)^d-term tensor sum, contracted along axis 0 first (contiguous nodes).
 */
final class LagrangeInterpolant extends GridInterpolant {
    private final int k;
    /** 1 / prod_{m != j} (j - m): the barycentric weights of the nodes 0..k. */
    private final double[] inverseDenominators;

    LagrangeInterpolant(TensorGrid grid, double[] nodalValues, int degree) {
        super(grid, nodalValues);
        if (degree < 1 || (n - 1) % degree != 0) {
            throw new IllegalArgumentException("degree " + degree + " needs n - 1 divisible by it, got n = " + n);
        }
        this.k = degree;
        this.inverseDenominators = new double[k + 1];
        for (int j = 0; j <= k; j++) {
            double p = 1;
            for (int m = 0; m <= k; m++) {
                if (m != j) {
                    p *= j - m;
                }
            }
            inverseDenominators[j] = 1 / p;
        }
    }

    /** The local coordinates (d) and the 1-D basis values ((k+1) per axis, axis-major). */
    @Override
    int scratchLength() {
        return d + d * (k + 1);
    }

    /**
     * The 1-D bases by prefix and suffix products (L_j(u) = w_j prod_{m<j} (u - m) prod_{m>j} (u - m),
     * 2k products per axis), then the tensor sum with the axes above 0 counted by an odometer in
     * {@code digits}.
     */
    @Override
    double valueWith(double[] x, int offset, double[] scratch, int[] digits) {
        int node = locate(x, offset, scratch, k);
        int basis = d;
        for (int axis = 0; axis < d; axis++) {
            double u = scratch[axis];
            int at = basis + axis * (k + 1);
            double prefix = 1;
            for (int j = 0; j <= k; j++) {
                scratch[at + j] = prefix;
                prefix *= u - j;
            }
            double suffix = 1;
            for (int j = k; j >= 0; j--) {
                scratch[at + j] *= suffix * inverseDenominators[j];
                suffix *= u - j;
            }
        }
        for (int axis = 1; axis < d; axis++) {
            digits[axis] = 0;
        }
        double sum = 0;
        while (true) {
            double weight = 1;
            for (int axis = 1; axis < d; axis++) {
                weight *= scratch[basis + axis * (k + 1) + digits[axis]];
            }
            double inner = 0;
            for (int i = 0; i <= k; i++) {
                inner += scratch[basis + i] * nodal[node + i];
            }
            sum += weight * inner;
            int axis = 1;
            while (axis < d) {
                node += stride[axis];
                if (++digits[axis] <= k) {
                    break;
                }
                node -= (k + 1) * stride[axis];
                digits[axis] = 0;
                axis++;
            }
            if (axis == d) {
                return sum;
            }
        }
    }
}
