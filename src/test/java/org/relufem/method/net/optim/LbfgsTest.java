package org.relufem.method.net.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LbfgsTest {
    /**
     * The extended Rosenbrock function (Moré, Garbow &amp; Hillstrom 1981, problem 21): n/2 uncoupled
     * pairs 100 (x_2i - x_(2i-1)^2)^2 + (1 - x_(2i-1))^2, minimum 0 at all ones, standard start
     * (-1.2, 1, -1.2, 1, ...). Records every evaluation.
     */
    static class Rosenbrock implements Objective {
        final double[] x;
        final double[] gradient;
        final Parameters parameters;
        final List<double[]> points = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        final List<double[]> gradients = new ArrayList<>();

        Rosenbrock(int n) {
            x = new double[n];
            gradient = new double[n];
            for (int i = 0; i < n; i += 2) {
                x[i] = -1.2;
                x[i + 1] = 1;
            }
            parameters = new Parameters(new double[][] {x}, new double[][] {gradient});
        }

        @Override
        public Parameters parameters() {
            return parameters;
        }

        @Override
        public double evaluate() {
            double f = 0;
            for (int i = 0; i < x.length; i += 2) {
                double t = x[i + 1] - x[i] * x[i];
                double u = 1 - x[i];
                f += 100 * t * t + u * u;
                gradient[i] = -400 * x[i] * t - 2 * u;
                gradient[i + 1] = 200 * t;
            }
            points.add(x.clone());
            values.add(f);
            gradients.add(gradient.clone());
            return f;
        }

        /** The recorded evaluation at exactly {@code point}, the last one if several. */
        int find(double[] point) {
            for (int k = points.size() - 1; k >= 0; k--) {
                if (Arrays.equals(points.get(k), point)) {
                    return k;
                }
            }
            throw new AssertionError("never evaluated at " + Arrays.toString(point));
        }
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {2, 10})
    void minimisesRosenbrockFromTheStandardStart(int n) {
        Rosenbrock f = new Rosenbrock(n);
        Lbfgs lbfgs = new Lbfgs(1);
        int iterations = 0;
        double value = Double.POSITIVE_INFINITY;
        while (iterations < 200) {
            lbfgs.step(f);
            iterations++;
            value = f.values.get(f.find(f.x));
            if (value < 1e-20) {
                break;
            }
        }
        assertTrue(value < 1e-20, "f = " + value + " after " + iterations + " iterations");
        for (double xi : f.x) {
            assertEquals(1, xi, 1e-8);
        }
        // N&W report about 35 BFGS iterations for n = 2; far more means the line search misbehaves
        assertTrue(iterations > 10 && iterations < 80, iterations + " iterations");
        assertTrue(f.values.size() < 3 * iterations, f.values.size() + " evaluations in " + iterations + " iterations");
    }

    @Test
    void everyAcceptedStepSatisfiesTheStrongWolfeConditions() {
        Rosenbrock f = new Rosenbrock(10);
        Lbfgs lbfgs = new Lbfgs(1);
        lbfgs.step(f);
        int checked = 0;
        for (int k = 0; k < 60; k++) {
            double[] before = f.x.clone();
            int at = f.find(before);
            lbfgs.step(f);
            if (Arrays.equals(before, f.x)) {
                continue; // converged to round-off: no step taken
            }
            int after = f.find(f.x);
            double[] g0 = f.gradients.get(at);
            double[] g1 = f.gradients.get(after);
            double slope0 = 0;
            double slope1 = 0;
            for (int i = 0; i < before.length; i++) {
                double step = f.x[i] - before[i]; // alpha p
                slope0 += g0[i] * step;
                slope1 += g1[i] * step;
            }
            assertTrue(slope0 < 0, "not a descent direction at step " + k);
            assertTrue(f.values.get(after) <= f.values.get(at) + Lbfgs.C1 * slope0, "sufficient decrease, step " + k);
            assertTrue(Math.abs(slope1) <= Lbfgs.C2 * Math.abs(slope0), "curvature, step " + k);
            checked++;
        }
        assertTrue(checked > 20, "only " + checked + " steps checked");
    }

    @Test
    void cubicMinimiserFindsTheMinimumOfACubicAndStaysInside() {
        // f(t) = (t - 1)^3 / 3 - (t - 1) has its local minimum at t = 2; f'(t) = (t - 1)^2 - 1
        double a = 1.2;
        double b = 2.9;
        double t = Lbfgs.cubicMinimiser(a, f(a), df(a), b, f(b), df(b));
        assertEquals(2, t, 1e-12);
        double inside = Lbfgs.cubicMinimiser(0, 0, -1, 1, -0.9999, -1); // no interior minimiser
        assertTrue(inside > 0.1 && inside < 0.9, "t = " + inside);
    }

    private static double f(double t) {
        return Math.pow(t - 1, 3) / 3 - (t - 1);
    }

    private static double df(double t) {
        return (t - 1) * (t - 1) - 1;
    }

    @Test
    void refusesMiniBatchesAndBadArguments() {
        Objective miniBatch = new Rosenbrock(2) {
            @Override
            public boolean isMiniBatch() {
                return true;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Lbfgs(1).step(miniBatch));
        assertTrue(e.getMessage().contains("full batch"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Lbfgs(0));
        assertThrows(IllegalArgumentException.class, () -> new Lbfgs(1, 0, null));
        assertTrue(OptimizerKind.LBFGS.create(1) instanceof Lbfgs);
    }
}
