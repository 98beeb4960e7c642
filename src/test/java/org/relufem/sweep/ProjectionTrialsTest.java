package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.BadInputException;

/** l2_projection from a spec: scattered samples fitted in the P1 space of a grid named by the block's grid_n. */
class ProjectionTrialsTest {
    static final String SPEC = """
            sweep = projection
            targets = [ { name = gaussian, dim = 2 } ]
            test { points = 2000 }
            methods = [ { method = l2_projection, data { sampler = uniform, points = 20000, seeds = [0, 1] }, grid_n = [5, 9, 17] } ]
            """;

    @Test
    void theProjectionGridIsAnAxisAndItsNodesAreTheFreedom() {
        TrialSpace space = new TrialSpace(SpecParser.parse(SPEC, "projection.conf"));
        assertEquals(6, space.size());
        double[] rmse = new double[3];
        for (int i = 0; i < 3; i++) {
            Trial t = space.trial(i);
            assertEquals(List.of(20000, 0L, new int[] {5, 9, 17}[i]), List.of(t.data().points(), t.data().seed(), t.gridN()));
            ResultRow row = TrialRunner.run(t).get(0);
            assertEquals("ok", row.status(), row.message());
            assertEquals((long) t.gridN() * t.gridN(), row.params());
            rmse[i] = row.errors().rmse();
        }
        // The projection converges like the interpolant, O(h^2): halving h divides the error by about 4.
        assertTrue(rmse[1] < rmse[0] / 2.5 && rmse[2] < rmse[1] / 2.5 && rmse[2] > rmse[1] / 6,
                java.util.Arrays.toString(rmse));
        assertEquals(space.trial(4).gridN(), 9);
        assertEquals(1L, space.trial(4).data().seed());
    }

    @Test
    void sobolSamplesNeedNoSeed() {
        TrialSpace space = new TrialSpace(SpecParser.parse(SPEC.replace("sampler = uniform, points = 20000, seeds = [0, 1]",
                "sampler = sobol, points = 4096"), "sobol.conf"));
        assertEquals(3, space.size());
        Trial t = space.trial(2);
        assertEquals(17, t.gridN());
        assertEquals("ok", TrialRunner.run(t).get(0).status());
    }

    @Test
    void gridDataAMissingGridAndRepeatedBlocksAreRefused() {
        assertMessage(SPEC.replace("sampler = uniform, points = 20000, seeds = [0, 1]", "sampler = grid, grid_n = 8"),
                "cannot use sampler = grid");
        assertMessage(SPEC.replace(", grid_n = [5, 9, 17]", ""), "grid_n");
        assertMessage(SPEC.replace("grid_n = [5, 9, 17]", "grid_n = 1"), "grid_n");
        assertMessage(SPEC.replace("dim = 2", "dim = 5").replace("grid_n = [5, 9, 17]", "grid_n = 40"), "limit");
        String twice = SPEC.replace("grid_n = [5, 9, 17] }", "grid_n = [5, 9, 17] }\n"
                + "  { method = l2_projection, data { sampler = uniform, points = 20000, seeds = 1 }, grid_n = [17, 33] }");
        assertMessage(twice, "grid_n = 17");
        String disjoint = twice.replace("grid_n = [17, 33]", "grid_n = 33");
        assertEquals(7, new TrialSpace(SpecParser.parse(disjoint, "ok.conf")).size());
    }

    private static void assertMessage(String spec, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> SpecParser.parse(spec, "bad.conf"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
