package org.relufem.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relufem.method.Approximant;
import org.relufem.method.poly.IndexSet;
import org.relufem.method.poly.PolyLsq;
import org.relufem.metric.Errors;
import org.relufem.target.Box;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/** Clenshaw-Curtis rules and their Smolyak sparse grids: sizes, exactness, weights, and an error estimate. */
class SparseGridTest {
    @Test
    void clenshawCurtisIsExactToItsDegreeByTheFastAndTheDirectTransform() {
        assertArrayEquals(new double[] {1.0 / 6, 2.0 / 3, 1.0 / 6}, ClenshawCurtis.weights(3), 1e-15, "Simpson");
        for (int m : new int[] {1, 2, 3, 5, 6, 9, 10, 17, 33, 65, 129}) {
            double[] t = ClenshawCurtis.nodes(m);
            double[] w = ClenshawCurtis.weights(m);
            int exact = m % 2 == 1 ? m : m - 1;
            for (int k = 0; k <= exact; k++) {
                double q = 0;
                for (int j = 0; j < m; j++) {
                    q += w[j] * Math.pow(t[j], k);
                }
                assertEquals(k % 2 == 1 ? 0 : 1.0 / (k + 1), q, 1e-14, "m = " + m + ", t^" + k);
            }
            for (double v : w) {
                assertTrue(v > 0, "positive weights, m = " + m);
            }
        }
    }

    /** The sizes of Adcock &amp; Dexter's test sets: 65,537 points in d = 1, 1,863,937 in d = 8. */
    @Test
    void sizesAreAdcockAndDextersAndEveryPointIsBuiltOnce() {
        assertEquals(65_537, SparseGrid.size(1, 17));
        assertEquals(1_863_937, SparseGrid.size(8, 10));
        assertEquals(5, SparseGrid.size(2, 2));
        assertEquals(13, SparseGrid.size(2, 3));
        Quadrature g = SparseGrid.of(Box.cube(3, -1, 1), 6);
        assertEquals(SparseGrid.size(3, 6), g.count());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < g.count(); i++) {
            seen.add(g.points()[3 * i] + "," + g.points()[3 * i + 1] + "," + g.points()[3 * i + 2]);
        }
        assertEquals(g.count(), seen.size(), "distinct points");
    }

    /** Every monomial of total degree up to 2L - 1 integrates to its mean on a box that is not the cube. */
    @ParameterizedTest(name = "d={0} L={1}")
    @CsvSource({"1, 5", "2, 3", "2, 5", "3, 4", "4, 4", "8, 3"})
    void integratesPolynomialsOfTotalDegreeTwoLMinusOneExactly(int d, int level) {
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int k = 0; k < d; k++) {
            lo[k] = -0.3 * k;
            hi[k] = 1 + 0.5 * k;
        }
        Box box = new Box(lo, hi);
        Quadrature g = SparseGrid.of(box, level);
        double sum = 0;
        boolean negative = false;
        for (double w : g.weights()) {
            sum += w;
            negative |= w < 0;
        }
        assertEquals(1, sum, 1e-13);
        assertEquals(d >= 2 && level >= 3, negative, "negative weights in d >= 2");
        int degree = 2 * level - 1;
        int[] powers = new int[d];
        // every exponent vector with |a| <= degree, by an odometer
        while (true) {
            int total = 0;
            for (int a : powers) {
                total += a;
            }
            if (total <= degree) {
                double exact = 1;
                for (int k = 0; k < d; k++) {
                    exact *= (Math.pow(hi[k], powers[k] + 1) - Math.pow(lo[k], powers[k] + 1))
                            / ((powers[k] + 1) * (hi[k] - lo[k]));
                }
                double q = 0;
                for (int i = 0; i < g.count(); i++) {
                    double v = g.weights()[i];
                    for (int k = 0; k < d; k++) {
                        v *= Math.pow(g.points()[i * d + k], powers[k]);
                    }
                    q += v;
                }
                assertEquals(exact, q, 1e-12 * Math.max(1, Math.abs(exact)), java.util.Arrays.toString(powers));
            }
            int k = 0;
            while (k < d && ++powers[k] > degree) {
                powers[k++] = 0;
            }
            if (k == d) {
                return;
            }
        }
    }

    /**
     * The squared L2 error of a smooth approximant (the least-squares polynomial of total degree 6
     * from 500 points) of a smooth target, by the level-11 sparse grid (weighted) and by 10^6
     * uniform points: the two agree within three of the Monte-Carlo estimate's standard errors. (A
     * piecewise-linear one's error has kinks, on which sparse grids converge slowly: P1's on 16 x 16
     * nodes comes out 3% above the Monte-Carlo value at this level.)
     */
    @Test
    void sparseGridErrorAgreesWithAMillionPointMonteCarloWithinItsErrorBar() {
        Target f = Targets.create("gaussian", 2);
        Approximant g = new PolyLsq(f.domain(), IndexSet.totalDegree(2, 6)).fit(Samplers.uniform(f, 500, 3));
        Quadrature sparse = SparseGrid.of(f.domain(), 11);
        double[] truth = new double[sparse.count()];
        double[] predicted = new double[sparse.count()];
        f.values(sparse.points(), sparse.count(), truth);
        g.values(sparse.points(), sparse.count(), predicted);
        Errors quadrature = Errors.of(truth, predicted, sparse.weights());
        Errors monteCarlo = Errors.of(g, Samplers.test(f, 1_000_000, 7));
        assertTrue(Double.isNaN(quadrature.mseStderr()), "no Monte-Carlo error bar on a quadrature");
        assertEquals(monteCarlo.mse(), quadrature.mse(), 3 * monteCarlo.mseStderr(),
                "sparse grid " + quadrature.mse() + " vs MC " + monteCarlo.mse() + " +- " + monteCarlo.mseStderr());
        assertTrue(monteCarlo.mseStderr() < 0.01 * monteCarlo.mse(), "a meaningful error bar");
    }
}
