package org.relufem.method.fem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relufem.method.Approximant;
import org.relufem.method.net.Network;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.sample.TensorGrid;
import org.relufem.target.Box;
import org.relufem.target.Targets;

/** relu_fem is the P1 interpolant, to rounding, as a ReLU network of a known shape (issue #7). */
class ReluFemTest {
    private static final double SCALE = 1e3;

    /** Axes of different widths and offsets, so a mix-up of axes or spacings shows. */
    private static Box unevenBox(int d) {
        double[] lo = {-0.5, 2.0, -3.1, 0.25};
        double[] width = {1.0, 0.35, 2.7, 1.6};
        double[] hi = new double[d];
        for (int k = 0; k < d; k++) {
            hi[k] = lo[k] + width[k];
        }
        return new Box(Arrays.copyOf(lo, d), hi);
    }

    /** Random nodal values in [-SCALE, SCALE] on an n-per-axis grid over {@link #unevenBox}. */
    private static SampleSet randomData(int d, int n, long seed) {
        TensorGrid grid = new TensorGrid(unevenBox(d), n);
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[grid.nodeCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = SCALE * (2 * random.nextDouble() - 1);
        }
        return new SampleSet(d, grid.nodes(), values, grid);
    }

    static Stream<Arguments> grids() {
        return Stream.of(
                Arguments.of(1, 2), Arguments.of(1, 3), Arguments.of(1, 9), Arguments.of(1, 65),
                Arguments.of(2, 2), Arguments.of(2, 3), Arguments.of(2, 6), Arguments.of(2, 17),
                Arguments.of(3, 2), Arguments.of(3, 3), Arguments.of(3, 5), Arguments.of(3, 7),
                Arguments.of(4, 3));
    }

    @ParameterizedTest(name = "d = {0}, n = {1}")
    @MethodSource("grids")
    void equalsP1AtRandomPoints(int d, int n) {
        SampleSet data = randomData(d, n, 31L * d + n);
        Approximant p1 = GridInterpolation.P1.fit(data);
        Network net = new ReluFem().fit(data);
        int count = 10_000;
        double[] points = Samplers.uniformPoints(data.grid().box(), count, new SplittableRandom(n + 7L * d));
        double[] expected = new double[count];
        double[] actual = new double[count];
        p1.values(points, count, expected);
        net.values(points, count, actual);
        double worst = 0;
        double largest = 0;
        for (int i = 0; i < count; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
            largest = Math.max(largest, Math.abs(actual[i]));
        }
        assertTrue(worst <= 1e-12 * SCALE, "max |relu_fem - P1| = " + worst);
        assertTrue(largest > 0.1 * SCALE, "the network computes something: max |value| = " + largest);
        for (int i = 0; i < count; i += 997) { // the one-point path agrees with the batched one
            assertEquals(expected[i], net.value(points, i * d), 1e-12 * SCALE);
        }
    }

    @ParameterizedTest(name = "d = {0}, n = {1}")
    @MethodSource("grids")
    void hitsTheNodalValues(int d, int n) {
        SampleSet data = randomData(d, n, 5L * d + n);
        Network net = new ReluFem().fit(data);
        double[] values = new double[data.count()];
        net.values(data.points(), data.count(), values);
        assertArrayEquals(data.values(), values, 1e-12 * SCALE);
    }

    /**
     * Shapes counted by hand from the construction (ReluFemNetwork's class comment), N = n^d:
     * d = 1: [n - 1]; d = 2: [2n - 1, N - 1]; d = 3: [2n, 3n^2 - 3n + 1, N - 1]. The dense count
     * is that of a d -> (N - 1) x d -> 1 network.
     */
    @Test
    void shapesAndParameterCountsFollowTheClosedForms() {
        for (int d = 1; d <= 3; d++) {
            for (int n = 2; n <= (d == 3 ? 8 : 20); n++) {
                long nodes = Math.round(Math.pow(n, d));
                ReluFemNetwork layout = new ReluFemNetwork(new TensorGrid(unevenBox(d), n));
                int[] widths = switch (d) {
                    case 1 -> new int[] {n - 1};
                    case 2 -> new int[] {2 * n - 1, n * n - 1};
                    default -> new int[] {2 * n, 3 * n * n - 3 * n + 1, n * n * n - 1};
                };
                String where = "d = " + d + ", n = " + n;
                assertArrayEquals(widths, layout.layerWidths(), where);
                assertEquals(d, layout.depth(), where);
                assertEquals(nodes - 1, layout.width(), where);
                long dense = (nodes - 1) * (d + 2 + (d - 1) * nodes) + 1;
                Network net = layout.network(new double[(int) nodes]);
                assertEquals(dense, net.degreesOfFreedom(), where);
                assertEquals(nodes - 1, net.width(), where);
                assertEquals(d, net.depth(), where);
                assertEquals(activeClosedForm(d, n), layout.activeParameters(), where);
            }
        }
    }

