package org.relufem.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** Sums of scaled rows give EJML's products bit for bit: the claim the faster kernels rest on. */
class RowsTest {
    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        }
        return out;
    }

    @Test
    void matrixProductsAndTransposedProductsEqualEjmlsBitForBit() {
        Random random = new Random(7);
        for (int[] shape : new int[][] {{1, 1, 1}, {7, 3, 5}, {64, 100, 100}, {33, 2, 17}, {5, 40, 1}}) {
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(shape[0], shape[1], -1, 1, random);
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(shape[1], shape[2], -1, 1, random);
            DMatrixRMaj expected = new DMatrixRMaj(shape[0], shape[2]);
            CommonOps_DDRM.mult(a, b, expected);
            double[][] bRows = rows(b);
            for (int i = 0; i < shape[0]; i++) {
                double[] row = new double[shape[2]];
                Rows.addScaled(rows(a)[i], bRows, row);
                double[] want = java.util.Arrays.copyOfRange(expected.data, i * shape[2], (i + 1) * shape[2]);
                assertArrayEquals(want, row, 0.0, "row " + i + " of A B, shape " + java.util.Arrays.toString(shape));
            }
            // A^T x and A y as sums over A's rows and over its columns (the rows of A^T)
            DMatrixRMaj x = RandomMatrices_DDRM.rectangle(shape[0], 1, -1, 1, random);
            DMatrixRMaj atx = new DMatrixRMaj(shape[1], 1);
            CommonOps_DDRM.multTransA(a, x, atx);
            double[] sum = new double[shape[1]];
            Rows.addScaled(x.data, rows(a), sum);
            assertArrayEquals(atx.data, sum, 0.0, "A^T x");
            DMatrixRMaj y = RandomMatrices_DDRM.rectangle(shape[1], 1, -1, 1, random);
            DMatrixRMaj ay = new DMatrixRMaj(shape[0], 1);
            CommonOps_DDRM.mult(a, y, ay);
            DMatrixRMaj at = new DMatrixRMaj(shape[1], shape[0]);
            CommonOps_DDRM.transpose(a, at);
            double[] byColumns = new double[shape[0]];
            Rows.addScaled(y.data, rows(at), byColumns);
            assertArrayEquals(ay.data, byColumns, 0.0, "A y");
        }
    }
}
