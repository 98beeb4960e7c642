package org.relufem.method.poly;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The k-point Gauss-Legendre rule for the probability measure dt/2 on [-1, 1], by Golub &amp; Welsch
 * (Math. Comp. 23, 1969): the nodes are the eigenvalues of the Jacobi matrix with zero diagonal and
 * off-diagonal b_j = j / sqrt(4 j^2 - 1) (the Legendre recurrence, Gautschi 2004, table 1.1), the
 * weights the squared first components of the unit eigenvectors. Exact for degree &lt;= 2k - 1.
 * Written independently of {@link Legendre}; tests check its moments against 1 / (2j + 1).
 */
record GaussLegendre(double[] nodes, double[] weights) {

    static GaussLegendre of(int k) {
        DMatrixRMaj jacobi = new DMatrixRMaj(k, k);
        for (int j = 1; j < k; j++) {
            double b = j / Math.sqrt(4.0 * j * j - 1);
            jacobi.set(j - 1, j, b);
            jacobi.set(j, j - 1, b);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(jacobi)) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double[][] pairs = new double[k][];
        for (int i = 0; i < k; i++) {
            DMatrixRMaj v = eig.getEigenVector(i);
            double norm2 = 0;
            for (int r = 0; r < k; r++) {
                norm2 += v.get(r) * v.get(r);
            }
            pairs[i] = new double[] {eig.getEigenvalue(i).real, v.get(0) * v.get(0) / norm2};
        }
        Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
        double[] x = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = pairs[i][0];
            w[i] = pairs[i][1];
        }
        return new GaussLegendre(x, w);
    }

    int size() {
        return nodes.length;
    }
}
