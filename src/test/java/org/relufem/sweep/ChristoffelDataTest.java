package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.relufem.BadInputException;
import org.relufem.method.poly.ChristoffelSampling;
import org.relufem.method.poly.IndexSet;
import org.relufem.sample.RandomStreams;
import org.relufem.sample.SampleSet;
import org.relufem.target.Target;

/**
 * {@code sampler = christoffel} for methods without a polynomial space of their own: the data
 * names one ({@code data.degree}, {@code data.index_set}), the points are exactly that space's
 * optimal draws from the trial's seed, and the space enters trial_id.
 */
class ChristoffelDataTest {
    private static final String SPEC = """
            sweep = optimal-data
            targets = [ { name = gaussian, dim = 2 } ]
            test { points = 500 }
            methods = [
              { method = l2_projection, data { sampler = christoffel, points = 3000, seeds = [4], degree = 12,
                  index_set = hyperbolic_cross }, grid_n = 9 }
              { method = l2_projection, data { sampler = christoffel, points = 3000, seeds = [4], degree = 6 }, grid_n = 9 }
              { method = relu_net, data { sampler = christoffel, points = 200, degree = 4 }, width = 8, epochs = 5 }
            ]
            """;

    @Test
    void pointsAreTheNamedSpacesOptimalDrawsAndTheSpaceIsPartOfTheId() {
        TrialSpace space = new TrialSpace(SpecParser.parse(SPEC, "optimal-data.conf"));
        assertEquals(3, space.size());
        Trial cross = space.trial(0);
        Target target = cross.targetDefinition().create();
        SampleSet drawn = cross.data().draw(cross.targetDefinition(), target, cross.params().samplingSpace(2));
        double[] expected = ChristoffelSampling.points(target.domain(), IndexSet.hyperbolicCross(2, 12), 3000,
                RandomStreams.of(4, RandomStreams.TRAIN));
        assertArrayEquals(expected, drawn.points());
        assertTrue(cross.canonical().contains("train_degree=12;train_index_set=hyperbolic_cross"), cross.canonical());
        assertNotEquals(cross.rowIds(), space.trial(1).rowIds(), "another space, another trial");
        for (int i = 0; i < 3; i++) {
            ResultRow r = TrialRunner.run(space.trial(i)).get(space.trial(i).rowIds().size() - 1);
            assertEquals("ok", r.status(), r.message());
            assertEquals("christoffel", r.trial().data().sampler().label());
        }
    }

    @Test
    void theSpaceIsRequiredWhereTheMethodHasNoneAndRefusedWhereItHasOne() {
        BadInputException missing = assertThrows(BadInputException.class, () -> SpecParser.parse(
                SPEC.replace("points = 200, degree = 4", "points = 200"), "bad.conf"));
        assertTrue(missing.getMessage().contains("method relu_net has none: give methods[2].data.degree"),
                missing.getMessage());
        BadInputException own = assertThrows(BadInputException.class, () -> SpecParser.parse(SPEC.replace(
                "{ method = relu_net, data { sampler = christoffel, points = 200, degree = 4 }, width = 8, epochs = 5 }",
                "{ method = poly_lsq, data { sampler = christoffel, points = 200, degree = 4 }, degree = 4 }"), "bad.conf"));
        assertTrue(own.getMessage().contains("draws christoffel points for its own space"), own.getMessage());
        BadInputException alone = assertThrows(BadInputException.class, () -> SpecParser.parse(
                SPEC.replace("degree = 4 }", "index_set = total_degree }"), "bad.conf"));
        assertTrue(alone.getMessage().contains("index_set needs methods[2].data.degree"), alone.getMessage());
    }
}
