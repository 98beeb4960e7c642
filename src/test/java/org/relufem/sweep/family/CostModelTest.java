package org.relufem.sweep.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.method.poly.IndexSet;
import org.relufem.sample.Sampler;
import org.relufem.sweep.CostModel;
import org.relufem.sweep.TrainingData;
import org.relufem.sweep.Trial;

class CostModelTest {
    private static final List<String> OPTIMIZERS = List.of("adam", "lbfgs", "lm", "adam_lsq");

    private static Trial net(int width, int depth, int points, int epochs) {
        return net(width, depth, points, epochs, "adam", points);
    }

    private static Trial net(int width, int depth, int points, int epochs, String optimizer, int batch) {
        return net(2, width, depth, points, List.of(1, epochs), optimizer, 1e-3, batch);
    }

    private static Trial net(int dim, int width, int depth, int points, List<Integer> epochs, String optimizer,
                             double lr, int batch) {
        return new Trial(0, "relu_net", "seed2d", dim, new TrainingData(Sampler.UNIFORM, null, points, 0L), 0, 1000,
                new NetworkParams(width, depth, optimizer, lr, batch, 0L, epochs));
    }

    private static Trial interpolant(String method, String sampler, int dim, int gridN, int points) {
        Sampler s = Sampler.of(sampler);
        MethodParams params = method.equals("p1_scattered")
                ? new ScatteredElements.Params(ScatteredElements.Kind.P1_SCATTERED, null)
                : new GridInterpolants.Params(MethodFamily.kind(GridInterpolants.Kind.class, method),
                        method.equals("lagrange") ? 3 : null);
        return new Trial(0, method, "oscillatory", dim, new TrainingData(s, s == Sampler.GRID ? gridN : null, points,
                s == Sampler.UNIFORM ? 0L : null), 0, 1000, params);
    }

    private static Trial poly(String method, int dim, int points, int degree, String indexSet) {
        return new Trial(0, method, "exp_cos", dim, new TrainingData(Sampler.UNIFORM, null, points, 0L), 0, 1000,
                new Polynomials.Params(MethodFamily.kind(Polynomials.Kind.class, method), degree,
                        IndexSet.Kind.of(indexSet)));
    }

    @Test
    void costGrowsWithEveryDimensionOfTheWorkAndNetsOutweighInterpolants() {
        double base = CostModel.seconds(net(100, 1, 1024, 1000));
        assertTrue(CostModel.seconds(net(1000, 1, 1024, 1000)) > 5 * base, "width");
        assertTrue(CostModel.seconds(net(100, 3, 1024, 1000)) > 5 * base, "depth");
        assertTrue(CostModel.seconds(net(100, 1, 4096, 1000)) > 3 * base, "points");
        assertTrue(CostModel.seconds(net(100, 1, 1024, 10000)) > 9 * base, "the largest checkpoint counts");
        Trial p1 = interpolant("p1", "grid", 2, 128, 128 * 128);
        // Measured (whole trials, JIT warm): P1 on 128 x 128 2.5 ms, the seed study's 2 -> 100 -> 1,
        // 1000 epochs on 1024 points 0.145 s (0.15-0.33 s before the fused kernel's pair loop).
        assertTrue(CostModel.seconds(p1) < 0.03 * base, "p1 " + CostModel.seconds(p1) + " vs net " + base);
        assertTrue(base > 0.1 && base < 0.3, "estimate " + base);
    }

    @Test
    void everyMethodAndOptimizerCostsSomethingFinite() {
        List<Trial> trials = new java.util.ArrayList<>(List.of(
                interpolant("p1", "grid", 2, 33, 33 * 33), interpolant("q1", "grid", 3, 9, 729),
                interpolant("lagrange", "grid", 3, 10, 1000),
                interpolant("relu_fem", "grid", 1, 33, 33), interpolant("relu_fem", "grid", 2, 33, 33 * 33),
                interpolant("p1_scattered", "uniform", 2, 0, 2000), interpolant("p1_scattered", "sobol", 2, 0, 50),
                poly("poly_lsq", 2, 500, 8, "total_degree"), poly("poly_cs", 8, 100, 6, "hyperbolic_cross"),
                poly("poly_cs", 1, 3, 0, "total_degree")));
        for (String optimizer : OPTIMIZERS) {
            for (int depth : new int[] {1, 2, 30}) {
                trials.add(net(1, 20, depth, 65, List.of(100, 1000), optimizer, 1, 65));
                trials.add(net(2, 50, depth, 4225, List.of(1), optimizer, 1e-3, 4225));
            }
        }
        trials.add(net(2, 100, 3, 1000, List.of(10), "adam", 1e-3, 1));
        for (Trial t : trials) {
            double s = CostModel.seconds(t);
            assertTrue(s > 0 && Double.isFinite(s), t.method() + " " + t.params() + " " + s);
        }
    }

