package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.method.Fit;
import org.relufem.method.Stage;
import org.relufem.metric.Errors;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/** depth is an axis up to 30: the layered forward and backward passes handle deep narrow nets. */
class DeepNetworkTest {
    @Test
    void depthThirtyTrainsAndEvaluates() {
        Target target = Targets.create("seed2d", 2);
        SampleSet train = Samplers.grid(target, 6);
        SampleSet test = Samplers.test(target, 200, 0);
        for (Initializer init : List.of(Initializers.TORCH, Initializers.HE)) {
            NetTraining training = new NetTraining(5, 30, "adam", 1e-3, List.of(1, 5), 0, 0, init, null, null);
            Fit fit = training.fitStages(train);
            assertEquals(5, fit.lossHistory().length);
            for (Stage s : fit.stages()) {
                assertEquals(Stage.Status.OK, s.status(), init + ": " + s.message());
                Network net = (Network) s.approximant();
                assertEquals(30, net.depth());
                assertEquals(5L * 3 + 29L * 5 * 6 + 6, net.degreesOfFreedom());
                Errors errors = Errors.of(net, test);
                assertTrue(Double.isFinite(errors.mse()) && errors.mse() < 10, init + ": mse " + errors.mse());
                double[] x = {0.3, 0.7};
                assertEquals(net.value(x, 0), oneValue(net, x), 1e-12, "batched and one-point paths agree");
            }
        }
    }

    private static double oneValue(Network net, double[] x) {
        double[] out = new double[1];
        net.values(x, 1, out);
        return out[0];
    }
}
