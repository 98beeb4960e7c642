package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.method.Fit;
import org.relufem.method.Stage;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/**
 * checkpoint = lowest_loss (Adcock &amp; Dexter's rule): a checkpoint reports the network whose
 * training loss was the lowest of the epochs so far, not the last one. Adam at a large step (0.3)
 * oscillates, so the two differ.
 */
class LowestLossTest {
    private static final SampleSet GRID = Samplers.grid(Targets.create("seed2d", 2), 12);

    private static NetTraining training(boolean lowestLoss, int batchSize) {
        return new NetTraining(new Architecture(16, 2, Activation.TANH), "adam", 0.3, List.of(50, 300), 1, batchSize,
                Initializers.TORCH, null, null, null, lowestLoss);
    }

    @Test
    void eachCheckpointHoldsTheNetworkOfTheLowestLossSoFar() {
        Fit best = training(true, 0).fitStages(GRID);
        Fit last = training(false, 0).fitStages(GRID);
        assertEquals(Arrays.toString(last.lossHistory()), Arrays.toString(best.lossHistory()), "the same training run");
        double[] h = best.lossHistory();
        for (Stage s : best.stages()) {
            double lowest = Arrays.stream(h, 0, s.epochs()).min().orElseThrow();
            assertEquals(lowest, s.trainMse(), 1e-12 * lowest, "epoch " + s.epochs());
        }
        Stage bestEnd = best.stages().get(1);
        Stage lastEnd = last.stages().get(1);
        assertTrue(bestEnd.trainMse() < lastEnd.trainMse(), "Adam at lr 0.3 should end above its lowest loss: "
                + lastEnd.trainMse() + " vs " + bestEnd.trainMse());
    }

    @Test
    void theRuleNeedsTheFullBatch() {
        assertThrows(IllegalArgumentException.class, () -> training(true, 20).fitStages(GRID));
    }
}
