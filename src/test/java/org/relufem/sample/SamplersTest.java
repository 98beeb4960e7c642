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
    void theFirst256SobolPointsAreANetOnTheBox() {
        Target t = Targets.create("exp_cos", 2); // on [-1, 1]^2
        SampleSet s = Samplers.sobol(t, 256);
        int[] perColumn = new int[256];
        int[] perRow = new int[256];
        int[] perCell = new int[256];
        for (int i = 0; i < 256; i++) {
            double u = (s.points()[2 * i] + 1) / 2;
            double v = (s.points()[2 * i + 1] + 1) / 2;
            perColumn[(int) (u * 256)]++;
            perRow[(int) (v * 256)]++;
            perCell[(int) (u * 16) * 16 + (int) (v * 16)]++;
            assertEquals(t.value(s.points(), 2 * i), s.values()[i]);
        }
        // a (0, 8, 2)-net in base 2: one point in each of 256 strips per axis and in each 16 x 16 cell
        for (int j = 0; j < 256; j++) {
            assertEquals(1, perColumn[j], "column " + j);
            assertEquals(1, perRow[j], "row " + j);
            assertEquals(1, perCell[j], "cell " + j);
        }
        assertArrayEquals(s.points(), Samplers.sobol(t, 256).points(), "no seed, same points");
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
