package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/**
 * {@link Elementary}'s functions against StrictMath (fdlibm, under 1 ulp from the true value) over
 * dense sweeps, their edge values, and {@link ElementaryLanes}' lanes against the scalars bit for
 * bit. Measured maxima (4,000,000 points, the sweeps below): exp 1 ulp, ELU's expm1 1 ulp, tanh 7 ulp
 * (a minimax rational whose own relative error is 4.8e-17; the rest is the rounding of its
 * polynomials, by Estrin's scheme), sin and cos 1-2 ulp up to |z| = 2^16, log1p on [0, 1] 2 ulp.
 */
class ElementaryTest {
    private static final int POINTS = 200_000;

    /** Uniform points in [lo, hi], an evenly spaced grid over it, and |x| from 2^-60 to 1 in sign of the interval. */
    private static double[] sweep(double lo, double hi) {
        SplittableRandom random = new SplittableRandom(5);
        double[] x = new double[POINTS];
        for (int i = 0; i < x.length; i++) {
            double tiny = Math.scalb(1 + random.nextDouble(), -random.nextInt(61));
            x[i] = switch (i % 3) {
                case 0 -> lo + (hi - lo) * random.nextDouble();
                case 1 -> lo + (hi - lo) * i / x.length;
                default -> Math.min(hi, Math.max(lo, random.nextBoolean() && lo < 0 ? -tiny : tiny));
            };
        }
        return x;
    }

    /** The largest |f - reference| in ulps of the reference over the sweep. */
    private static double maxUlps(DoubleUnaryOperator f, DoubleUnaryOperator reference, double lo, double hi) {
        double worst = 0;
        for (double x : sweep(lo, hi)) {
            double expected = reference.applyAsDouble(x);
            worst = Math.max(worst, Math.abs(f.applyAsDouble(x) - expected) / Math.ulp(expected));
        }
        return worst;
    }

    @Test
    void expAndEluExpm1AreWithinOneUlp() {
        assertTrue(maxUlps(Elementary::exp, StrictMath::exp, -708, 708) <= 1);
        assertTrue(maxUlps(Elementary::exp, StrictMath::exp, -1, 1) <= 1);
        assertEquals(StrictMath.exp(708), Elementary.exp(708), Math.ulp(StrictMath.exp(708)));
        assertEquals(StrictMath.exp(-708), Elementary.exp(-708), Math.ulp(StrictMath.exp(-708)));
        assertTrue(Double.isNaN(Elementary.exp(Double.NaN)));
        // ELU's: 2^k expm1(r) + (2^k - 1) from exp's reduction
        double ulps = maxUlps(Elementary::expm1NonPositive, StrictMath::expm1, -60, 0);
        assertTrue(ulps <= 1, ulps + " ulp");
        ulps = maxUlps(Elementary::expm1NonPositive, StrictMath::expm1, -1e-3, 0);
        assertTrue(ulps <= 1, ulps + " ulp near 0");
        assertEquals(-1.0, Elementary.expm1NonPositive(-40));
        assertEquals(-1.0, Elementary.expm1NonPositive(Double.NEGATIVE_INFINITY));
        assertEquals(-1e-300, Elementary.expm1NonPositive(-1e-300));
    }

