package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.relufem.method.net.optim.Adam;
import org.relufem.sample.SampleSet;

/**
 * Three Adam steps on a 2 -> 3 -> 1 net against values produced by an independent numpy
 * re-statement of the forward pass, chain rule and torch's update: src/test/python/adam_reference.py.
 */
class AdamReferenceTest {
    private static final double[] POINTS = {0.1, 0.2, 0.4, 0.9, 0.7, 0.3, 0.95, 0.55};
    private static final double[] VALUES = {0.5, -0.2, 0.3, 0.8};
    private static final double[] INITIAL = {0.3, -0.5, 0.8, 0.1, -0.4, 0.6, 0.05, -0.3, 0.2, 0.7, -0.6, 0.9, 0.1};
    private static final double[] LOSSES = {0.33212825, 0.3102791609568103, 0.29098925670586895};
    private static final double[][] AFTER = {
        {0.30999999969452124, -0.49000000054976767, 0.7900000005266762, 0.10999999792574199, -0.3900000003430944,
            0.5900000016950586, 0.05999999972501032, -0.30999999882214385, 0.20999999948440323, 0.7099999972485906,
            -0.5900000004934007, 0.8900000007951021, 0.1099999995359629},
        {0.3199714296093081, -0.4800256397620005, 0.7800783497267835, 0.1199778574365919, -0.3800739764514535,
            0.5800602018585648, 0.06996758954438095, -0.31955189920331845, 0.21974794313062085, 0.7200067843153153,
            -0.5800586140379508, 0.8799896331708751, 0.1197598250210745},
        {0.3298995197872311, -0.4700700388067166, 0.7703039383104252, 0.1299589058225691, -0.37028822597459354,
            0.5701375557984099, 0.07994124288962934, -0.3279227024009057, 0.22888149478961586, 0.7300367774365069,
            -0.570220537625841, 0.869960385611542, 0.12892283473703353},
    };

    @Test
    void firstThreeStepsMatchTheNumpyReference() {
        Network net = Network.of(2, 3, 1, INITIAL);
        MseObjective objective = new MseObjective(net, new SampleSet(2, POINTS, VALUES, null), 4,
                new SplittableRandom(0));
        Adam adam = new Adam(0.01);
        for (int step = 0; step < 3; step++) {
            assertEquals(LOSSES[step], adam.step(objective), 1e-15, "loss before step " + (step + 1));
            double[] p = net.parameterVector();
            for (int i = 0; i < p.length; i++) {
                assertEquals(AFTER[step][i], p[i], 1e-14, "parameter " + i + " after step " + (step + 1));
            }
        }
    }

    @Test
    void firstStepMovesEveryParameterByLrAgainstItsGradientSign() {
        // Closed form: after one step m/sqrt(v) = g/|g| exactly, so each parameter moves by lr (1 - O(eps/|g|)).
        Network net = Network.of(2, 3, 1, INITIAL);
        MseObjective objective = new MseObjective(net, new SampleSet(2, POINTS, VALUES, null), 4,
                new SplittableRandom(0));
        double[] before = flatten(objective.parameters().values());
        objective.evaluate();
        double[] gradient = flatten(objective.parameters().gradients());
        new Adam(0.01).step(objective);
        double[] after = flatten(objective.parameters().values());
        for (int i = 0; i < after.length; i++) {
            assertEquals(before[i] - 0.01 * Math.signum(gradient[i]), after[i], 1e-8, "parameter " + i);
        }
    }

    private static double[] flatten(double[][] blocks) {
        int n = 0;
        for (double[] b : blocks) {
            n += b.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }
}
