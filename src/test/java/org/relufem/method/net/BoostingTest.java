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

/**
 * Boosting (Michaud, Liu &amp; Tegmark): a second network trained on the first's residual, scaled to
 * unit mean absolute value, takes a smooth fit's error down by more than an order of magnitude.
 */
class BoostingTest {
    private static final Target SIN = Targets.create("sin_pi", 1);
    private static final SampleSet TRAIN = Samplers.uniform(SIN, 300, 0);
    private static final SampleSet TEST = Samplers.test(SIN, 10_000, 12345);

    private static NetTraining stage() {
        return new NetTraining(new Architecture(20, 1, Activation.TANH), "lm", 1e-3, List.of(100, 1000), 0, 0,
                Initializers.TORCH, null, null, null);
    }

    @Test
    void theSecondStageIsMoreThanTenTimesBelowTheFirstAndTheFirstIsTheUnboostedFit() {
        List<Fit> rounds = new Boosting(stage(), List.of(1, 2)).fitRounds(TRAIN, Double.POSITIVE_INFINITY);
        assertEquals(2, rounds.size());
        Stage first = rounds.get(0).stages().get(1);
        Stage second = rounds.get(1).stages().get(1);
        assertEquals(Stage.Status.OK, second.status(), second.message());
        double e1 = Errors.of(first.approximant(), TEST).rmse();
        double e2 = Errors.of(second.approximant(), TEST).rmse();
        assertTrue(e2 * 10 <= e1, "stage 1 test RMSE " + e1 + ", stage 2 " + e2);
        Network alone = (Network) stage().fitStages(TRAIN).stages().get(1).approximant();
        assertEquals(Errors.of(alone, TEST).rmse(), e1, 0.0, "stage 1 is the unboosted network");
        assertTrue(second.fitSeconds() > first.fitSeconds(), "stage 2's time counts stage 1's");
        assertEquals(2 * alone.degreesOfFreedom() + 1, second.approximant().degreesOfFreedom(), "both nets and a scale");
        assertEquals(Errors.of(second.approximant(), TRAIN).mse(), second.trainMse(), 1e-15 + 1e-9 * second.trainMse(),
                "train_mse is the sum's on the data");
    }

    @Test
    void theSumIsTheScaledStagesAndItsParametersRebuildIt() {
        Network a = Network.torchDefault(1, 4, 1, new java.util.SplittableRandom(1)).withActivation(Activation.TANH);
        Network b = Network.torchDefault(1, 4, 1, new java.util.SplittableRandom(2)).withActivation(Activation.TANH);
        BoostedNetwork g = new BoostedNetwork(List.of(a), new double[] {1}).plus(0.25, b);
        double[] x = {0.3};
        assertEquals(a.value(x, 0) + 0.25 * b.value(x, 0), g.value(x, 0), 1e-16);
        double[] p = g.parameterVector();
        assertEquals(a.degreesOfFreedom() + 1 + b.degreesOfFreedom(), p.length);
        assertEquals(0.25, p[(int) a.degreesOfFreedom()], 0.0);
    }

    @Test
    void aStageThatDidNotTrainEndsBoostingWithTheReasonOnEveryLaterRow() {
        List<Fit> rounds = new Boosting(stage(), List.of(1, 2, 3)).fitRounds(TRAIN, 1e-9); // out of time at once
        assertEquals(3, rounds.size());
        assertEquals(Stage.Status.FAILED, rounds.get(0).stages().get(1).status());
        for (Fit later : rounds.subList(1, 3)) {
            assertEquals(2, later.stages().size());
            for (Stage s : later.stages()) {
                assertEquals(Stage.Status.FAILED, s.status());
                assertTrue(s.message().startsWith("boosting stage 1 did not train: time budget"), s.message());
            }
        }
    }
}
