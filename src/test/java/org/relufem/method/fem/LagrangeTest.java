package org.relufem.method.fem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.relufem.method.Approximant;
import org.relufem.metric.Errors;
import org.relufem.metric.RateFit;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.sample.TensorGrid;
import org.relufem.target.Box;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/**
 * Q_k Lagrange elements: exact on polynomials of degree k per variable and at the nodes, order
 * k + 1 in RMSE and in max-norm on a smooth target, and degree 1 is Q1 bit for bit.
 */
class LagrangeTest {
    /** A box that is not the unit cube, so that scaling to cells is exercised. */
    private static Box box(int d) {
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int k = 0; k < d; k++) {
            lo[k] = -0.5 - 0.25 * k;
            hi[k] = 1.5 + 0.5 * k;
        }
        return new Box(lo, hi);
    }

    private static SampleSet gridData(Box box, int n, ToDoubleFunction<double[]> f) {
        TensorGrid grid = new TensorGrid(box, n);
        double[] nodes = grid.nodes();
        int d = box.dimension();
        double[] values = new double[grid.nodeCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsDouble(java.util.Arrays.copyOfRange(nodes, i * d, i * d + d));
        }
        return new SampleSet(d, nodes, values, grid);
    }

    /** A random polynomial of degree k in each variable: sum over the (k+1)^d monomials. */
    private static ToDoubleFunction<double[]> polynomial(int d, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int terms = (int) Math.pow(k + 1, d);
        double[] c = new double[terms];
        for (int t = 0; t < terms; t++) {
            c[t] = random.nextDouble(-1, 1);
        }
        return x -> {
            double sum = 0;
            for (int t = 0; t < terms; t++) {
                double m = c[t];
                int rest = t;
                for (int a = 0; a < d; a++) {
                    m *= Math.pow(x[a], rest % (k + 1));
                    rest /= k + 1;
                }
                sum += m;
            }
            return sum;
        };
    }

    @ParameterizedTest(name = "d={0} k={1}")
    @CsvSource({"1,1", "1,2", "1,3", "1,4", "1,6", "2,2", "2,3", "2,4", "3,2", "3,3"})
    void reproducesPolynomialsOfItsDegreePerVariableAndHitsTheNodes(int d, int k) {
        Box box = box(d);
        ToDoubleFunction<double[]> p = polynomial(d, k, 7 + d + k);
        SampleSet data = gridData(box, 2 * k + 1, p);
        Approximant g = new Lagrange(k).fit(data);
        SplittableRandom random = new SplittableRandom(3);
        double[] x = Samplers.uniformPoints(box, 500, random);
        for (int i = 0; i < 500; i++) {
            double truth = p.applyAsDouble(java.util.Arrays.copyOfRange(x, i * d, i * d + d));
            assertEquals(truth, g.value(x, i * d), 1e-12 * (1 + Math.abs(truth)));
        }
        double[] atNodes = new double[data.count()];
        g.values(data.points(), data.count(), atNodes);
        assertArrayEquals(data.values(), atNodes, 1e-13);
        assertEquals(data.count(), g.degreesOfFreedom());
    }

    @Test
    void degreeKIsNotExactOnDegreeKPlusOne() {
        ToDoubleFunction<double[]> cubic = x -> x[0] * x[0] * x[0];
        Approximant g = new Lagrange(2).fit(gridData(Box.cube(1, 0, 1), 5, cubic));
        // On the cell [0, 1/2] the quadratic through 0, 1/4, 1/2 misses x^3 by f'''/3! x (x - 1/4)(x - 1/2).
        double[] x = {0.1};
        double e = Math.abs(x[0] * x[0] * x[0] - g.value(x, 0));
        assertEquals(Math.abs(x[0] * (x[0] - 0.25) * (x[0] - 0.5)), e, 1e-15);
    }

    static Stream<Arguments> orders() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int k = 1; k <= 4; k++) {
            b.add(Arguments.of(1, k, new int[] {8, 16, 32, 64}));
            b.add(Arguments.of(2, k, new int[] {8, 16, 32}));
        }
        for (int k = 1; k <= 3; k++) {
            b.add(Arguments.of(3, k, new int[] {4, 8, 16}));
        }
        return b.build();
    }

    /**
     * Genz's oscillatory cos(c + (9/d) sum x_i): RMSE and max error over 20,000 random points fall
     * as h^(k+1), h the node spacing; fitted slopes within 0.15.
     */
    @ParameterizedTest(name = "d={0} k={1}")
    @MethodSource("orders")
    void rmseAndMaxErrorConvergeAtOrderKPlusOne(int d, int k, int[] cells) {
        Target target = Targets.create("oscillatory", d);
        SampleSet test = Samplers.test(target, 20000, 1);
        double[] h = new double[cells.length];
        double[] rmse = new double[cells.length];
        double[] max = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            int n = k * cells[i] + 1;
            Errors e = Errors.of(new Lagrange(k).fit(Samplers.grid(target, n)), test);
            h[i] = 1.0 / (n - 1);
            rmse[i] = e.rmse();
            max[i] = e.maxAbsErr();
        }
        assertEquals(k + 1, RateFit.of(h, rmse).slope(), 0.15, "RMSE rate");
        assertEquals(k + 1, RateFit.of(h, max).slope(), 0.15, "max-norm rate");
    }

    @ParameterizedTest(name = "d={0}")
    @CsvSource({"1", "2", "3"})
    void degreeOneIsQ1BitForBit(int d) {
        Target target = Targets.create("oscillatory", d);
        SampleSet grid = Samplers.grid(target, 7);
        SampleSet test = Samplers.test(target, 2000, 5);
        double[] q1 = new double[test.count()];
        double[] lagrange = new double[test.count()];
        GridInterpolation.Q1.fit(grid).values(test.points(), test.count(), q1);
        new Lagrange(1).fit(grid).values(test.points(), test.count(), lagrange);
        assertArrayEquals(q1, lagrange);
    }

    /** The general cell location at k = 1 and the product formula agree with Q1's own to rounding. */
    @Test
    void generalPathAtDegreeOneAgreesWithQ1() {
        Target target = Targets.create("oscillatory", 3);
        SampleSet grid = Samplers.grid(target, 6);
        SampleSet test = Samplers.test(target, 2000, 5);
        double[] q1 = new double[test.count()];
        double[] general = new double[test.count()];
        GridInterpolation.Q1.fit(grid).values(test.points(), test.count(), q1);
        new LagrangeInterpolant(grid.grid(), grid.values(), 1).values(test.points(), test.count(), general);
        assertArrayEquals(q1, general, 1e-14);
    }

    @Test
    void refusesGridsThatDoNotSplitIntoCellsOfItsDegreeAndScatteredData() {
        Target target = Targets.create("oscillatory", 2);
        var e = assertThrows(IllegalArgumentException.class, () -> new Lagrange(3).fit(Samplers.grid(target, 8)));
        assertTrue(e.getMessage().contains("n - 1 divisible"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Lagrange(2).fit(Samplers.uniform(target, 20, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Lagrange(0));
        assertThrows(IllegalArgumentException.class, () -> new Lagrange(Lagrange.MAX_DEGREE + 1));
    }

    /** Points outside the box take the boundary's values, as the other grid interpolants do. */
    @Test
    void pointsOutsideTheBoxAreClampedOntoIt() {
        Target target = Targets.create("oscillatory", 2);
        Approximant g = new Lagrange(3).fit(Samplers.grid(target, 10));
        double[] outside = {-0.2, 1.3};
        double[] clamped = {0.0, 1.0};
        assertEquals(g.value(clamped, 0), g.value(outside, 0), 0.0);
    }
}
