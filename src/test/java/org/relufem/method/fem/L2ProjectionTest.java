package org.relufem.method.fem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.ops.DConvertMatrixStruct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relufem.method.Approximant;
import org.relufem.metric.Errors;
import org.relufem.metric.RateFit;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.sample.TensorGrid;
import org.relufem.target.Box;
import org.relufem.target.Formula;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/** The grid P1 mass matrix and the least-squares projection of scattered samples onto grid P1. */
class L2ProjectionTest {
    private static double volume(Box box) {
        double v = 1;
        for (int k = 0; k < box.dimension(); k++) {
            v *= box.width(k);
        }
        return v;
    }

    private static DMatrixRMaj dense(DMatrixSparseCSC a) {
        return DConvertMatrixStruct.convert(a, (DMatrixRMaj) null);
    }

    /** Nodal values of x -> c0 + sum_k c_k x_k on the grid. */
    private static DMatrixRMaj affineNodal(TensorGrid grid, double c0, double[] c) {
        int d = grid.dimension();
        double[] nodes = grid.nodes();
        DMatrixRMaj u = new DMatrixRMaj(grid.nodeCount(), 1);
        for (int i = 0; i < grid.nodeCount(); i++) {
            double s = c0;
            for (int k = 0; k < d; k++) {
                s += c[k] * nodes[i * d + k];
            }
            u.data[i] = s;
        }
        return u;
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 2, 3})
    void massMatrixSumsToTheVolumeAndIntegratesAffineFunctionsExactly(int d) {
        Box box = Formula.skewedBox(d);
        TensorGrid grid = new TensorGrid(box, 5);
        DMatrixRMaj mass = dense(MassMatrix.p1(grid));
        DMatrixRMaj transpose = CommonOps_DDRM.transpose(mass, null);
        for (int i = 0; i < mass.data.length; i++) {
            assertEquals(mass.data[i], transpose.data[i], 0.0, "symmetric");
        }
        assertEquals(volume(box), CommonOps_DDRM.elementSum(mass), 1e-12, "sum of entries");
        double[] c = {0.7, -1.3, 2.1};
        DMatrixRMaj ones = affineNodal(grid, 1, new double[d]);
        DMatrixRMaj affine = affineNodal(grid, 0.25, c);
        // Closed forms over the box: integral of f is |box| f(centre); of f^2 it adds sum_k c_k^2 w_k^2 / 12.
        double atCentre = 0.25;
        double spread = 0;
        for (int k = 0; k < d; k++) {
            atCentre += c[k] * (box.lower(k) + box.upper(k)) / 2;
            spread += c[k] * c[k] * box.width(k) * box.width(k) / 12;
        }
        double integral = CommonOps_DDRM.dot(ones, CommonOps_DDRM.mult(mass, affine, null));
        double integralOfSquare = CommonOps_DDRM.dot(affine, CommonOps_DDRM.mult(mass, affine, null));
        assertEquals(volume(box) * atCentre, integral, 1e-12);
        assertEquals(volume(box) * (atCentre * atCentre + spread), integralOfSquare, 1e-11);
    }

    /** The sparse B^T B against a dense B whose columns are grid P1's basis functions, evaluated by the interpolant's own path. */
    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 2, 3})
    void normalMatrixMatchesADenseOracle(int d) {
        TensorGrid grid = new TensorGrid(Formula.skewedBox(d), 4);
        int count = grid.nodeCount();
        SampleSet data = Samplers.uniform(new Formula(grid.box(), x -> x[0] * x[0]), 60, d);
        DMatrixRMaj b = new DMatrixRMaj(data.count(), count);
        for (int j = 0; j < count; j++) {
            double[] unit = new double[count];
            unit[j] = 1;
            Approximant phi = new P1Interpolant(grid, unit);
            for (int i = 0; i < data.count(); i++) {
                b.set(i, j, phi.value(data.points(), i * d));
            }
        }
        DMatrixRMaj rhs = new DMatrixRMaj(count, 1);
        DMatrixRMaj sparse = dense(L2Projection.normalMatrix(grid, data, rhs));
        DMatrixRMaj oracle = CommonOps_DDRM.multTransA(b, b, null);
        DMatrixRMaj oracleRhs = CommonOps_DDRM.multTransA(b, new DMatrixRMaj(data.count(), 1, true, data.values()), null);
        for (int i = 0; i < oracle.data.length; i++) {
            assertEquals(oracle.data[i], sparse.data[i], 1e-13);
        }
        for (int i = 0; i < count; i++) {
            assertEquals(oracleRhs.data[i], rhs.data[i], 1e-13);
        }
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 2, 3})
    void recoversAFunctionOfTheP1SpaceFromEnoughRandomPoints(int d) {
        TensorGrid grid = new TensorGrid(Formula.skewedBox(d), 5);
        SplittableRandom random = new SplittableRandom(11 + d);
        double[] nodal = new double[grid.nodeCount()];
        for (int i = 0; i < nodal.length; i++) {
            nodal[i] = random.nextDouble(-1, 1);
        }
        P1Interpolant truth = new P1Interpolant(grid, nodal);
        SampleSet data = Samplers.uniform(new Formula(grid.box(), truth::value), 40 * nodal.length, d);
        double[] exact = new L2Projection(grid.box(), 5, 0).fit(data).parameterVector();
        double[] regularised = new L2Projection(grid.box(), 5).fit(data).parameterVector();
        for (int i = 0; i < nodal.length; i++) {
            assertEquals(nodal[i], exact[i], 1e-12, "tikhonov = 0, node " + i);
            assertEquals(nodal[i], regularised[i], 1e-8, "default tikhonov, node " + i);
        }
    }

    /**
     * The projection's error is O(h^2) like interpolation's: RMSE slope 2 +- 0.2 against h on
     * oscillatory in 2-D with 20 samples per node, and below grid P1 interpolation's on the finest
     * grid (a least-squares fit beats nodal interpolation in L2) but not by orders of magnitude.
     */
    @Test
    void rmseConvergesAtRateTwoOnASmoothTarget() {
        Target target = Targets.create("oscillatory", 2);
        SampleSet test = Samplers.test(target, 20000, 1);
        int[] sizes = {9, 17, 33};
        double[] h = new double[sizes.length];
        double[] rmse = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            h[i] = 1.0 / (sizes[i] - 1);
            SampleSet data = Samplers.uniform(target, 20 * sizes[i] * sizes[i], 5);
            rmse[i] = Errors.of(new L2Projection(target.domain(), sizes[i]).fit(data), test).rmse();
        }
        assertEquals(2.0, RateFit.of(h, rmse).slope(), 0.2, "RMSE rate in h");
        double interpolation = Errors.of(GridInterpolation.P1.fit(Samplers.grid(target, 33)), test).rmse();
        double finest = rmse[sizes.length - 1];
        assertTrue(finest < interpolation && finest > 0.2 * interpolation, finest + " against interpolation " + interpolation);
    }

    @Test
    void theMassTermFillsNodesWithoutSamplesAndWithoutItTheFitIsRefused() {
        Box box = Box.cube(2, 0, 1);
        Target target = new Formula(box, x -> 1 + x[0] + x[1]);
        double[] points = Samplers.uniformPoints(box, 2000, new SplittableRandom(3));
        double[] values = new double[2000];
        for (int i = 0; i < 2000; i++) {
            points[2 * i] *= 0.5; // only the left half holds samples
            values[i] = target.value(points, 2 * i);
        }
        SampleSet left = new SampleSet(2, points, values, null);
        Approximant fit = new L2Projection(box, 9).fit(left);
        assertEquals(1.7, fit.value(new double[] {0.2, 0.5}), 1e-7, "sampled side");
        // The L2-smallest continuation: it decays by about 0.27 per node with alternating sign
        // (the 1-D mass stencil's root 2 - sqrt 3), so four nodes away it is under 1% of the data.
        assertTrue(Math.abs(fit.value(new double[] {1.0, 0.5})) < 0.025, "unsampled side decays to 0");
        assertTrue(Math.abs(fit.value(new double[] {0.625, 0.5})) > 0.1, "next to the samples it does not vanish at once");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new L2Projection(box, 9, 0).fit(left));
        assertTrue(e.getMessage().contains("tikhonov"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new L2Projection(Box.cube(3, 0, 1), 5).fit(left));
    }
}
