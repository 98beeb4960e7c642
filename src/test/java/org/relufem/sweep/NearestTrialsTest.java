package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.relufem.metric.RateFit;

/**
 * {@code nearest} from a spec: piecewise-constant rows whose freedom is the node count and whose
 * RMSE falls as h = N^(-1/d), one order below P1's h^2 on the same grids.
 */
class NearestTrialsTest {
    @Test
    void nearestConvergesAtFirstOrderInDofBesideP1() {
        TrialSpace space = new TrialSpace(SpecParser.parse("""
                sweep = nearest
                targets = [ { name = gaussian, dim = 2 } ]
                test { points = 4000 }
                methods = [
                  { method = nearest, data { sampler = grid, grid_n = [9, 17, 33, 65] } }
                  { method = p1, data { sampler = grid, grid_n = [9, 17, 33, 65] } }
                ]
                """, "nearest.conf"));
        assertEquals(8, space.size());
        double[] dof = new double[4];
        double[] nearest = new double[4];
        double[] p1 = new double[4];
        for (int i = 0; i < 4; i++) {
            ResultRow r = TrialRunner.run(space.trial(i)).get(0);
            assertEquals("ok", r.status(), r.message());
            assertEquals("nearest", r.trial().method());
            dof[i] = r.params();
            assertEquals(Math.pow(r.trial().gridN(), 2), dof[i]);
            nearest[i] = r.errors().rmse();
            p1[i] = TrialRunner.run(space.trial(i + 4)).get(0).errors().rmse();
            assertTrue(p1[i] < nearest[i], "P1 beats nearest on the grid of " + dof[i] + " nodes");
        }
        // RMSE ~ h ~ N^(-1/2) in 2-D for nearest, ~ h^2 ~ N^(-1) for P1.
        assertEquals(-0.5, RateFit.of(dof, nearest).slope(), 0.05);
        assertEquals(-1.0, RateFit.of(dof, p1).slope(), 0.1);
    }
}
