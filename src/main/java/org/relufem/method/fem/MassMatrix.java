package org.relufem.method.fem;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.relufem.sample.TensorGrid;

/**
 * The P1 mass matrix M_ij = integral of phi_i phi_j over the box, for the Kuhn triangulation of a
 * tensor grid. On a simplex T in R^d the P1 element matrix is |T| (1 + delta_ab) / ((d + 1)(d + 2))
 * (e.g. Ern and Guermond, Theory and Practice of Finite Elements, 2004, sec. 1.4); a cell's d!
 * simplices have volume |cell| / d! each and are summed once into a 2^d x 2^d cell matrix, which
 * every cell shares.
 */
final class MassMatrix {
    private MassMatrix() {
    }

    /** @return a new N x N symmetric matrix, N = grid.nodeCount(), entries summing to the box's volume */
    static DMatrixSparseCSC p1(TensorGrid grid) {
        int d = grid.dimension();
        int n = grid.nodesPerAxis();
        int corners = 1 << d;
        double cellVolume = 1;
        for (int k = 0; k < d; k++) {
            cellVolume *= grid.spacing(k);
        }
        double[] cell = referenceCell(d);
        int[] offset = new int[corners];
        for (int c = 0; c < corners; c++) {
            int stride = 1;
            for (int k = 0; k < d; k++) {
                offset[c] += ((c >> k) & 1) * stride;
                stride *= n;
            }
        }
        int cells = (int) Math.pow(n - 1, d);
        DMatrixSparseTriplet triplets = new DMatrixSparseTriplet(grid.nodeCount(), grid.nodeCount(), cells * corners * corners);
        int[] index = new int[d];
        for (int c = 0; c < cells; c++) {
            int base = 0;
            int stride = 1;
            for (int k = 0; k < d; k++) {
                base += index[k] * stride;
                stride *= n;
            }
            for (int a = 0; a < corners; a++) {
                for (int b = 0; b < corners; b++) {
                    double v = cell[a * corners + b];
                    if (v != 0) {
                        triplets.addItem(base + offset[a], base + offset[b], cellVolume * v);
                    }
                }
            }
            for (int k = 0; k < d && ++index[k] == n - 1; k++) {
                index[k] = 0;
            }
        }
        return SparseAssembly.toCsc(triplets);
    }

    /**
     * The mass matrix of the unit cell's Kuhn simplices, corners numbered by bit k = axis k,
     * row-major 2^d x 2^d. Simplex pi has vertices 0, e_pi(1), e_pi(1) + e_pi(2), ..., all ones.
     */
    static double[] referenceCell(int d) {
        int corners = 1 << d;
        double[] cell = new double[corners * corners];
        double factorial = 1;
        for (int k = 2; k <= d; k++) {
            factorial *= k;
        }
        double scale = 1 / (factorial * (d + 1) * (d + 2));
        int[] permutation = new int[d];
        for (int k = 0; k < d; k++) {
            permutation[k] = k;
        }
        int[] vertex = new int[d + 1];
        do {
            for (int j = 0; j < d; j++) {
                vertex[j + 1] = vertex[j] | (1 << permutation[j]);
            }
            for (int a = 0; a <= d; a++) {
                for (int b = 0; b <= d; b++) {
                    cell[vertex[a] * corners + vertex[b]] += a == b ? 2 * scale : scale;
                }
            }
        } while (nextPermutation(permutation));
        return cell;
    }

    /** Advances to the next permutation in lexicographic order; false after the last. */
    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = p.length - 1;
        while (p[j] <= p[i]) {
            j--;
        }
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
        for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
            t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
        return true;
    }
}
