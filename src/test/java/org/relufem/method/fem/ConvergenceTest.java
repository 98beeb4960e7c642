package org.relufem.method.fem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relufem.metric.Errors;
import org.relufem.metric.RateFit;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/**
 * Interpolation error of P1 and Q1 is O(h^2) in RMSE and in max-norm for smooth targets: the
 * fitted log-log slope against h lies within 2 +- 0.1 in d = 1, 2, 3. Target: Genz's oscillatory
 * family f = cos(c + a s) with s = sum x_i and a = 9/d, whose Hessian a^2 f 11^T is rank one.
 *
 * <p>The finest max error is checked against its sharp bound. Q1 is a tensor product of 1-D linear
 * interpolants, so |e| &lt;= (h^2/8) sum_k max|d_kk f| = d a^2 h^2 / 8. Every Kuhn simplex has the
 * cell's main diagonal as an edge, along which s spans d h, so P1's error reaches (d h)^2 a^2 / 8
 * at the diagonal's midpoint and no more. Random test points come close to either.
 */
class ConvergenceTest {
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        // The linear elements; nearest (rate 1) has its own test.
        for (GridInterpolation m : List.of(GridInterpolation.P1, GridInterpolation.Q1)) {
            b.add(Arguments.of(m, 1, new int[] {9, 17, 33, 65, 129}));
            b.add(Arguments.of(m, 2, new int[] {9, 17, 33, 65}));
            b.add(Arguments.of(m, 3, new int[] {5, 9, 17, 33}));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} d={1}")
    @MethodSource("cases")
    void rmseAndMaxErrorConvergeAtRateTwo(GridInterpolation method, int d, int[] sizes) {
        Target target = Targets.create("oscillatory", d);
        SampleSet test = Samplers.test(target, 20000, 1);
        double[] h = new double[sizes.length];
        double[] rmse = new double[sizes.length];
        double[] max = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            Errors e = Errors.of(method.fit(Samplers.grid(target, sizes[i])), test);
            h[i] = 1.0 / (sizes[i] - 1);
            rmse[i] = e.rmse();
            max[i] = e.maxAbsErr();
        }
        assertEquals(2.0, RateFit.of(h, rmse).slope(), 0.1, "RMSE rate");
        assertEquals(2.0, RateFit.of(h, max).slope(), 0.1, "max-norm rate");
        double a = 9.0 / d;
        double finestH = h[sizes.length - 1];
        double bound = (method == GridInterpolation.P1 ? d * d : d) * a * a * finestH * finestH / 8;
        double finest = max[sizes.length - 1];
        assertTrue(finest <= bound * (1 + 1e-9), "finest max error " + finest + " above the bound " + bound);
        assertTrue(finest > 0.7 * bound, "finest max error " + finest + " far below the sharp bound " + bound);
    }
}
