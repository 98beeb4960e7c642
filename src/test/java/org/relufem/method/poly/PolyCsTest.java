package org.relufem.method.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;
import org.relufem.sample.RandomStreams;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Box;

/** Compressed sensing: exact recovery of sparse polynomials from m &lt; N samples, and the solver's invariances. */
class PolyCsTest {

    /**
     * Five nonzero coefficients, |c| in [0.5, 1.5) with random signs, on indices drawn from the
     * total-degree-8 part of a total-degree-15 space in d = 2 (N = 136; the first 45 indices in the
     * graded order), observed at m = 70 uniform random points. Weighted l1 minimisation recovers
     * sparse vectors exactly, and the SR-LASSO's minimiser is then the sparse vector itself, with no
     * shrinkage (Rauhut &amp; Ward, ACHA 40, 2016; Adcock, Brugiapaglia &amp; Webster 2022, chapter 6),
     * so the fit must match it to rounding: 1e-8 is the bound, about 1e-14 is what it reaches. The
     * minimum-norm interpolant of the same data, which ignores sparsity, is off by 0.5 or more: 70
     * samples do not determine 136 coefficients without the l1 term.
     */
    @Test
    void recoversSparsePolynomialsExactlyFromHalfAsManySamplesAsBasisFunctions() {
        Box box = Box.cube(2, -1, 1);
        IndexSet set = IndexSet.totalDegree(2, 15);
        assertEquals(136, set.size());
        int lowerPart = IndexSet.totalDegree(2, 8).size();
        int m = 70;
        int sparsity = 5;
        LegendreBasis basis = new LegendreBasis(box, set);
        for (long trial = 0; trial < 8; trial++) {
            SplittableRandom random = RandomStreams.of(trial, RandomStreams.TRAIN);
            double[] truth = new double[set.size()];
            for (int placed = 0; placed < sparsity; ) {
                int j = random.nextInt(lowerPart);
                if (truth[j] == 0) {
                    truth[j] = (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble());
                    placed++;
                }
            }
            double[] points = Samplers.uniformPoints(box, m, random);
            DMatrixRMaj design = basis.designMatrix(points, m, 1);
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < truth.length; j++) {
                    y[i] += design.get(i, j) * truth[j];
                }
            }
            PolyCs.Report report = new PolyCs(box, set).fitWithReport(new SampleSet(2, points, y, null));
            double error = maxDifference(truth, report.expansion().parameterVector());
            assertTrue(error <= 1e-8, "trial " + trial + ": coefficient error " + error + " after "
                    + report.solver().iterations() + " iterations");
            assertTrue(report.solver().restarts() < SquareRootLasso.MAX_RESTARTS, "stopped by the tolerance");
            assertEquals(set.size(), report.expansion().degreesOfFreedom());

            LinearSolverDense<DMatrixRMaj> minimumNorm = LinearSolverFactory_DDRM.pseudoInverse(true);
            assertTrue(minimumNorm.setA(design));
            DMatrixRMaj c = new DMatrixRMaj(set.size(), 1);
            minimumNorm.solve(DMatrixRMaj.wrap(m, 1, y), c);
            assertTrue(maxDifference(truth, c.data) > 1e-2, "the minimum-norm interpolant should not recover");
        }
    }

    private static double maxDifference(double[] a, double[] b) {
        double worst = 0;
        for (int j = 0; j < a.length; j++) {
            worst = Math.max(worst, Math.abs(a[j] - b[j]));
        }
        return worst;
    }

    /** One unknown: min lambda w |z| + |a z - b| is z = b / a when lambda w &lt; |a|, else z = 0. */
    @Test
    void solvesTheScalarProblemOnBothSidesOfTheThreshold() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{-2.0}});
        double b = 3.0;
        double below = SquareRootLasso.solve(a, new double[] {b}, new double[] {4.0}, 0.25).coefficients()[0];
        assertEquals(-1.5, below, 1e-12);
        double above = SquareRootLasso.solve(a, new double[] {b}, new double[] {4.0}, 1.0).coefficients()[0];
        assertEquals(0.0, above, 1e-12);
    }

    /** The SR-LASSO minimiser is positively homogeneous in b, and the solver's schedule scales with ||b||. */
    @Test
    void scalingTheDataScalesTheSolution() {
        SplittableRandom random = RandomStreams.of(3, RandomStreams.TRAIN);
        Box box = Box.cube(2, 0, 1);
        LegendreBasis basis = new LegendreBasis(box, IndexSet.hyperbolicCross(2, 20));
        int m = 40;
        DMatrixRMaj a = basis.designMatrix(Samplers.uniformPoints(box, m, random), m, 1 / Math.sqrt(m));
        double[] b = new double[m];
        double[] scaled = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = random.nextDouble(-1, 1);
            scaled[i] = 1e6 * b[i];
        }
        double[] w = basis.supNorms();
        double lambda = PolyCs.lambda(m);
        SquareRootLasso.Result small = SquareRootLasso.solve(a, b, w, lambda);
        SquareRootLasso.Result large = SquareRootLasso.solve(a, scaled, w, lambda);
        assertEquals(small.iterations(), large.iterations());
        for (int j = 0; j < w.length; j++) {
            assertEquals(1e6 * small.coefficients()[j], large.coefficients()[j], 1e-9 * 1e6);
        }
        SquareRootLasso.Result zero = SquareRootLasso.solve(a, new double[m], w, lambda);
        assertArrayEquals(new double[w.length], zero.coefficients());
        assertEquals(0, zero.iterations());
    }

    @Test
    void lambdaIsOneOverSqrtTwentyFiveM() {
        assertEquals(0.02, PolyCs.lambda(100), 1e-17);
        assertEquals(1 / Math.sqrt(25 * 70.0), PolyCs.lambda(70), 0);
    }

    @Test
    void refusesPointsOfAnotherDimension() {
        PolyCs method = new PolyCs(Box.cube(2, 0, 1), IndexSet.totalDegree(2, 5));
        SampleSet oneD = new SampleSet(1, new double[10], new double[10], null);
        assertThrows(IllegalArgumentException.class, () -> method.fit(oneD));
        assertThrows(IllegalArgumentException.class, () -> new PolyCs(Box.cube(1, 0, 1), IndexSet.totalDegree(2, 5)));
    }
}
