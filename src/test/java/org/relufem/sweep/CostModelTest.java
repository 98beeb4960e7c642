package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostModelTest {
    private static Trial net(int width, int depth, int points, int epochs) {
        return new Trial(0, "relu_net", "seed2d", 2, "uniform", null, points, 0L, width, depth, "adam", 1e-3, points,
                0L, List.of(1, epochs), 0, 1000, false);
    }

    @Test
    void costGrowsWithEveryDimensionOfTheWorkAndNetsOutweighInterpolants() {
        double base = CostModel.seconds(net(100, 1, 1024, 1000));
        assertTrue(CostModel.seconds(net(1000, 1, 1024, 1000)) > 5 * base, "width");
        assertTrue(CostModel.seconds(net(100, 3, 1024, 1000)) > 5 * base, "depth");
        assertTrue(CostModel.seconds(net(100, 1, 4096, 1000)) > 3 * base, "points");
        assertTrue(CostModel.seconds(net(100, 1, 1024, 10000)) > 9 * base, "the largest checkpoint counts");
        Trial p1 = new Trial(0, "p1", "seed2d", 2, "grid", 128, 128 * 128, null, null, null, null, null, null, null,
                List.of(), 0, 1000, false);
        assertTrue(CostModel.seconds(p1) < 0.01 * base);
        // The seed study's 2 -> 100 -> 1, 1000 epochs on 1024 points measured 0.15-0.26 s here.
        assertTrue(base > 0.05 && base < 1.0, "estimate " + base);
    }
}
