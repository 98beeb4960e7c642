package org.relufem.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.relufem.method.Approximant;
import org.relufem.method.fem.GridInterpolation;
import org.relufem.sample.Samplers;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/** The standard error of the MSE: its formula, and that it predicts the MSE's spread across test sets. */
class MseStderrTest {
    @Test
    void standardErrorOfKnownSquaredErrors() {
        // squared errors 0, 4, 1, 0: mean 1.25, sample variance 10.75 / 3, over m = 4
        Errors e = Errors.of(new double[] {3, 4, 0, 0}, new double[] {3, 2, 1, 0});
        assertEquals(Math.sqrt(10.75 / 3 / 4), e.mseStderr(), 1e-15);
        assertTrue(Double.isNaN(Errors.of(new double[] {1}, new double[] {2}).mseStderr()), "no spread from one point");
        assertEquals(0, Errors.of(new double[] {1, 2}, new double[] {2, 3}).mseStderr(), 0.0);
    }

    /**
     * P1 on seed2d's 16 x 16 grid, measured on 50 test sets of 1000 points (test seeds 0..49): the
     * standard deviation of the 50 MSEs and the median of their standard errors agree within 30%
     * (the spread of 50 draws is itself known to about 10%).
     */
    @Test
    void predictsTheSpreadOfTheMseOverTestSeeds() {
        Target f = Targets.create("seed2d", 2);
        Approximant g = GridInterpolation.P1.fit(Samplers.grid(f, 16));
        int seeds = 50;
        double[] mse = new double[seeds];
        double[] stderr = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            Errors e = Errors.of(g, Samplers.test(f, 1000, s));
            mse[s] = e.mse();
            stderr[s] = e.mseStderr();
        }
        double mean = Arrays.stream(mse).average().orElseThrow();
        double spread = Math.sqrt(Arrays.stream(mse).map(v -> (v - mean) * (v - mean)).sum() / (seeds - 1));
        Arrays.sort(stderr);
        double median = (stderr[seeds / 2 - 1] + stderr[seeds / 2]) / 2;
        assertEquals(1, median / spread, 0.3, "median stderr " + median + " vs the MSE's spread " + spread);
        assertTrue(spread < 0.2 * mean, "the test sets must be large enough for a meaningful spread");
    }
}
