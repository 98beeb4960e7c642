package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked kernel against a plain per-point loop with the same rounding order: loss and every
 * gradient entry must agree bit for bit, for odd and even point counts (an odd last point takes the
 * single-point path), widths that are not multiples of the dot product's eight partial sums, and
 * d = 2 (the fused loops) as well as other dimensions.
 */
class ShallowKernelTest {
    @ParameterizedTest(name = "d={0} width={1} rows={2}")
    @CsvSource({"2, 100, 1024", "2, 13, 301", "2, 7, 2", "2, 9, 1", "1, 29, 64", "1, 5, 33", "3, 100, 257",
            "3, 9, 40", "5, 23, 11"})
    void bitIdenticalToThePerPointReference(int d, int width, int rows) {
        check(Activation.RELU, d, width, rows);
    }

    /** The smooth activations' pair path (SIMD lanes in d = 2, scalar loops otherwise). */
    @ParameterizedTest(name = "{0} d={1} width={2} rows={3}")
    @CsvSource({"tanh, 2, 100, 1024", "tanh, 2, 13, 301", "elu, 2, 7, 3", "sin, 2, 9, 1", "softplus, 1, 29, 64",
            "gelu, 3, 100, 257", "leaky_relu, 2, 23, 40", "sin, 5, 23, 11", "gelu, 2, 100, 65", "softplus, 2, 6, 9"})
    void smoothActivationsBitIdenticalToThePerPointReference(String activation, int d, int width, int rows) {
        check(Activation.of(activation), d, width, rows);
    }

    private static void check(Activation activation, int d, int width, int rows) {
        SplittableRandom random = new SplittableRandom(31L * d + width + rows);
        double[] x = uniform(random, rows * d, -1, 1);
        double[] y = uniform(random, rows, -1, 1);
        double[] w1t = uniform(random, d * width, -1, 1);
        double[] b1 = uniform(random, width, -0.5, 0.5);
        double[] w2 = uniform(random, width, -1, 1);
        double b2 = 0.25;
        Reference reference = new Reference(activation, d, width, rows, x, y, w1t, b1, w2, b2);

        ShallowKernel kernel = new ShallowKernel(d, width, activation);
        double[] gw1t = new double[d * width];
        double[] gb1 = new double[width];
        double[] gw2 = new double[width];
        double[] gb2 = new double[1];
        for (int call = 0; call < 2; call++) { // the second call must overwrite, not add to, the first
            double loss = kernel.lossAndGradient(rows, x, y, w1t, b1, w2, b2, gw1t, gb1, gw2, gb2);
            assertEquals(reference.loss, loss, 0.0);
            assertArrayEquals(reference.gw1t, gw1t, 0.0, "dW_1");
            assertArrayEquals(reference.gb1, gb1, 0.0, "db_1");
            assertArrayEquals(reference.gw2, gw2, 0.0, "dw_2");
            assertEquals(reference.gb2, gb2[0], 0.0, "db_2");
        }
        if (activation == Activation.RELU && rows * width >= 20) { // the tiny cases may fall all on one side of the kink
            assertTrue(reference.active > 0 && reference.active < rows * width, "ReLU all on or all off: "
                    + reference.active + " of " + rows * width + " units active");
            assertTrue(Arrays.stream(gw1t).anyMatch(v -> v != 0), "dW_1 vanished");
        }
    }

    private static double[] uniform(SplittableRandom random, int n, double low, double high) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextDouble(low, high);
        }
        return out;
    }

    /** Point by point, entry by entry, in the kernel's documented rounding order; the activation's value and slope. */
    private static final class Reference {
        double loss;
        final double[] gw1t;
        final double[] gb1;
        final double[] gw2;
        double gb2;
        int active;

        Reference(Activation activation, int d, int width, int rows, double[] x, double[] y, double[] w1t, double[] b1, double[] w2,
                  double b2) {
            gw1t = new double[d * width];
            gb1 = new double[width];
            gw2 = new double[width];
            double[] h = new double[width];
            double[] slope = new double[width];
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < width; j++) {
                    double z = b1[j];
                    for (int k = 0; k < d; k++) {
                        z += x[i * d + k] * w1t[k * width + j];
                    }
                    h[j] = activation == Activation.RELU ? (z > 0 ? z : 0.0) : activation.value(z);
                    slope[j] = activation.slope(z, h[j]);
                    active += z > 0 ? 1 : 0;
                }
                double residual = b2 + dotInEightLanes(h, w2) - y[i];
                sum += residual * residual;
                double g = 2.0 / rows * residual;
                gb2 += g;
                for (int j = 0; j < width; j++) {
                    gw2[j] += g * h[j];
                    double dz = activation == Activation.RELU ? (h[j] > 0 ? g * w2[j] : 0.0) : g * w2[j] * slope[j];
                    gb1[j] += dz;
                    for (int k = 0; k < d; k++) {
                        gw1t[k * width + j] += x[i * d + k] * dz;
                    }
                }
            }
            loss = sum / rows;
        }

        /** Lane j % 8 for the full blocks of eight, the tail into lane 0, lanes summed pairwise. */
        private static double dotInEightLanes(double[] a, double[] b) {
            double[] lanes = new double[8];
            int full = a.length - a.length % 8;
            for (int j = 0; j < a.length; j++) {
                lanes[j < full ? j % 8 : 0] += a[j] * b[j];
            }
            return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        }
    }
}