    @Test
    void moreOfAnythingNeverCostsLess() {
        for (String optimizer : OPTIMIZERS) {
            for (int depth : new int[] {1, 3}) {
                double base = CostModel.seconds(net(20, depth, 500, 100, optimizer, 500));
                String what = optimizer + " depth " + depth;
                assertTrue(CostModel.seconds(net(20, depth, 1000, 100, optimizer, 1000)) > base, what + ": points");
                assertTrue(CostModel.seconds(net(20, depth, 500, 200, optimizer, 500)) > base, what + ": epochs");
                assertTrue(CostModel.seconds(net(40, depth, 500, 100, optimizer, 500)) > base, what + ": width");
                assertTrue(CostModel.seconds(net(2, 20, depth, 500, List.of(10, 50, 100), optimizer, 1e-3, 500))
                        > base, what + ": checkpoints (each is evaluated)");
            }
        }
        assertTrue(CostModel.seconds(net(100, 1, 1024, 100, "adam", 32)) > CostModel.seconds(net(100, 1, 1024, 100)),
                "mini-batches add steps");
        for (String method : List.of("poly_lsq", "poly_cs")) {
            double base = CostModel.seconds(poly(method, 2, 500, 10, "total_degree"));
            assertTrue(CostModel.seconds(poly(method, 2, 1000, 10, "total_degree")) > base, method + ": points");
            assertTrue(CostModel.seconds(poly(method, 2, 500, 14, "total_degree")) > base, method + ": degree");
        }
        assertTrue(CostModel.seconds(interpolant("p1_scattered", "uniform", 2, 0, 4000))
                > CostModel.seconds(interpolant("p1_scattered", "uniform", 2, 0, 2000)));
        assertTrue(CostModel.seconds(interpolant("relu_fem", "grid", 2, 33, 33 * 33))
                > 50 * CostModel.seconds(interpolant("relu_fem", "grid", 2, 9, 81)), "a dense network of ~N^2 weights");
    }

    @Test
    void aLevenbergMarquardtEpochOutweighsAdamsAndGrowsLikeParametersSquaredTimesPoints() {
        double adam = CostModel.seconds(net(50, 1, 4000, 100, "adam", 4000));
        double lm = CostModel.seconds(net(50, 1, 4000, 100, "lm", 4000));
        assertTrue(lm > 10 * adam, "lm " + lm + " vs adam " + adam);
        // Doubling the points doubles J^T J; doubling P (width 50 -> 100 at depth 1: 201 -> 401
        // parameters) about quadruples it.
        double twicePoints = CostModel.seconds(net(50, 1, 8000, 100, "lm", 8000));
        double twiceWidth = CostModel.seconds(net(100, 1, 4000, 100, "lm", 4000));
        assertTrue(twicePoints > 1.7 * lm && twicePoints < 2.3 * lm, "points: " + twicePoints / lm);
        assertTrue(twiceWidth > 3.4 * lm && twiceWidth < 4.6 * lm, "parameters: " + twiceWidth / lm);
        // Second-order and least-squares optimisers cost more per epoch than Adam at lr 1e-3.
        assertTrue(CostModel.seconds(net(50, 1, 4000, 100, "lbfgs", 4000)) > 2 * adam);
        assertTrue(CostModel.seconds(net(50, 1, 4000, 100, "adam_lsq", 4000)) > 2 * adam);
    }

    @Test
    void compressedSensingOutweighsLeastSquaresOnTheSameManyPoints() {
        for (int degree : new int[] {5, 10, 20}) {
            double lsq = CostModel.seconds(poly("poly_lsq", 2, 5000, degree, "total_degree"));
            double cs = CostModel.seconds(poly("poly_cs", 2, 5000, degree, "total_degree"));
            assertTrue(cs > lsq, "degree " + degree + ": cs " + cs + " lsq " + lsq);
        }
    }

    @Test
    void indexSetSizesAreCountedExactly() {
        for (String kind : List.of("total_degree", "hyperbolic_cross")) {
            for (int[] dn : new int[][] {{1, 7}, {2, 30}, {4, 8}, {8, 6}, {3, 0}}) {
                IndexSet set = IndexSet.of(IndexSet.Kind.of(kind), dn[0], dn[1]);
                assertEquals(set.size(), Polynomials.indexSetSize(IndexSet.Kind.of(kind), dn[0], dn[1]), 1e-9,
                        kind + " d = " + dn[0] + " n = " + dn[1]);
            }
        }
    }

    @Test
    void aNetworkRowsSearchCostsInProportionToItsParameters() {
        // Same training work per row, but each checkpoint is evaluated and searched again.
        Trial one = net(2, 300, 3, 100, List.of(1000), "adam", 1e-3, 100);
        Trial many = net(2, 300, 3, 100, List.of(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000), "adam", 1e-3, 100);
        double perRow = CostModel.searchEvaluations(one) * CostModel.VALUE_SECONDS_PER_PARAMETER
                * NetworkCost.parameters((NetworkParams) one.params(), one);
        assertTrue(CostModel.seconds(many) - CostModel.seconds(one) > 9 * perRow);
    }
}
