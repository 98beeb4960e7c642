package org.relufem.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetsTest {
    private static final double U = (Math.sqrt(5) - 1) / 2;

    @Test
    void seed2dIsTheSeedFormulaOnTheUnitSquare() {
        Target t = Targets.create("seed2d", 2);
        assertEquals(Box.cube(2, 0, 1), t.domain());
        double x = 0.3;
        double y = 0.8;
        assertEquals(Math.sin(Math.PI * x) * Math.cos(Math.PI * y) + 0.1 * (x * x + y * y), t.value(new double[] {x, y}), 1e-16);
        assertEquals(0.2, t.value(new double[] {1, 1}), 1e-15); // sin(pi) = 0 up to rounding
    }

    @Test
    void expCosIsAdcockDextersFunctionOnMinusOneOne() {
        Target t = Targets.create("exp_cos", 3);
        assertEquals(Box.cube(3, -1, 1), t.domain());
        double[] x = {0.5, -0.25, 1.0};
        double s = Math.cos(0.5) + Math.cos(-0.25) + Math.cos(1.0);
        assertEquals(Math.exp(-s / 24), t.value(x), 1e-15);
    }

    @Test
    void adcockDextersFurtherFamiliesAreTheirFormulas() {
        double[] x = {0.3, -0.7, 0.1};
        assertEquals(Box.cube(3, -1, 1), Targets.create("exp_cos5", 3).domain());
        assertEquals(Math.exp(-(Math.cos(1.5) + Math.cos(-3.5) + Math.cos(0.5))), Targets.create("exp_cos5", 3).value(x), 1e-14);
        Target half = Targets.create("halfspace", 3);
        assertEquals(0.0, half.value(x)); // 0.3 - 0.7 + 0.1 < 0
        assertEquals(1.0, half.value(new double[] {0.3, -0.3, 0.0})); // on the hyperplane: the closed side
        assertEquals(1.0, half.value(new double[] {-0.2, 0.5, 0.1}));
        Target logsin = Targets.create("logsin", Targets.defaultDimension("logsin"));
        assertEquals(Box.cube(1, -1, 1), logsin.domain());
        assertEquals(Math.log(Math.sin(3.0) + 2) + Math.sin(0.3), logsin.value(new double[] {0.3}), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Targets.create("logsin", 2));
        assertTrue(e.getMessage().contains("only dim = 1"), e.getMessage());
    }

    @Test
    void genzFamiliesUseTheDocumentedCoefficients() {
        int d = 2;
        double[] x = {0.2, 0.7};
        double[] dx = {x[0] - U, x[1] - U};
        assertEquals(Math.cos(2 * Math.PI * U + 4.5 * (x[0] + x[1])), value("oscillatory", x), 1e-15);
        double a = 7.25 / d;
        assertEquals(1 / ((1 / (a * a) + dx[0] * dx[0]) * (1 / (a * a) + dx[1] * dx[1])), value("product_peak", x), 1e-13);
        assertEquals(Math.pow(1 + 0.925 * (x[0] + x[1]), -3), value("corner_peak", x), 1e-15);
        assertEquals(Math.exp(-3.515 * 3.515 * (dx[0] * dx[0] + dx[1] * dx[1])), value("gaussian", x), 1e-15);
        assertEquals(Math.exp(-10.2 * (Math.abs(dx[0]) + Math.abs(dx[1]))), value("continuous", x), 1e-15);
        assertEquals(0.0, value("discontinuous", x)); // x_2 > u
        assertEquals(Math.exp(2.15 * (0.2 + 0.3)), value("discontinuous", new double[] {0.2, 0.3}), 1e-14);
        for (String name : new String[] {"oscillatory", "gaussian", "continuous", "discontinuous"}) {
            assertEquals(Box.cube(5, 0, 1), Targets.create(name, 5).domain());
        }
    }

    private static double value(String name, double[] x) {
        return Targets.create(name, x.length).value(x);
    }

    @Test
    void batchEvaluationAgreesWithPointwise() {
        Target t = Targets.create("gaussian", 3);
        double[] p = {0.1, 0.2, 0.3, 0.9, 0.8, 0.7};
        double[] out = new double[2];
        t.values(p, 2, out);
        assertEquals(t.value(new double[] {0.9, 0.8, 0.7}), out[1]);
        assertEquals(t.value(p, 0), out[0]);
    }

    @Test
    void unknownNamesAndUnsupportedDimensionsAreClearErrors() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Targets.create("sead2d", 2));
        assertTrue(unknown.getMessage().contains("unknown target 'sead2d'") && unknown.getMessage().contains("seed2d"),
                unknown.getMessage());
        IllegalArgumentException dim = assertThrows(IllegalArgumentException.class, () -> Targets.create("seed2d", 3));
        assertTrue(dim.getMessage().contains("only dim = 2"), dim.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Targets.create("gaussian", 0));
        assertTrue(zero.getMessage().contains("dim"), zero.getMessage());
        assertTrue(Targets.names().containsAll(java.util.List.of("seed2d", "exp_cos", "gaussian", "oscillatory",
                "product_peak", "corner_peak", "continuous", "discontinuous")));
    }
}
