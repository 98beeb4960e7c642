package org.relufem.method.net.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevenbergMarquardtTest {
    /**
     * The row-ordered J^T J gives EJML's multTransA(J, J) bit for bit, at precision.conf's shapes
     * (65 x 61, 4225 x 81) and past EJML's switch to its small-matrix kernel, with ReLU's exact zeros
     * (a dead unit's columns) among the entries.
     */
    @ParameterizedTest
    @CsvSource({"65, 61", "4225, 81", "300, 150", "1, 1", "3, 7"})
    void normalMatrixIsEjmlsProductBitForBit(int m, int n) {
        Random random = new Random(m * 31L + n);
        DMatrixRMaj jacobian = new DMatrixRMaj(m, n);
        for (int i = 0; i < jacobian.data.length; i++) {
            jacobian.data[i] = random.nextInt(3) == 0 ? 0.0 : random.nextGaussian() * Math.exp(4 * random.nextGaussian());
        }
        DMatrixRMaj expected = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(jacobian, jacobian, expected);
        DMatrixRMaj actual = new DMatrixRMaj(n, n);
        actual.fill(Double.NaN);
        LevenbergMarquardt.normalMatrix(jacobian, actual);
        assertArrayEquals(expected.data, actual.data);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += actual.get(i, i);
        }
        double sumSquares = 0;
        for (double v : jacobian.data) {
            sumSquares += v * v;
        }
        assertEquals(sumSquares, trace, 1e-12 * trace);
    }
}
