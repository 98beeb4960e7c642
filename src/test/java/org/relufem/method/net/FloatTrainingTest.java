package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.method.Fit;
import org.relufem.method.Stage;
import org.relufem.metric.Errors;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/** Training in float32 through NetTraining: reproducible, with every option the float64 loop has. */
class FloatTrainingTest {
    private static final SampleSet GRID = Samplers.grid(Targets.create("seed2d", 2), 10);

    private static NetTraining training(int depth, int batchSize, Double lrEnd, boolean lowestLoss) {
        return new NetTraining(Architecture.relu(24, depth), "adam", 1e-2, List.of(30, 200), 4, batchSize,
                Initializers.TORCH, lrEnd, null, null, lowestLoss, Precision.FLOAT32);
    }

    @Test
    void aRunIsReproducibleBitForBitAndItsNetworksHoldFloatWeights() {
        for (int depth : new int[] {1, 3}) {
            Fit a = training(depth, 0, null, false).fitStages(GRID);
            Fit b = training(depth, 0, null, false).fitStages(GRID);
            assertArrayEquals(a.lossHistory(), b.lossHistory());
            for (int s = 0; s < 2; s++) {
                double[] p = a.stages().get(s).approximant().parameterVector();
                assertArrayEquals(p, b.stages().get(s).approximant().parameterVector());
                for (double v : p) {
                    assertEquals(v, (double) (float) v, "a float32 weight widened");
                }
            }
            double first = a.lossHistory()[0];
            double last = a.lossHistory()[199];
            assertTrue(last < 0.2 * first, "depth " + depth + ": loss " + first + " -> " + last);
            Stage end = a.stages().get(1);
            assertEquals(Errors.of(end.approximant(), GRID).mse(), end.trainMse(), "the row's train MSE is float64's");
        }
    }

    @Test
    void miniBatchesAndTheLrDecayTrain() {
        Fit batches = training(1, 16, 1e-3, false).fitStages(GRID);
        Fit layered = training(2, 16, 1e-3, false).fitStages(GRID);
        for (Fit f : List.of(batches, layered)) {
            assertEquals(Stage.Status.OK, f.stages().get(1).status());
            assertTrue(f.stages().get(1).trainMse() < 0.3 * f.lossHistory()[0], "trained: " + f.stages().get(1).trainMse());
        }
    }

    @Test
    void theLowestLossCheckpointHoldsTheBestEpochsFloatNetwork() {
        Fit fit = training(1, 0, null, true).fitStages(GRID);
        double[] history = fit.lossHistory();
        double best = Double.POSITIVE_INFINITY;
        for (double v : history) {
            best = Math.min(best, v);
        }
        // the reported network is the one whose float loss was the lowest; float64 measures it again
        assertEquals(best, fit.stages().get(1).trainMse(), 1e-5 * best);
    }

    @Test
    void otherOptimisersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetTraining(
                Architecture.relu(4, 1), "lbfgs", 1, List.of(5), 0, 0, Initializers.TORCH, null, null, null, false,
                Precision.FLOAT32));
        assertTrue(e.getMessage().startsWith(NetTraining.FLOAT32_OPTIMIZERS), e.getMessage());
    }
}
