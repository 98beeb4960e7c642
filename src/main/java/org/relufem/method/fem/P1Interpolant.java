package org.relufem.method.fem;

import org.relufem.sample.TensorGrid;

/**
 * Continuous piecewise-linear interpolation on the Kuhn (Freudenthal) triangulation of a tensor
 * grid: each cell splits into the d! simplices {0 &lt;= xi_pi(d) &lt;= ... &lt;= xi_pi(1) &lt;= 1}, one per
 * permutation pi. Sorting the local coordinates names the simplex; its vertices are
 * v_0 = corner, v_j = v_(j-1) + e_pi(j), with barycentric weights 1 - xi_pi(1),
 * xi_pi(j) - xi_pi(j+1), ..., xi_pi(d) (Freudenthal 1942; Kuhn 1960). O(d log d) per point, no search.
 * In 2-D every square is cut along its diagonal from (0,0) to (1,1).
 */
final class P1Interpolant extends GridInterpolant {
    P1Interpolant(TensorGrid grid, double[] nodalValues) {
        super(grid, nodalValues);
    }

    @Override
    double valueWith(double[] x, int offset, double[] xi, int[] order) {
        int node = locate(x, offset, xi);
        if (d == 2) {
            // The seed study's hot path: the cell's two triangles share the diagonal corners; the
            // middle vertex is picked by a conditional move, not a branch (random points mispredict).
            double hi = Math.max(xi[0], xi[1]);
            double lo = Math.min(xi[0], xi[1]);
            int middle = node + (xi[0] >= xi[1] ? 1 : n);
            return (1 - hi) * nodal[node] + (hi - lo) * nodal[middle] + lo * nodal[node + 1 + n];
        }
        sortAxesByDecreasing(xi, order);
        double previous = 1.0;
        double sum = 0.0;
        for (int j = 0; j < d; j++) {
            int axis = order[j];
            sum += (previous - xi[axis]) * nodal[node];
            previous = xi[axis];
            node += stride[axis];
        }
        return sum + previous * nodal[node];
    }

    /**
     * The d + 1 nodes of the simplex holding {@code x[offset..offset+d)} and the nodal basis
     * functions' values there (barycentric weights, summing to 1): u(x) = sum_j weights[j] u(nodes[j]).
     *
     * @param xi scratch of length d. Modified.
     * @param order scratch of length d. Modified.
     * @param nodes receives d + 1 node indices. Modified.
     * @param weights receives d + 1 weights. Modified.
     */
    void basisAt(double[] x, int offset, double[] xi, int[] order, int[] nodes, double[] weights) {
        int node = locate(x, offset, xi);
        sortAxesByDecreasing(xi, order);
        double previous = 1.0;
        for (int j = 0; j < d; j++) {
            int axis = order[j];
            nodes[j] = node;
            weights[j] = previous - xi[axis];
            previous = xi[axis];
            node += stride[axis];
        }
        nodes[d] = node;
        weights[d] = previous;
    }

    /** Insertion sort of the axes by decreasing xi into {@code order}: d is small, and it is adaptive on sorted input. */
    private void sortAxesByDecreasing(double[] xi, int[] order) {
        for (int k = 0; k < d; k++) {
            int j = k;
            double v = xi[k];
            while (j > 0 && xi[order[j - 1]] < v) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = k;
        }
    }
}
