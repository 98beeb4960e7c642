package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.BadInputException;

/** A method block's {@code dim} axis: the block runs on the targets of those dimensions only. */
class BlockDimensionsTest {
    static final String SPEC = """
            sweep = matched
            targets = [ { name = gaussian, dim = [1, 2, 3] }, { name = seed2d } ]
            methods = [
              { method = p1, dim = 1, data { sampler = grid, grid_n = [64, 4096] } }
              { method = p1, dim = [2], data { sampler = grid, grid_n = [8, 64] } }
              { method = p1, dim = 3, data { sampler = grid, grid_n = 16 } }
              { method = q1, data { sampler = grid, grid_n = 4 } }
            ]
            """;

    @Test
    void eachBlockRunsOnTheTargetsOfItsDimensions() {
        TrialSpace space = new TrialSpace(SpecParser.parse(SPEC, "matched.conf"));
        // gaussian 1-D x 2 sizes, gaussian 2-D and seed2d x 2 sizes, gaussian 3-D x 1 size, q1 on all four targets.
        assertEquals(2 + 4 + 1 + 4, space.size());
        List<String> seen = new ArrayList<>();
        for (long i = 0; i < space.size(); i++) {
            Trial t = space.trial(i);
            seen.add(t.method() + ":" + t.target() + ":" + t.dim() + ":" + t.gridN());
        }
        assertEquals(List.of("p1:gaussian:1:64", "p1:gaussian:1:4096", "p1:gaussian:2:8", "p1:gaussian:2:64",
                "p1:seed2d:2:8", "p1:seed2d:2:64", "p1:gaussian:3:16", "q1:gaussian:1:4", "q1:gaussian:2:4",
                "q1:gaussian:3:4", "q1:seed2d:2:4"), seen);
    }

    @Test
    void aGridTooLargeOnlyInAnotherDimensionIsFine() {
        // 4096 nodes per axis would be 6.9e10 nodes in 3-D; the block is 1-D only.
        SweepSpec spec = SpecParser.parse(SPEC, "matched.conf");
        assertEquals(List.of(new TargetChoice("gaussian", 1)), spec.methods().get(0).targets());
        assertMessage(SPEC.replace("dim = 1, data", "dim = [1, 3], data"), "limit");
    }

    @Test
    void unknownDimensionsAndOverlappingBlocksAreRefused() {
        assertMessage(SPEC.replace("dim = 3, data", "dim = 4, data"), "no target has dim = 4");
        assertMessage(SPEC.replace("dim = 3, data", "dim = 0, data"), "dim");
        assertMessage(SPEC.replace("dim = 3, data { sampler = grid, grid_n = 16 }", "dim = [2, 3], data { sampler = grid, grid_n = 64 }"),
                "repeats trials of methods[1]");
    }

    private static void assertMessage(String spec, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> SpecParser.parse(spec, "bad.conf"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
