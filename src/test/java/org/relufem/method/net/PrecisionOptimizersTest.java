package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.method.Fit;
import org.relufem.method.Stage;
import org.relufem.sample.SampleSet;

/**
 * The gap issue 7 asks relufem to show (Michaud, Liu &amp; Tegmark, "Precision machine learning",
 * 2023): on a smooth 1-D target, second-order optimisers reach training errors orders of magnitude
 * below Adam's in the same number of steps.
 */
class PrecisionOptimizersTest {
    /** sin(pi x) on 64 equispaced points of [-1, 1]. */
    static final SampleSet SINE = sine(64);

    static SampleSet sine(int count) {
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = -1 + 2.0 * i / (count - 1);
            y[i] = Math.sin(Math.PI * x[i]);
        }
        return new SampleSet(1, x, y, null);
    }

    static double trainMse(String optimizer, double lr, int width, int epochs) {
        Fit fit = new NetTraining(width, 1, optimizer, lr, List.of(epochs), 1).fitStages(SINE);
        Stage stage = fit.stages().get(0);
        assertEquals(Stage.Status.OK, stage.status(), optimizer + ": " + stage.message());
        return stage.trainMse();
    }

    @Test
    void lbfgsTrainsFarBelowAdamInTheSameNumberOfSteps() {
        double adam = trainMse("adam", 1e-3, 20, 500);
        double lbfgs = trainMse("lbfgs", 1, 20, 500);
        assertTrue(adam > 1e-4, "Adam at lr 1e-3 should not yet have fitted the sine: " + adam);
        assertTrue(lbfgs < 1e-2 * adam, "lbfgs " + lbfgs + " vs adam " + adam);
        assertTrue(lbfgs > 0, "an exact zero means nothing was computed");
    }

    @Test
    void lbfgsIsDeterministicAndRefusesMiniBatches() {
        Fit a = new NetTraining(8, 2, "lbfgs", 1, List.of(30), 2).fitStages(SINE);
        Fit b = new NetTraining(8, 2, "lbfgs", 1, List.of(30), 2).fitStages(SINE);
        assertEquals(a.stages().get(0).trainMse(), b.stages().get(0).trainMse());
        NetTrainingTest.assertMessage("batch_size", () -> new NetTraining(8, 1, "lbfgs", 1, List.of(10), 0, 16));
    }
}
