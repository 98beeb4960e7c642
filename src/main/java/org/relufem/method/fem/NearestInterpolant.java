package org.relufem.method.fem;

import org.relufem.sample.TensorGrid;

/**
 * Piecewise-constant interpolation on a tensor grid: a point takes the nodal value of its nearest
 * node. The grid is a product of 1-D grids, so the nearest node in the Euclidean norm (indeed in any
 * l_p norm) is the nearest node on each axis: rounding each local coordinate xi_k of the cell picks
 * it, O(d) per point. A tie (xi_k = 0.5 exactly, as computed) goes to the lower node on that axis.
 * Discontinuous on the cell midplanes, with error O(h) in every norm for a Lipschitz target: an
 * approximant with no smoothness at all, a floor for comparisons.
 */
final class NearestInterpolant extends GridInterpolant {
    NearestInterpolant(TensorGrid grid, double[] nodalValues) {
        super(grid, nodalValues);
    }

    @Override
    double valueWith(double[] x, int offset, double[] xi, int[] order) {
        int node = locate(x, offset, xi);
        for (int k = 0; k < d; k++) {
            if (xi[k] > 0.5) {
                node += stride[k];
            }
        }
        return nodal[node];
    }
}
