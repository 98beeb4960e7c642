package org.relufem.method.fem;

import org.relufem.sample.TensorGrid;

/**
 * Tensor-product Lagrange interpolation of degree k (the Q_k element) on a tensor grid of n nodes
 * per axis, n - 1 divisible by k: the grid's cells of k x ... x k node spacings each hold (k+1)^d
 * equispaced nodes, neighbours sharing the nodes of their common face, and on a cell the
 * interpolant is the tensor product of the 1-D Lagrange polynomials through its k + 1 nodes per
 * axis. Continuous, of degree k in each variable on each cell, it reproduces such polynomials
 * exactly, and for a smooth target its error in every norm falls as h^(k+1) (Ciarlet 1978,
 * Theorem 3.1.6). A point costs its cell's location, d (k+1)^2 products for the 1-D bases, and the
 * (k+1)^d-term tensor sum, contracted along axis 0 first (contiguous nodes).
 */
final class LagrangeInterpolant extends GridInterpolant {
    private final int k;
    /** 1 / prod_{m != j} (j - m): the barycentric weights of the nodes 0..k. */
    private final double[] inverseDenominators;
    /** (k+1)^(d-1): the terms of the tensor sum outside axis 0. */
    private final int outerTerms;

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
        this.outerTerms = (int) Math.pow(k + 1, d - 1);
    }

    /** The local coordinates (d) and the 1-D basis values ((k+1) per axis, axis-major). */
    @Override
    int scratchLength() {
        return d + d * (k + 1);
    }

    @Override
    double valueWith(double[] x, int offset, double[] scratch, int[] order) {
        int base = locate(x, offset, scratch, k);
        int basis = d;
        for (int axis = 0; axis < d; axis++) {
            double u = scratch[axis];
            for (int j = 0; j <= k; j++) {
                double p = inverseDenominators[j];
                for (int m = 0; m <= k; m++) {
                    if (m != j) {
                        p *= u - m;
                    }
                }
                scratch[basis + axis * (k + 1) + j] = p;
            }
        }
        double sum = 0;
        for (int outer = 0; outer < outerTerms; outer++) {
            double weight = 1;
            int node = base;
            int rest = outer;
            for (int axis = 1; axis < d; axis++) {
                int j = rest % (k + 1);
                rest /= k + 1;
                weight *= scratch[basis + axis * (k + 1) + j];
                node += j * stride[axis];
            }
            double inner = 0;
            for (int i = 0; i <= k; i++) {
                inner += scratch[basis + i] * nodal[node + i];
            }
            sum += weight * inner;
        }
        return sum;
    }
}
