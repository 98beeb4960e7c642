package org.relufem.method.fem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.relufem.method.Approximant;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.sample.TensorGrid;
import org.relufem.target.Box;
import org.relufem.target.Formula;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/** Structural facts of nodal interpolation: reproduction, nodality, partition of unity. */
class GridInterpolationTest {
    private static double worstError(Approximant g, Target f, int points) {
        SampleSet test = Samplers.test(f, points, 9);
        double worst = 0;
        for (int i = 0; i < test.count(); i++) {
            worst = Math.max(worst, Math.abs(g.value(test.points(), i * f.dimension()) - test.values()[i]));
        }
        return worst;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = GridInterpolation.class, names = {"P1", "Q1"})
    void reproducesAffineFunctionsToRounding(GridInterpolation method) {
        for (int d = 1; d <= 5; d++) {
            double[] c = {0.7, -1.3, 2.1, 0.4, -0.9, 1.7};
            Target affine = new Formula(Formula.skewedBox(d), x -> {
                double s = 0.25;
                for (int k = 0; k < x.length; k++) {
                    s += c[k] * x[k];
                }
                return s;
            });
            Approximant g = method.fit(Samplers.grid(affine, d <= 3 ? 7 : 4));
            assertTrue(worstError(g, affine, 2000) < 1e-13, method + " d=" + d);
        }
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void q1ReproducesMultilinearFunctionsAndP1DoesNot(int d) {
        Target multilinear = new Formula(Formula.skewedBox(d), x -> {
            double p = 1;
            for (int k = 0; k < x.length; k++) {
                p *= 1.5 + (k + 1) * x[k];
            }
            return p;
        });
        SampleSet grid = Samplers.grid(multilinear, 5);
        assertTrue(worstError(GridInterpolation.Q1.fit(grid), multilinear, 2000) < 1e-12);
        if (d >= 2) { // x*y is not piecewise linear on triangles
            assertTrue(worstError(GridInterpolation.P1.fit(grid), multilinear, 2000) > 1e-3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(GridInterpolation.class)
    void basisFunctionsAreNodalAndSumToOne(GridInterpolation method) {
        for (int d = 1; d <= 3; d++) {
            TensorGrid grid = new TensorGrid(Formula.skewedBox(d), 4);
            double[] nodes = grid.nodes();
            int count = grid.nodeCount();
            double[] sumAtRandom = new double[300];
            double[] random = Samplers.uniformPoints(grid.box(), 300, new SplittableRandom(d));
            for (int j = 0; j < count; j++) {
                double[] unit = new double[count];
                unit[j] = 1;
                Approximant phi = method.fit(new SampleSet(d, nodes, unit, grid));
                for (int i = 0; i < count; i++) {
                    assertEquals(i == j ? 1 : 0, phi.value(nodes, i * d), 1e-14, "phi_" + j + " at node " + i);
                }
                double[] v = new double[300];
                phi.values(random, 300, v);
                for (int i = 0; i < 300; i++) {
                    assertTrue(v[i] >= -1e-15, "basis functions are non-negative");
                    sumAtRandom[i] += v[i];
                }
            }
            for (double s : sumAtRandom) {
                assertEquals(1, s, 1e-13, method + " partition of unity, d=" + d);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(GridInterpolation.class)
    void hitsNodalValuesOfANonlinearTarget(GridInterpolation method) {
        SampleSet grid = Samplers.grid(Targets.create("oscillatory", 3), 6);
        Approximant g = method.fit(grid);
        for (int i = 0; i < grid.count(); i++) {
            assertEquals(grid.values()[i], g.value(grid.points(), 3 * i), 1e-14);
        }
        assertEquals(216, g.degreesOfFreedom());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(GridInterpolation.class)
    void scatteredDataIsRefusedWithTheReason(GridInterpolation method) {
        SampleSet scattered = Samplers.uniform(Targets.create("seed2d", 2), 100, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> method.fit(scattered));
        assertTrue(e.getMessage().contains("sampler = grid"), e.getMessage());
    }

    @ParameterizedTest(name = "grid_n = {0}")
    @ValueSource(ints = {1, 0, -3})
    void tooFewNodesNameTheArgument(int n) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samplers.grid(Targets.create("seed2d", 2), n));
        assertTrue(e.getMessage().contains("grid_n"), e.getMessage());
    }
}
