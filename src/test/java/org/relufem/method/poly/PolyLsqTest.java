package org.relufem.method.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relufem.method.poly.IndexSet.Kind;
import org.relufem.sample.RandomStreams;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Box;
import org.relufem.target.Formula;
import org.relufem.target.Target;

/** Least squares reproduces its space exactly, and refuses data that cannot determine it. */
class PolyLsqTest {
    /** sum_nu c_nu x^nu with random c in [-1, 1]: a member of the space written in monomials, not Legendre. */
    static Target randomMonomialPolynomial(Box box, IndexSet set, long seed) {
        SplittableRandom random = RandomStreams.of(seed, RandomStreams.INIT);
        double[] c = new double[set.size()];
        for (int j = 0; j < c.length; j++) {
            c[j] = random.nextDouble(-1, 1);
        }
        return new Formula(box, x -> {
            double s = 0;
            for (int j = 0; j < c.length; j++) {
                double term = c[j];
                for (int k = 0; k < x.length; k++) {
                    term *= Math.pow(x[k], set.degree(j, k));
                }
                s += term;
            }
            return s;
        });
    }

    static Stream<Arguments> spaces() {
        return Stream.of(
                Arguments.of(1, Kind.TOTAL_DEGREE, 15),
                Arguments.of(2, Kind.TOTAL_DEGREE, 8),
                Arguments.of(2, Kind.HYPERBOLIC_CROSS, 12),
                Arguments.of(3, Kind.TOTAL_DEGREE, 5),
                Arguments.of(3, Kind.HYPERBOLIC_CROSS, 8));
    }

    @ParameterizedTest(name = "d={0} {1} n={2}")
    @MethodSource("spaces")
    void reproducesEveryPolynomialOfItsSpaceFromUniformRandomPoints(int d, Kind kind, int n) {
        Box box = Formula.skewedBox(d);
        IndexSet set = IndexSet.of(kind, d, n);
        Target p = randomMonomialPolynomial(box, set, 11 * d + n);
        LegendreExpansion fit = new PolyLsq(box, set).fit(Samplers.uniform(p, 3 * set.size(), 5));
        SampleSet test = Samplers.test(p, 2000, 3);
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < test.count(); i++) {
            worst = Math.max(worst, Math.abs(fit.value(test.points(), i * d) - test.values()[i]));
            scale = Math.max(scale, Math.abs(test.values()[i]));
        }
        assertTrue(worst <= 1e-10 * scale, "max error " + worst + " for max |p| = " + scale);
        assertEquals(set.size(), fit.degreesOfFreedom());
        assertEquals(set.size(), fit.parameterVector().length);
        LegendreExpansion rebuilt = new LegendreExpansion(fit.basis(), fit.parameterVector());
        assertEquals(fit.value(test.points(), 0), rebuilt.value(test.points(), 0), 0);
    }

    @Test
    void aBasisFunctionAsDataGivesAUnitCoefficientVector() {
        Box box = Formula.skewedBox(2);
        IndexSet set = IndexSet.totalDegree(2, 6);
        LegendreBasis basis = new LegendreBasis(box, set);
        double[] points = Samplers.uniformPoints(box, 80, RandomStreams.of(4, RandomStreams.TRAIN));
        double[] phi = new double[set.size()];
        for (int target : new int[] {0, 7, set.size() - 1}) {
            double[] y = new double[80];
            for (int i = 0; i < 80; i++) {
                basis.values(points, 2 * i, new double[basis.scratchLength()], phi, 0);
                y[i] = phi[target];
            }
            double[] c = new PolyLsq(box, set).fit(new SampleSet(2, points, y, null)).parameterVector();
            for (int j = 0; j < c.length; j++) {
                assertEquals(j == target ? 1 : 0, c[j], 1e-12, "coefficient " + j + " of phi_" + target);
            }
        }
    }

    @Test
    void refusesFewerPointsThanBasisFunctions() {
        Box box = Box.cube(2, 0, 1);
        IndexSet set = IndexSet.totalDegree(2, 10); // 66 functions
        Target p = randomMonomialPolynomial(box, set, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PolyLsq(box, set).fit(Samplers.uniform(p, 65, 0)));
        assertTrue(e.getMessage().contains("66 indices") && e.getMessage().contains("65 points"), e.getMessage());
        assertEquals(66, new PolyLsq(box, set).fit(Samplers.uniform(p, 66, 0)).degreesOfFreedom());
    }

    @Test
    void refusesPointsThatDoNotDetermineThePolynomial() {
        // A 4 x 4 grid has 16 >= 15 points, but only 4 distinct x values: x^4 is not determined.
        Box box = Box.cube(2, 0, 1);
        IndexSet set = IndexSet.totalDegree(2, 4);
        Target p = randomMonomialPolynomial(box, set, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PolyLsq(box, set).fit(Samplers.grid(p, 4)));
        assertTrue(e.getMessage().contains("do not determine"), e.getMessage());
        // Five nodes per axis determine it, and reproduce it.
        LegendreExpansion fit = new PolyLsq(box, set).fit(Samplers.grid(p, 5));
        double[] x = {0.3, 0.8};
        assertEquals(p.value(x), fit.value(x), 1e-12);
    }

    @Test
    void refusesPointsOfAnotherDimension() {
        Box box = Box.cube(2, 0, 1);
        IndexSet set = IndexSet.totalDegree(2, 2);
        SampleSet threeD = new SampleSet(3, new double[30], new double[10], null);
        assertThrows(IllegalArgumentException.class, () -> new PolyLsq(box, set).fit(threeD));
        assertThrows(IllegalArgumentException.class, () -> new PolyLsq(Box.cube(3, 0, 1), set));
    }
}
