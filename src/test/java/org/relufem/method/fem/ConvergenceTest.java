package org.relufem.method.fem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Interpolation error on smooth targets falls at the element's order in RMSE and in max-norm: h^2
 * for P1 and Q1, h for nearest; the fitted log-log slope against h lies within 0.1 (0.15 for
 * nearest) of it in d = 1, 2, 3. Target: Genz's oscillatory family f = cos(c + a s) with s = sum
 * x_i and a = 9/d, whose Hessian a^2 f 11^T is rank one.
 *
 * <p>The finest max error is checked against its sharp bound. Q1 is a tensor product of 1-D linear
 * interpolants, so |e| &lt;= (h^2/8) sum_k max|d_kk f| = d a^2 h^2 / 8. Every Kuhn simplex has the
 * cell's main diagonal as an edge, along which s spans d h, so P1's error reaches (d h)^2 a^2 / 8
 * at the diagonal's midpoint and no more. f is a-Lipschitz in s, and s moves by at most d h / 2
 * from a point to its nearest node, so nearest's |e| &lt;= a d h / 2. Random test points come close
 * to each.
 */
class ConvergenceTest {
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (GridInterpolation m : GridInterpolation.values()) {
            b.add(Arguments.of(m, 1, new int[] {9, 17, 33, 65, 129}));
            b.add(Arguments.of(m, 2, new int[] {9, 17, 33, 65}));
            b.add(Arguments.of(m, 3, new int[] {5, 9, 17, 33}));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} d={1}")
    @MethodSource("cases")
    void rmseAndMaxErrorConvergeAtTheElementsOrder(GridInterpolation method, int d, int[] sizes) {
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
        double order = method == GridInterpolation.NEAREST ? 1 : 2;
        double tolerance = method == GridInterpolation.NEAREST ? 0.15 : 0.1;
        assertEquals(order, RateFit.of(h, rmse).slope(), tolerance, "RMSE rate");
        assertEquals(order, RateFit.of(h, max).slope(), tolerance, "max-norm rate");
        double a = 9.0 / d;
        double finestH = h[sizes.length - 1];
        double bound = switch (method) {
            case P1 -> d * d * a * a * finestH * finestH / 8;
            case Q1 -> d * a * a * finestH * finestH / 8;
            case NEAREST -> a * d * finestH / 2;
        };
        double finest = max[sizes.length - 1];
        assertTrue(finest <= bound * (1 + 1e-9), "finest max error " + finest + " above the bound " + bound);
        assertTrue(finest > 0.7 * bound, "finest max error " + finest + " far below the sharp bound " + bound);
    }
}
