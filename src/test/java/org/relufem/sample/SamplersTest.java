package org.relufem.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.relufem.target.Target;
import org.relufem.target.Targets;

class SamplersTest {
    @Test
    void gridHasNToTheDNodesAxisZeroFastestBoundaryIncluded() {
        Target t = Targets.create("exp_cos", 3);
        SampleSet s = Samplers.grid(t, 4);
        assertEquals(64, s.count());
        assertTrue(s.isGrid());
        double[] p = s.points();
        assertArrayEquals(new double[] {-1, -1, -1}, Arrays.copyOfRange(p, 0, 3));
        assertArrayEquals(new double[] {-1.0 / 3, -1, -1}, Arrays.copyOfRange(p, 3, 6), 1e-15);
        assertArrayEquals(new double[] {-1, -1.0 / 3, -1}, Arrays.copyOfRange(p, 12, 15), 1e-15);
        assertArrayEquals(new double[] {1, 1, 1}, Arrays.copyOfRange(p, 63 * 3, 64 * 3));
        for (int i = 0; i < s.count(); i++) {
            assertEquals(t.value(p, 3 * i), s.values()[i]);
        }
    }

    @Test
    void uniformPointsAreSeededAndInsideTheBox() {
        Target t = Targets.create("exp_cos", 2);
        SampleSet a = Samplers.uniform(t, 500, 42);
        SampleSet b = Samplers.uniform(t, 500, 42);
        SampleSet c = Samplers.uniform(t, 500, 43);
        assertArrayEquals(a.points(), b.points());
        assertFalse(Arrays.equals(a.points(), c.points()));
        assertFalse(a.isGrid());
        double mean = 0;
        for (double x : a.points()) {
            assertTrue(x >= -1 && x < 1);
            mean += x / a.points().length;
        }
        assertEquals(0, mean, 0.05); // 1000 uniform draws on [-1, 1]: standard error 0.018
    }

    @Test
    void testAndTrainingStreamsOfOneSeedDiffer() {
        Target t = Targets.create("seed2d", 2);
        assertFalse(Arrays.equals(Samplers.test(t, 10, 0).points(), Samplers.uniform(t, 10, 0).points()));
        assertArrayEquals(Samplers.test(t, 10, 0).points(), Samplers.test(t, 10, 0).points());
    }

    @Test
    void emptyOrNegativeCountsNameTheArgument() {
        Target t = Targets.create("seed2d", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Samplers.uniform(t, 0, 1));
        assertTrue(e.getMessage().contains("points"), e.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> Samplers.grid(Targets.create("gaussian", 8), 100));
        assertTrue(huge.getMessage().contains("grid_n"), huge.getMessage());
    }
}