    @Test
    void tanhIsWithinSevenUlpsAndSaturates() {
        double ulps = maxUlps(Elementary::tanh, StrictMath::tanh, -25, 25);
        assertTrue(ulps <= 7, ulps + " ulp");
        assertTrue(maxUlps(Elementary::tanh, StrictMath::tanh, -1, 1) <= 6);
        // where 1 - tanh is a few ulps, rounding must not take the quotient past 1, and the limit makes it 1
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < POINTS; i++) {
            double z = 17 + 2 * random.nextDouble();
            assertTrue(Elementary.tanh(z) <= 1, "tanh(" + z + ")");
            assertEquals(-Elementary.tanh(z), Elementary.tanh(-z));
        }
        // below the limit the quotient is not clamped: it stays at most 1 on the 2^20 doubles nearest it
        double z = Elementary.TANH_LIMIT;
        for (int i = 0; i < 1 << 20; i++, z = Math.nextDown(z)) {
            assertTrue(Elementary.tanh(z) <= 1, "tanh(" + z + ")");
        }
        assertEquals(1.0, Elementary.tanh(Elementary.TANH_LIMIT));
        assertEquals(1.0, Elementary.tanh(Math.nextUp(Elementary.TANH_LIMIT)));
        assertEquals(1.0, Elementary.tanh(1e19));
        assertEquals(1.0, Elementary.tanh(19.5));
        assertEquals(-1.0, Elementary.tanh(-1e300));
        assertEquals(1.0, Elementary.tanh(Double.POSITIVE_INFINITY));
        assertEquals(1e-300, Elementary.tanh(1e-300));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Elementary.tanh(-0.0)));
        assertTrue(Double.isNaN(Elementary.tanh(Double.NaN)));
    }

    @Test
    void sinAndCosAreWithinTwoUlpsAndHandHugeArgumentsToStrictMath() {
        for (double range : new double[] {1, 100, Elementary.TRIG_LIMIT}) {
            assertTrue(maxUlps(Elementary::sin, StrictMath::sin, -range, range) <= 2, "sin to " + range);
            assertTrue(maxUlps(Elementary::cos, StrictMath::cos, -range, range) <= 2, "cos to " + range);
        }
        for (double z : new double[] {1e5, -7e6, 1e300, Double.MAX_VALUE}) {
            assertEquals(StrictMath.sin(z), Elementary.sin(z));
            assertEquals(StrictMath.cos(z), Elementary.cos(z));
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Elementary.sin(-0.0)));
        assertEquals(1.0, Elementary.cos(-0.0));
        assertTrue(Double.isNaN(Elementary.sin(Double.POSITIVE_INFINITY)));
        assertTrue(Double.isNaN(Elementary.cos(Double.NaN)));
    }

    @Test
    void log1pOnTheUnitIntervalIsWithinTwoUlps() {
        assertTrue(maxUlps(Elementary::log1pUnit, StrictMath::log1p, 0, 1) <= 2);
        assertEquals(Elementary.LN2_HI, Elementary.log1pUnit(1));
        assertEquals(0.0, Elementary.log1pUnit(0));
        assertEquals(1e-300, Elementary.log1pUnit(1e-300));
    }

    @Test
    void lanesGiveTheScalarsBits() {
        double[] x = sweep(-60, 60);
        x[0] = -0.0;
        x[1] = Double.NaN;
        x[2] = 1e300;
        double[] unit = sweep(0, 1);
        assertSameBits("exp", x, ElementaryLanes::exp, Elementary::exp);
        assertSameBits("tanh", x, ElementaryLanes::tanh, Elementary::tanh);
        assertSameBits("log1p", unit, ElementaryLanes::log1pUnit, Elementary::log1pUnit);
        assertSameBits("expm1NonPositive", x, ElementaryLanes::expm1NonPositive, Elementary::expm1NonPositive);
        double[] sin = new double[x.length];
        double[] cos = new double[x.length];
        ElementaryLanes.sin(x, sin, cos, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToLongBits(Elementary.sin(x[i])), Double.doubleToLongBits(sin[i]), "sin at " + x[i]);
            assertEquals(Double.doubleToLongBits(Elementary.cos(x[i])), Double.doubleToLongBits(cos[i]), "cos at " + x[i]);
        }
    }

    private static void assertSameBits(String name, double[] x, UnaryOperator<DoubleVector> lanes, DoubleUnaryOperator scalar) {
        int width = ElementaryLanes.SPECIES.length();
        double[] out = new double[width];
        for (int i = 0; i + width <= x.length; i += width) {
            lanes.apply(DoubleVector.fromArray(ElementaryLanes.SPECIES, x, i)).intoArray(out, 0);
            for (int k = 0; k < width; k++) {
                assertEquals(Double.doubleToLongBits(scalar.applyAsDouble(x[i + k])), Double.doubleToLongBits(out[k]),
                        name + " at " + x[i + k]);
            }
        }
    }
}
