package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.relufem.BadInputException;

/** p1_scattered from a spec: 2-D scattered data only, rows that improve with the sample count. */
class ScatteredTrialsTest {
    static final String SPEC = """
            sweep = scattered
            targets = [ { name = gaussian, dim = 2 } ]
            test { points = 500 }
            methods = [ { method = p1_scattered, data { sampler = uniform, points = [250, 4000], seeds = 0 } } ]
            """;

    @Test
    void moreSamplesGiveASmallerErrorAndTheSampleCountIsTheFreedom() {
        TrialSpace space = new TrialSpace(SpecParser.parse(SPEC, "scattered.conf"));
        ResultRow coarse = TrialRunner.run(space.trial(0)).get(0);
        ResultRow fine = TrialRunner.run(space.trial(1)).get(0);
        assertEquals("ok", fine.status(), fine.message());
        assertEquals(250L, coarse.params());
        assertEquals(4000L, fine.params());
        assertTrue(fine.errors().rmse() < coarse.errors().rmse() / 3, coarse.errors() + " -> " + fine.errors());
    }

    @Test
    void otherDimensionsAndGridDataAreRefused() {
        BadInputException dim = assertThrows(BadInputException.class,
                () -> SpecParser.parse(SPEC.replace("dim = 2", "dim = 3"), "bad.conf"));
        assertTrue(dim.getMessage().contains("2-D only"), dim.getMessage());
        BadInputException grid = assertThrows(BadInputException.class, () -> SpecParser.parse(
                SPEC.replace("sampler = uniform, points = [250, 4000], seeds = 0", "sampler = grid, grid_n = 8"), "bad.conf"));
        assertTrue(grid.getMessage().contains("cannot use sampler = grid"), grid.getMessage());
    }
}
