package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each activation's value against its closed form, its slope against central differences, the loops against the scalars. */
class ActivationTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(17);

    /** Pre-activations from -30 to 30, denser near 0, and the edge values. */
    private static double[] points() {
        double[] z = new double[4003]; // not a multiple of the SIMD width: the loops' scalar ends run too
        for (int i = 0; i < z.length; i++) {
            z[i] = (2 * RANDOM.nextDouble() - 1) * (i % 2 == 0 ? 30 : 2);
        }
        z[0] = 0;
        z[1] = -0.0;
        z[2] = 1e-300;
        z[3] = -20.5;
        z[4] = 25;
        z[5] = 1e5; // sin's lanes hand |z| > 2^16 to StrictMath
        z[6] = -7e6;
        z[7] = 1e300; // tanh's quotient overflows here, and its lanes blend it away
        z[8] = -1e300;
        z[9] = Double.POSITIVE_INFINITY;
        z[10] = Double.NEGATIVE_INFINITY;
        return z;
    }

    private static double reference(Activation a, double z) {
        return switch (a) {
            case RELU -> Math.max(z, 0);
            case LEAKY_RELU -> z > 0 ? z : 0.01 * z;
            case ELU -> z > 0 ? z : Math.exp(z) - 1;
            case TANH -> Math.tanh(z);
            case SIN -> Math.sin(z);
            case SOFTPLUS -> z > 20 ? z : Math.log(1 + Math.exp(z));
            case GELU -> z / 2 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
        };
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void valuesMatchTheClosedFormAndTheLoopsMatchTheScalars(Activation a) {
        double[] z = points();
        double[] h = new double[z.length];
        a.forward(z, h, z.length);
        double[] s = new double[z.length];
        a.slopes(z, h, s, z.length);
        double[] fusedH = new double[z.length];
        double[] fusedS = new double[z.length];
        a.forwardAndSlopes(z, fusedH, fusedS, z.length);
        for (int i = 0; i < z.length; i++) {
            double expected = reference(a, z[i]);
            // GELU's reference loses digits to 1 + tanh(u) for z << 0, where both are below 1e-10
            if (Double.isNaN(expected)) { // sin(inf), gelu(-inf) = -inf 0
                assertTrue(Double.isNaN(h[i]), a + " at " + z[i]);
            } else {
                assertEquals(expected, h[i], (a == Activation.GELU ? 3e-15 : 1e-15) * Math.max(1, Math.abs(expected)),
                        a + " at " + z[i]);
            }
            assertEquals(Double.doubleToLongBits(a.value(z[i])), Double.doubleToLongBits(h[i]), a + " loop at " + z[i]);
            assertEquals(Double.doubleToLongBits(a.slope(z[i], h[i])), Double.doubleToLongBits(s[i]),
                    a + " slope loop at " + z[i]);
            assertEquals(Double.doubleToLongBits(h[i]), Double.doubleToLongBits(fusedH[i]), a + " fused loop at " + z[i]);
            assertEquals(Double.doubleToLongBits(s[i]), Double.doubleToLongBits(fusedS[i]), a + " fused slope at " + z[i]);
        }
    }

    /** A diverged net's NaN: the loops (on lanes, and their scalar ends) give the scalars' values and slopes. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void theLoopsKeepNaN(Activation a) {
        double[] z = new double[19];
        for (int i = 0; i < z.length; i++) {
            z[i] = i % 3 == 0 ? Double.NaN : i - 9.5;
        }
        double[] h = new double[z.length];
        double[] s = new double[z.length];
        a.forwardAndSlopes(z, h, s, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Double.doubleToLongBits(a.value(z[i])), Double.doubleToLongBits(h[i]), a + " at " + z[i]);
            assertEquals(Double.doubleToLongBits(a.slope(z[i], h[i])), Double.doubleToLongBits(s[i]),
                    a + " slope at " + z[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void slopesMatchCentralDifferences(Activation a) {
        double step = 1e-6;
        for (double z : points()) {
            if (Math.abs(z) < 2 * step || Math.abs(z - Activation.SOFTPLUS_LINEAR) < 2 * step || Math.abs(z) > 1e3) {
                continue; // the kinks of relu, leaky_relu and softplus's switch to the identity; z +- step inexact
            }
            double numeric = (a.value(z + step) - a.value(z - step)) / (2 * step);
            assertEquals(numeric, a.slope(z, a.value(z)), 1e-8 * Math.max(1, Math.abs(numeric)), a + " at " + z);
        }
    }

    @Test
    void labelsNameEveryActivation() {
        for (Activation a : Activation.values()) {
            assertEquals(a, Activation.of(a.label()));
        }
        assertEquals(null, Activation.of("swish"));
    }
}