    /** Weights and biases in use: per unit its inputs plus a bias, then N output parameters. */
    private static long activeClosedForm(int d, long n) {
        long pairs = 2 * n - 3; // differences m_1 - m_2 of two knots in 0..n-2
        return switch (d) {
            case 1 -> 3 * n - 2;
            case 2 -> 2 * 2 + 3 * pairs // layer 1: t_1, t_2; relu(t_1 - t_2 - c)
                    + 2 * (n - 1) * 2 + 3 * (n - 1) * (n - 1) // layer 2: one- and two-axis terms
                    + n * n;
            default -> 3 * 2 + 3 * pairs // layer 1: t_k; pairs of axes (2, 3)
                    + 3 * 2 + 3 * 3 * pairs + 4 * (3 * n * n - 9 * n + 7) // layer 2: t_k, pairs, triples
                    + 3 * (n - 1) * 2 + 3 * (n - 1) * (n - 1) * 3 + (n - 1) * (n - 1) * (n - 1) * 3
                    + n * n * n;
        };
    }

    @Test
    void coefficientsOfTheMinBasisReproduceASmallHandExample() {
        // 2 x 2 grid, values f(0,0)=1, f(1,0)=3, f(0,1)=4, f(1,1)=10: a_0 = 1, a_(1,0) = 2,
        // a_(0,1) = 3, a_(1,1) = mixed difference 10 - 3 - 4 + 1 = 4 (min(1,1) = 1, no diagonal term).
        ReluFemNetwork layout = new ReluFemNetwork(new TensorGrid(unevenBox(2), 2));
        assertArrayEquals(new double[] {1, 2, 3, 4}, layout.coefficients(new double[] {1, 3, 4, 10}), 0);
    }

    @ParameterizedTest(name = "d = {0}, n = {1}")
    @MethodSource("grids")
    void aWiderDeeperNetworkIsTheSameFunction(int d, int n) {
        SampleSet data = randomData(d, n, 11L * d + n);
        ReluFemNetwork layout = new ReluFemNetwork(data.grid());
        Network tight = layout.network(data.values());
        Network wide = layout.network(data.values(), layout.width() + 5, d + 2);
        assertEquals(layout.width() + 5, wide.width());
        assertEquals(d + 2, wide.depth());
        int count = 2000;
        double[] points = Samplers.uniformPoints(data.grid().box(), count, new SplittableRandom(n));
        double[] expected = new double[count];
        double[] actual = new double[count];
        tight.values(points, count, expected);
        wide.values(points, count, actual);
        assertArrayEquals(expected, actual, 1e-13 * SCALE);
    }

    @Test
    void aShapeTooSmallForTheConstructionIsRefused() {
        ReluFemNetwork layout = new ReluFemNetwork(new TensorGrid(unevenBox(2), 4));
        double[] values = new double[16];
        assertThrows(IllegalArgumentException.class, () -> layout.network(values, 14, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layout.network(values, 15, 1));
        assertTrue(e.getMessage().contains("width >= 15 and depth >= 2"), e.getMessage());
    }

    @Test
    void aNetworkTooLargeForOneArrayIsRefusedWithItsSize() {
        // d = 3, n = 33: width 33^3 - 1 = 35936, two dense 35936 x 35936 layers, about 2.6e9 parameters.
        ReluFemNetwork layout = new ReluFemNetwork(new TensorGrid(unevenBox(3), 33));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layout.network(new double[33 * 33 * 33]));
        assertTrue(e.getMessage().contains("2583043745 parameters"), e.getMessage());
    }

    @Test
    void scatteredDataIsRefusedWithTheReason() {
        SampleSet scattered = Samplers.uniform(Targets.create("seed2d", 2), 100, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReluFem().fit(scattered));
        assertTrue(e.getMessage().contains("sampler = grid"), e.getMessage());
    }
}
