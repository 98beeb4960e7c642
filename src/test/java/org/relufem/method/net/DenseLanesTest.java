package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relufem.method.Rows;

/**
 * The register-blocked products against the scalar loops they replace, bit for bit: point counts
 * that are not multiples of the four-point block, widths that are not multiples of the lanes (the
 * scalar and single-vector tails), the input layer (2 inputs) and the output layer (1 output).
 * Entries include signed zeros, whose sums depend on order (0 + -0 = 0).
 */
class DenseLanesTest {
    @ParameterizedTest(name = "rows={0} inner={1} n={2}")
    @CsvSource({"1000, 20, 20", "1024, 100, 100", "7, 30, 30", "13, 50, 50", "5, 2, 30", "9, 30, 1", "3, 1, 17",
            "1, 9, 9", "64, 7, 7", "33, 40, 3", "100, 30, 30", "70, 50, 50", "1000, 2, 30"})
    void productsMatchTheScalarLoops(int rows, int inner, int n) {
        Assumptions.assumeTrue(Activation.LANES, "the Vector API module is not in this JVM");
        SplittableRandom random = new SplittableRandom(rows * 31L + inner * 7L + n);
        double[][] a = random(rows, inner, random);
        double[][] b = random(inner, n, random);
        double[][] d = random(rows, n, random);

        double[][] expected = new double[rows][n];
        for (int i = 0; i < rows; i++) {
            Rows.addScaled(a[i], b, expected[i]);
        }
        double[][] actual = new double[rows][n];
        for (double[] row : actual) {
            Arrays.fill(row, Double.NaN); // overwritten, not added to
        }
        DenseLanes.product(a, rows, b, actual);
        for (int i = 0; i < rows; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0, "row " + i);
        }

        double[] expectedGradient = new double[inner * n];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < inner; k++) {
                for (int j = 0; j < n; j++) {
                    expectedGradient[k * n + j] += a[i][k] * d[i][j];
                }
            }
        }
        double[] gradient = new double[inner * n];
        Arrays.fill(gradient, Double.NaN);
        DenseLanes.transposeProduct(a, d, rows, gradient, inner, n);
        assertArrayEquals(expectedGradient, gradient, 0.0);
        assertTrue(Arrays.stream(gradient).anyMatch(x -> x != 0), "nothing was computed");
    }

    /** Uniform entries in (-1, 1), a tenth of them -0.0 or 0.0. */
    private static double[][] random(int rows, int columns, SplittableRandom random) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                double u = random.nextDouble();
                row[j] = u < 0.05 ? -0.0 : u < 0.1 ? 0.0 : 2 * random.nextDouble() - 1;
            }
        }
        return m;
    }
}
