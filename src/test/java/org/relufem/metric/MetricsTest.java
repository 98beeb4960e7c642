package org.relufem.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void errorsOfAKnownDifference() {
        Errors e = Errors.of(new double[] {3, 4, 0, 0}, new double[] {3, 2, 1, 0});
        assertEquals(5.0 / 4, e.mse(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 4), e.rmse(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 25), e.relL2(), 1e-15);
        assertEquals(2, e.maxAbsErr());
    }

    @Test
    void aNonFinitePredictionPoisonsTheMaxAndMse() {
        Errors e = Errors.of(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3});
        assertTrue(Double.isNaN(e.maxAbsErr()));
        assertTrue(Double.isNaN(e.mse()));
    }

    @Test
    void mismatchedOrEmptyArraysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Errors.of(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Errors.of(new double[0], new double[0]));
    }

    @Test
    void rateFitRecoversAPowerLaw() {
        double[] x = {0.5, 0.25, 0.125, 0.0625};
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = 3 * Math.pow(x[i], 2.0) * (i % 2 == 0 ? 1.01 : 0.99);
        }
        RateFit fit = RateFit.of(x, y);
        assertEquals(2.0, fit.slope(), 0.02);
        assertEquals(Math.log(3), fit.intercept(), 0.05);
        assertEquals(-1.0, RateFit.of(new double[] {1, 10, 100}, new double[] {1, 0.1, 0.01}).slope(), 1e-12);
    }

    @Test
    void rateFitRefusesDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> RateFit.of(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RateFit.of(new double[] {1, 2}, new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> RateFit.of(new double[] {2, 2}, new double[] {1, 3}));
    }
}
