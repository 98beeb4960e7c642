package org.relufem.method.fem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relufem.method.Approximant;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.sample.TensorGrid;
import org.relufem.target.Box;
import org.relufem.target.Formula;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/**
 * Piecewise-constant (nearest-node) interpolation: nodality, the nearest node by brute force,
 * the midpoint tie rule (its first-order convergence is in {@link ConvergenceTest}).
 */
class NearestInterpolationTest {
    /** Distinct random nodal values on a grid over a skewed box: a wrong node cannot go unnoticed. */
    private static SampleSet randomNodalValues(TensorGrid grid, long seed) {
        double[] values = new SplittableRandom(seed).doubles(grid.nodeCount()).toArray();
        return new SampleSet(grid.dimension(), grid.nodes(), values, grid);
    }

    /**
     * The value of the node nearest to {@code x[offset..offset+d)} in the Euclidean norm, by a search
     * over all nodes, or NaN when the second nearest is within {@code 1e-9} of it (a near tie).
     */
    private static double bruteForceNearest(SampleSet data, double[] x, int offset) {
        int d = data.dimension();
        double best = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        double value = Double.NaN;
        for (int j = 0; j < data.count(); j++) {
            double squared = 0;
            for (int k = 0; k < d; k++) {
                double diff = x[offset + k] - data.points()[j * d + k];
                squared += diff * diff;
            }
            double distance = Math.sqrt(squared);
            if (distance < best) {
                second = best;
                best = distance;
                value = data.values()[j];
            } else if (distance < second) {
                second = distance;
            }
        }
        return second - best > 1e-9 ? value : Double.NaN;
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 2, 3})
    void returnsTheNodalValueExactlyAtEveryNode(int d) {
        SampleSet data = randomNodalValues(new TensorGrid(Formula.skewedBox(d), 5), d);
        Approximant g = GridInterpolation.NEAREST.fit(data);
        for (int i = 0; i < data.count(); i++) {
            assertEquals(data.values()[i], g.value(data.points(), i * d), 0.0, "node " + i);
        }
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 2, 3})
    void reproducesConstantsExactlyInsideAndOutsideTheBox(int d) {
        Target constant = new Formula(Formula.skewedBox(d), x -> -0.37);
        Approximant g = GridInterpolation.NEAREST.fit(Samplers.grid(constant, 4));
        Box box = constant.domain();
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int k = 0; k < d; k++) {
            lower[k] = box.lower(k) - 0.5;
            upper[k] = box.upper(k) + 0.5;
        }
        double[] points = Samplers.uniformPoints(new Box(lower, upper), 1000, new SplittableRandom(5));
        double[] v = new double[1000];
        g.values(points, 1000, v);
        for (double value : v) {
            assertEquals(-0.37, value, 0.0);
        }
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {2, 3})
    void takesTheValueOfTheEuclideanNearestNode(int d) {
        SampleSet data = randomNodalValues(new TensorGrid(Formula.skewedBox(d), 6), 10 + d);
        Approximant g = GridInterpolation.NEAREST.fit(data);
        double[] points = Samplers.uniformPoints(data.grid().box(), 2000, new SplittableRandom(20 + d));
        int checked = 0;
        for (int i = 0; i < 2000; i++) {
            double expected = bruteForceNearest(data, points, i * d);
            if (!Double.isNaN(expected)) {
                assertEquals(expected, g.value(points, i * d), 0.0, "point " + i);
                checked++;
            }
        }
        assertTrue(checked >= 1990, "only " + checked + " of 2000 points were clear of a tie");
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {2, 3})
    void pointsOutsideTheBoxTakeTheNearestBoundaryNode(int d) {
        SampleSet data = randomNodalValues(new TensorGrid(Formula.skewedBox(d), 4), 30 + d);
        Approximant g = GridInterpolation.NEAREST.fit(data);
        Box box = data.grid().box();
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int k = 0; k < d; k++) {
            lower[k] = box.lower(k) - box.width(k);
            upper[k] = box.upper(k) + box.width(k);
        }
        double[] points = Samplers.uniformPoints(new Box(lower, upper), 500, new SplittableRandom(40 + d));
        int checked = 0;
        for (int i = 0; i < 500; i++) {
            double expected = bruteForceNearest(data, points, i * d);
            if (!Double.isNaN(expected)) {
                assertEquals(expected, g.value(points, i * d), 0.0, "point " + i);
                checked++;
            }
        }
        assertTrue(checked >= 495, "only " + checked + " of 500 points were clear of a tie");
    }

    /** On [0,1]^d with n = 5 the midpoints 1/8 + i/4 and their local coordinate 1/2 are exact in binary. */
    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 2})
    void aTieOnACellMidpointGoesToTheLowerNode(int d) {
        SampleSet data = randomNodalValues(new TensorGrid(Box.cube(d, 0, 1), 5), 50 + d);
        Approximant g = GridInterpolation.NEAREST.fit(data);
        int cells = 1 << (2 * d); // 4^d cells, lowest corner (i, j) at node i + 5 j
        for (int c = 0; c < cells; c++) {
            double[] midpoint = new double[d];
            int lowestCorner = 0;
            int rest = c;
            for (int k = 0; k < d; k++) {
                int i = rest % 4;
                rest /= 4;
                midpoint[k] = 0.125 + 0.25 * i;
                lowestCorner += i * (k == 0 ? 1 : 5);
            }
            assertEquals(data.values()[lowestCorner], g.value(midpoint, 0), 0.0, "cell " + c);
        }
    }

    @Test
    void degreesOfFreedomAndParametersAreTheNodalValuesAsForP1() {
        SampleSet data = Samplers.grid(Targets.create("seed2d", 2), 7);
        Approximant nearest = GridInterpolation.NEAREST.fit(data);
        Approximant p1 = GridInterpolation.P1.fit(data);
        assertEquals(49, nearest.degreesOfFreedom());
        assertEquals(p1.degreesOfFreedom(), nearest.degreesOfFreedom());
        assertEquals(2, nearest.dimension());
        double[] parameters = nearest.parameterVector();
        assertArrayEquals(p1.parameterVector(), parameters, 0.0);
        assertArrayEquals(data.values(), parameters, 0.0);

        double before = nearest.value(data.points(), 0);
        parameters[0] += 1; // a copy: changing it leaves the interpolant alone
        data.values()[0] += 1; // and fit copied the data
        assertEquals(before, nearest.value(data.points(), 0), 0.0);
        assertEquals(before, nearest.parameterVector()[0], 0.0);
    }

    @Test
    void scatteredDataIsRefusedWithTheReason() {
        SampleSet scattered = Samplers.uniform(Targets.create("seed2d", 2), 100, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridInterpolation.NEAREST.fit(scattered));
        assertTrue(e.getMessage().contains("nearest") && e.getMessage().contains("sampler = grid"), e.getMessage());
        assertEquals("nearest", GridInterpolation.NEAREST.methodName());
    }
}
