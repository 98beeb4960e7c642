package org.relufem.method.fem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.relufem.metric.Errors;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/**
 * seed2d on the 32 x 32 grid against the independent scipy values of ../shared/peers/scipy_interp.py
 * (its README): LinearNDInterpolator (P1 on a Delaunay triangulation) MSE 1.09e-6 on 100000 uniform
 * points, RegularGridInterpolator (bilinear) 8.0e-7. Delaunay picks each square's diagonal freely on
 * a regular grid where Kuhn always takes the same one, hence the wider band for P1.
 */
class SeedStudyReferenceTest {
    private static final Target SEED = Targets.create("seed2d", 2);
    private static final SampleSet GRID = Samplers.grid(SEED, 32);
    private static final SampleSet TEST = Samplers.test(SEED, 100_000, 0);

    @Test
    void p1MatchesScipyLinearNd() {
        assertEquals(1.09e-6, Errors.of(GridInterpolation.P1.fit(GRID), TEST).mse(), 0.25 * 1.09e-6);
    }

    @Test
    void q1MatchesScipyRegularGrid() {
        assertEquals(8.0e-7, Errors.of(GridInterpolation.Q1.fit(GRID), TEST).mse(), 0.10 * 8.0e-7);
    }
}
