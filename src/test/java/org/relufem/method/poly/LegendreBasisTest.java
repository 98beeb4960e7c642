package org.relufem.method.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.relufem.target.Box;

/** The tensor basis on a box: orthonormal for the uniform probability measure of the box, sup norms at a corner. */
class LegendreBasisTest {
    private static final Box SKEWED = new Box(new double[] {-0.5, 2.0}, new double[] {0.75, 5.5});

    @Test
    void orthonormalOnASkewedBoxByTensorGaussQuadrature() {
        IndexSet set = IndexSet.totalDegree(2, 10);
        LegendreBasis basis = new LegendreBasis(SKEWED, set);
        GaussLegendre rule = GaussLegendre.of(12); // exact for degree 23 >= 2 * 10 per axis
        int n = basis.size();
        double[][] gram = new double[n][n];
        double[] phi = new double[n];
        double[] scratch = new double[basis.scratchLength()];
        double[] x = new double[2];
        for (int i = 0; i < rule.size(); i++) {
            for (int k = 0; k < rule.size(); k++) {
                // Node t in [-1, 1] of each axis mapped to the box; the weights already sum to 1.
                x[0] = SKEWED.lower(0) + (rule.nodes()[i] + 1) / 2 * SKEWED.width(0);
                x[1] = SKEWED.lower(1) + (rule.nodes()[k] + 1) / 2 * SKEWED.width(1);
                double w = rule.weights()[i] * rule.weights()[k];
                basis.values(x, 0, scratch, phi, 0);
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        gram[a][b] += w * phi[a] * phi[b];
                    }
                }
            }
        }
        double worst = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                worst = Math.max(worst, Math.abs(gram[a][b] - (a == b ? 1 : 0)));
            }
        }
        assertTrue(worst < 1e-13, "max |G - I| = " + worst);
    }

    @Test
    void supNormsAreProductsOfSqrtTwoNuPlusOneAttainedAtTheUpperCorner() {
        IndexSet set = IndexSet.hyperbolicCross(2, 12);
        LegendreBasis basis = new LegendreBasis(SKEWED, set);
        double[] phi = new double[basis.size()];
        basis.values(new double[] {SKEWED.upper(0), SKEWED.upper(1)}, 0, new double[basis.scratchLength()], phi, 0);
        double[] sup = basis.supNorms();
        for (int j = 0; j < basis.size(); j++) {
            double expected = Math.sqrt((2.0 * set.degree(j, 0) + 1) * (2.0 * set.degree(j, 1) + 1));
            assertEquals(expected, sup[j], 1e-14 * expected);
            assertEquals(expected, phi[j], 1e-12 * expected);
        }
    }

    @Test
    void designMatrixRowsAreBasisValuesTimesTheScale() {
        LegendreBasis basis = new LegendreBasis(SKEWED, IndexSet.totalDegree(2, 4));
        double[] points = {0.1, 3.0, -0.4, 5.2, 0.7, 2.1};
        var a = basis.designMatrix(points, 3, 0.5);
        double[] phi = new double[basis.size()];
        for (int i = 0; i < 3; i++) {
            basis.values(points, 2 * i, new double[basis.scratchLength()], phi, 0);
            for (int j = 0; j < basis.size(); j++) {
                assertEquals(0.5 * phi[j], a.get(i, j), 0);
            }
        }
    }
}
