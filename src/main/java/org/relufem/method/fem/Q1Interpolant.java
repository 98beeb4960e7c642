package org.relufem.method.fem;

import org.relufem.sample.TensorGrid;

/** Multilinear (tensor-product Q1) interpolation on a tensor grid: 2^d corners per cell. */
final class Q1Interpolant extends GridInterpolant {
    Q1Interpolant(TensorGrid grid, double[] nodalValues) {
        super(grid, nodalValues);
    }

    @Override
    double valueWith(double[] x, int offset, double[] xi, int[] order) {
        int base = locate(x, offset, xi);
        if (d == 2) {
            double s = xi[0];
            double t = xi[1];
            return (1 - t) * ((1 - s) * nodal[base] + s * nodal[base + 1])
                    + t * ((1 - s) * nodal[base + n] + s * nodal[base + n + 1]);
        }
        double sum = 0.0;
        for (int corner = 0; corner < (1 << d); corner++) {
            double weight = 1.0;
            int node = base;
            for (int k = 0; k < d; k++) {
                if ((corner & (1 << k)) != 0) {
                    weight *= xi[k];
                    node += stride[k];
                } else {
                    weight *= 1.0 - xi[k];
                }
            }
            sum += weight * nodal[node];
        }
        return sum;
    }
}
