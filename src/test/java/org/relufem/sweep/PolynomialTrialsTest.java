package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relufem.BadInputException;
import org.relufem.sweep.family.Polynomials;

/** poly_lsq and poly_cs from a spec: axes, ids, and fits that reach the accuracy of the numerics. */
class PolynomialTrialsTest {
    static final String SPEC = """
            sweep = poly
            targets = [ { name = exp_cos, dim = 2 } ]
            test { points = 500 }
            methods = [
              { method = poly_lsq, data { sampler = uniform, points = 400, seeds = [0, 1] }, degree = [2, 6, 10] }
              { method = poly_cs, data { sampler = uniform, points = 60 }, degree = 30, index_set = hyperbolic_cross }
              { method = poly_lsq, data { sampler = sobol, points = [64, 256] }, degree = 6 }
            ]
            """;

    @Test
    void degreesAndIndexSetsAreAxesWithTheirOwnIds() {
        TrialSpace space = new TrialSpace(SpecParser.parse(SPEC, "poly.conf"));
        assertEquals(2 * 3 + 1 + 2, space.size());
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < space.size(); i++) {
            Trial t = space.trial(i);
            ids.addAll(t.rowIds());
            assertTrue(t.canonical().startsWith("degree=" + poly(t).degree() + ";"), t.canonical());
            assertTrue(CostModel.seconds(t) > 0);
        }
        assertEquals(9, ids.size());
        assertEquals("sobol", space.trial(8).data().sampler().label());
        assertEquals(256, space.trial(8).data().points());
        assertEquals(null, space.trial(8).data().seed());
        assertEquals("hyperbolic_cross", poly(space.trial(6)).indexSet().label());
        assertEquals("total_degree", poly(space.trial(0)).indexSet().label());
    }

    @Test
    void leastSquaresConvergesSpectrallyOnASmoothTargetAndCompressedSensingFitsFromFewPoints() {
        TrialSpace space = new TrialSpace(SpecParser.parse(SPEC, "poly.conf"));
        double[] rmse = new double[3];
        for (int k = 0; k < 3; k++) {
            ResultRow r = TrialRunner.run(space.trial(k)).get(0);
            assertEquals("ok", r.status(), r.message());
            rmse[k] = r.errors().rmse();
        }
        // degree 2 -> 6 -> 10 on 400 points: each step of 4 in degree gains orders of magnitude
        assertTrue(rmse[1] < rmse[0] / 100 && rmse[2] < rmse[1] / 100, java.util.Arrays.toString(rmse));
        assertEquals(66L, TrialRunner.run(space.trial(2)).get(0).params()); // C(12, 2)
        ResultRow cs = TrialRunner.run(space.trial(6)).get(0);
        assertEquals("ok", cs.status(), cs.message());
        assertTrue(cs.params() > 60, "more basis functions than points: " + cs.params());
        assertTrue(cs.errors().rmse() < 1e-3, "rmse " + cs.errors().rmse() + " with " + cs.params() + " functions");
        ResultRow sobol = TrialRunner.run(space.trial(8)).get(0);
        assertEquals("ok", sobol.status(), sobol.message());
        assertTrue(sobol.errors().rmse() < 10 * rmse[1], sobol.errors().rmse() + " vs uniform " + rmse[1]);
    }

    /**
     * {@code sampler = christoffel} from a spec: the points are the optimal density's for the
     * trial's own space, seeded like uniform ones, and the weighted fit on 2 N ln N of them is as
     * good as the unweighted one on five times as many uniform points.
     */
    @Test
    void christoffelSamplesTheTrialsSpaceAndFitsByWeightedLeastSquares() {
        TrialSpace space = new TrialSpace(SpecParser.parse("""
                sweep = optimal
                targets = [ { name = product_peak, dim = 2 } ]
                test { points = 4000 }
                methods = [
                  { method = poly_lsq, data { sampler = christoffel, points = 1540, seeds = [0, 1, 2] }, degree = 16 }
                  { method = poly_lsq, data { sampler = uniform, points = 7700 }, degree = 16 }
                ]
                """, "optimal.conf"));
        assertEquals(4, space.size());
        ResultRow uniform = TrialRunner.run(space.trial(3)).get(0);
        assertEquals("ok", uniform.status(), uniform.message());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Trial t = space.trial(i);
            assertEquals("christoffel", t.data().sampler().label());
            assertEquals(Long.valueOf(i), t.data().seed());
            ResultRow r = TrialRunner.run(t).get(0);
            assertEquals("ok", r.status(), r.message());
            assertEquals(153L, r.params());
            assertTrue(r.errors().rmse() < 1.2 * uniform.errors().rmse(), r.errors().rmse() + " vs uniform on 5x the "
                    + "points " + uniform.errors().rmse());
            assertEquals(r.errors(), TrialRunner.run(t).get(0).errors(), "same seed, same numbers");
            ids.add(r.trialId());
        }
        assertEquals(3, ids.size());
    }

    @Test
    void badPolynomialKeysAreRefusedWithTheKeyNamed() {
        BadInputException unknown = assertThrows(BadInputException.class, () -> SpecParser.parse(
                SPEC.replace("index_set = hyperbolic_cross", "index_set = sparse_grid"), "bad.conf"));
        assertTrue(unknown.getMessage().contains("index_set") && unknown.getMessage().contains("sparse_grid"),
                unknown.getMessage());
        BadInputException negative = assertThrows(BadInputException.class, () -> SpecParser.parse(
                SPEC.replace("degree = [2, 6, 10]", "degree = -1"), "bad.conf"));
        assertTrue(negative.getMessage().contains("degree must be >= 0"), negative.getMessage());
        BadInputException missing = assertThrows(BadInputException.class, () -> SpecParser.parse(
                SPEC.replace(", degree = [2, 6, 10]", ""), "bad.conf"));
        assertTrue(missing.getMessage().contains("missing key 'degree'"), missing.getMessage());
        // a second poly_lsq block holding a trial of the first (seed 1, degree 6)
        BadInputException overlap = assertThrows(BadInputException.class, () -> SpecParser.parse(SPEC.replace("{ method = poly_cs",
                "{ method = poly_lsq, data { sampler = uniform, points = 400, seeds = 1 }, degree = 6 }\n  { method = poly_cs"),
                "overlap.conf"));
        assertTrue(overlap.getMessage().contains("repeats trials"), overlap.getMessage());
    }

    private static Polynomials.Params poly(Trial t) {
        return (Polynomials.Params) t.params();
    }
}
