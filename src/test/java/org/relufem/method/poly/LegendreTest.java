package org.relufem.method.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Orthonormality of the 1-D Legendre family, closed forms, sup norms; the quadrature used to check them. */
class LegendreTest {

    @Test
    void gaussRuleIntegratesMonomialsExactlyUpToDegree2kMinus1() {
        GaussLegendre rule = GaussLegendre.of(25);
        for (int p = 0; p <= 49; p++) {
            double s = 0;
            for (int i = 0; i < rule.size(); i++) {
                s += rule.weights()[i] * Math.pow(rule.nodes()[i], p);
            }
            double exact = p % 2 == 1 ? 0 : 1.0 / (p + 1); // (1/2) int_{-1}^{1} t^p dt
            assertEquals(exact, s, 1e-15, "moment " + p);
        }
    }

    /** Gram matrix G_jk = E[L_j L_k] by a rule exact for degree 2 maxDegree; returns max |G - I|. */
    static double orthonormalityError(int maxDegree, GaussLegendre rule) {
        Legendre legendre = new Legendre(maxDegree);
        double[][] values = new double[rule.size()][maxDegree + 1];
        for (int i = 0; i < rule.size(); i++) {
            legendre.values(rule.nodes()[i], values[i], 0);
        }
        double worst = 0;
        for (int j = 0; j <= maxDegree; j++) {
            for (int k = 0; k <= maxDegree; k++) {
                double g = 0;
                for (int i = 0; i < rule.size(); i++) {
                    g += rule.weights()[i] * values[i][j] * values[i][k];
                }
                worst = Math.max(worst, Math.abs(g - (j == k ? 1 : 0)));
            }
        }
        return worst;
    }

    @ParameterizedTest(name = "L_0..L_{0} with {1} nodes")
    @CsvSource({"20, 21", "20, 25", "100, 101"})
    void orthonormalForTheUniformProbabilityMeasure(int maxDegree, int nodes) {
        double error = orthonormalityError(maxDegree, GaussLegendre.of(nodes));
        assertTrue(error < (maxDegree <= 20 ? 1e-13 : 1e-12), "max |G - I| = " + error);
    }

    @Test
    void tooFewNodesCannotSeeTheTopDegreeAsUnitNorm() {
        // With 20 nodes L_20 vanishes at every node (they are its roots), so E[L_20^2] comes out 0:
        // the check above is sharp, not a tautology of the quadrature.
        assertEquals(1.0, orthonormalityError(20, GaussLegendre.of(20)), 1e-12);
    }

    @Test
    void matchesClosedFormsOfLowDegree() {
        Legendre legendre = new Legendre(3);
        double[] l = new double[4];
        for (double t = -1; t <= 1; t += 0.0625) {
            legendre.values(t, l, 0);
            assertEquals(1, l[0], 0);
            assertEquals(Math.sqrt(3) * t, l[1], 1e-15);
            assertEquals(Math.sqrt(5) * (3 * t * t - 1) / 2, l[2], 1e-14);
            assertEquals(Math.sqrt(7) * (5 * t * t * t - 3 * t) / 2, l[3], 1e-14);
        }
    }

    @Test
    void supNormIsSqrtTwoNPlusOneAttainedAtTheEndpoints() {
        int maxDegree = 30;
        Legendre legendre = new Legendre(maxDegree);
        double[] l = new double[maxDegree + 1];
        double[] largest = new double[maxDegree + 1];
        for (int i = 0; i <= 20000; i++) {
            legendre.values(-1 + i / 10000.0, l, 0);
            for (int n = 0; n <= maxDegree; n++) {
                largest[n] = Math.max(largest[n], Math.abs(l[n]));
            }
        }
        legendre.values(1, l, 0);
        double[] atPlusOne = l.clone();
        legendre.values(-1, l, 0);
        for (int n = 0; n <= maxDegree; n++) {
            double sup = Legendre.supNorm(n);
            assertEquals(Math.sqrt(2 * n + 1), sup, 0);
            assertEquals(sup, atPlusOne[n], 1e-13 * sup, "L_" + n + "(1)");
            assertEquals((n % 2 == 0 ? 1 : -1) * sup, l[n], 1e-13 * sup, "L_" + n + "(-1)");
            assertEquals(sup, largest[n], 1e-13 * sup, "max over [-1, 1] of |L_" + n + "|");
        }
    }
}
