package org.relufem.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.relufem.target.Box;
import org.relufem.target.Formula;
import org.relufem.target.PointFunction;

class MaxNormSearchTest {
    static final Box UNIT = Box.cube(2, 0, 1);
    static final double[] PEAK = {0.3137, 0.7071};
    static final double WIDTH = 0.004;
    /** A spike of height 1 and width 0.004, far narrower than the test points' spacing (about 0.03). */
    static final PointFunction SPIKE = new Formula(UNIT, x -> {
        double r2 = (x[0] - PEAK[0]) * (x[0] - PEAK[0]) + (x[1] - PEAK[1]) * (x[1] - PEAK[1]);
        return Math.exp(-r2 / (2 * WIDTH * WIDTH));
    });
    static final PointFunction ZERO = new Formula(UNIT, x -> 0.0);

    static double[] points(int m) {
        Random random = new Random(1);
        double[] p = new double[2 * m];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextDouble();
        }
        return p;
    }

    static double[] values(PointFunction f, double[] points) {
        double[] v = new double[points.length / 2];
        f.values(points, v.length, v);
        return v;
    }

    @Test
    void findsANarrowSpikeThatTheTestSetMisses() {
        double[] points = points(1000);
        double[] truth = values(SPIKE, points);
        double[] predicted = values(ZERO, points);
        double testMax = Errors.of(truth, predicted).maxAbsErr();
        assertTrue(testMax < 0.1, "the test set should miss the spike, got " + testMax);
        MaxNormSearch s = MaxNormSearch.of(SPIKE, ZERO, UNIT, points, truth, predicted);
        assertEquals(1.0, s.maxAbsErr(), 1e-9);
        assertEquals(PEAK[0], s.location()[0], 1e-5);
        assertEquals(PEAK[1], s.location()[1], 1e-5);
        assertTrue(s.evaluations() <= MaxNormSearch.STARTS * MaxNormSearch.BUDGET_PER_START);
    }

    @Test
    void neverReportsLessThanTheTestSetAndNothingWhereThereIsNoError() {
        double[] points = points(200);
        double[] truth = values(SPIKE, points);
        MaxNormSearch exact = MaxNormSearch.of(SPIKE, SPIKE, UNIT, points, truth, truth.clone());
        assertEquals(0.0, exact.maxAbsErr());
        PointFunction tilted = new Formula(UNIT, x -> 0.25 * x[0] - 0.5 * x[1]);
        double[] predicted = values(tilted, points);
        double testMax = Errors.of(truth, predicted).maxAbsErr();
        MaxNormSearch s = MaxNormSearch.of(SPIKE, tilted, UNIT, points, truth, predicted);
        assertTrue(s.maxAbsErr() >= testMax);
        // |spike - tilted| is largest where the spike is or at the corner (0, 1) where the plane is -0.5
        assertTrue(s.maxAbsErr() >= 0.5 - 1e-12, "found " + s.maxAbsErr());
        for (int k = 0; k < 2; k++) {
            assertTrue(s.location()[k] >= 0 && s.location()[k] <= 1, "stays in the box");
        }
    }
}
