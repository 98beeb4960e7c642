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
        return trainMse(optimizer, lr, width, epochs, 1);
    }

    static double trainMse(String optimizer, double lr, int width, int epochs, long seed) {
        Fit fit = new NetTraining(width, 1, optimizer, lr, List.of(epochs), seed).fitStages(SINE);
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
        NetTrainingTest.assertMessage("batch_size", () -> new NetTraining(8, 1, "lbfgs", 1, List.of(10), 0, 16).fitStages(SINE));
    }

    /**
     * ReLU nets stall in piecewise-linear local minima, LM within a few dozen steps, at a level that
     * depends on the initial breakpoints: 1 -> 20 -> 1 after 200 epochs reaches 1.3e-4 to 4e-3 over
     * seeds 0-4 while Adam (lr 1e-3) is still at 0.14-0.21. So the claim is checked over five seeds:
     * the median ratio at least 100, and no seed with LM worse than a tenth of Adam.
     */
    @Test
    void levenbergMarquardtTrainsAHundredTimesBelowAdamInTheSameNumberOfEpochs() {
        double[] ratios = new double[5];
        for (int seed = 0; seed < ratios.length; seed++) {
            double adam = trainMse("adam", 1e-3, 20, 200, seed);
            double lm = trainMse("lm", 1e-3, 20, 200, seed);
            assertTrue(adam > 1e-2, "Adam at lr 1e-3 should not yet have fitted the sine: " + adam);
            assertTrue(lm > 0, "an exact zero means nothing was computed");
            ratios[seed] = adam / lm;
            assertTrue(ratios[seed] > 10, "seed " + seed + ": lm " + lm + " vs adam " + adam);
        }
        java.util.Arrays.sort(ratios);
        assertTrue(ratios[2] >= 100, "median ratio Adam / LM " + ratios[2]);
    }

    @Test
    void levenbergMarquardtRefusesLargeNetsAndMiniBatches() {
        // 1 -> 100 x 2 -> 1 has 10,401 parameters, over the cap
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new NetTraining(100, 2, "lm", 1e-3, List.of(1), 0).fitStages(SINE));
        assertTrue(e.getMessage().contains("5000"), e.getMessage());
        NetTrainingTest.assertMessage("batch_size", () -> new NetTraining(8, 1, "lm", 1e-3, List.of(10), 0, 16).fitStages(SINE));
    }

    @Test
    void adamWithLeastSquaresOutputTrainsTenTimesBelowAdam() {
        double adam = trainMse("adam", 1e-3, 20, 200);
        double hybrid = trainMse("adam_lsq", 1e-3, 20, 200);
        assertTrue(hybrid < 0.1 * adam, "adam_lsq " + hybrid + " vs adam " + adam);
        assertTrue(hybrid > 0, "an exact zero means nothing was computed");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "depth={0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void afterEveryAdamLsqStepTheOutputLayerIsOptimal(int depth) {
        Network net = Network.torchDefault(1, 12, depth, new java.util.SplittableRandom(4));
        MseObjective objective = new MseObjective(net, SINE, SINE.count(), new java.util.SplittableRandom(0));
        var optimizer = org.relufem.method.net.optim.OptimizerKind.ADAM_LSQ.create(1e-2);
        double[][] gradients = objective.parameters().gradients();
        int weights = gradients.length - 2;
        for (int step = 0; step < 5; step++) {
            optimizer.step(objective);
            objective.evaluate();
            double hidden = 0;
            for (int b = 0; b < weights; b++) {
                for (double g : gradients[b]) {
                    hidden = Math.max(hidden, Math.abs(g));
                }
            }
            for (int b = weights; b < gradients.length; b++) {
                for (double g : gradients[b]) {
                    assertEquals(0, g, 1e-10, "output gradient after step " + step);
                }
            }
            assertTrue(hidden > 1e-6, "the hidden gradient vanished too: nothing was checked");
        }
    }
}
