package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** relu_fem from a spec: the same errors as P1 on the same grid, with the network's parameter count. */
class ReluFemTrialsTest {
    @Test
    void reluFemRowsHaveP1sErrors() {
        TrialSpace space = new TrialSpace(SpecParser.parse("""
                sweep = relu-fem
                targets = [ { name = gaussian, dim = [1, 2] } ]
                test { points = 300 }
                methods = [
                  { method = p1, data { sampler = grid, grid_n = [5, 9] } }
                  { method = relu_fem, data { sampler = grid, grid_n = [5, 9] } }
                ]
                """, "relu-fem.conf"));
        assertEquals(8, space.size());
        for (long i = 0; i < 4; i++) {
            ResultRow p1 = TrialRunner.run(space.trial(i)).get(0);
            ResultRow net = TrialRunner.run(space.trial(i + 4)).get(0);
            assertEquals("relu_fem", net.trial().method());
            assertEquals(p1.trial().gridN(), net.trial().gridN());
            assertEquals(p1.errors().mse(), net.errors().mse(), 1e-12 * p1.errors().mse() + 1e-15);
            assertEquals(p1.errors().maxAbsErr(), net.errors().maxAbsErr(), 1e-12);
            int d = net.trial().dim();
            long n = (long) Math.pow(net.trial().gridN(), d);
            // one hidden layer of n - 1 units in 1-D; d layers padded to n^d - 1 units otherwise
            long dense = d == 1 ? 3 * n - 2 : (n - 1) * (d + 2 + (d - 1) * n) + 1;
            assertEquals(dense, net.params());
            assertTrue(net.search().maxAbsErr() >= net.errors().maxAbsErr());
        }
    }
}
