package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.relufem.method.Fit;
import org.relufem.method.Stage;
import org.relufem.method.net.optim.Adam;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

class NetTrainingTest {
    private static final SampleSet GRID = Samplers.grid(Targets.create("seed2d", 2), 12);

    private static double[] weights(Fit fit, int stage) {
        return ((Network) fit.stages().get(stage).approximant()).parameterVector();
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndLossesOtherSeedsDiffer() {
        Fit a = new NetTraining(16, 2, "adam", 1e-2, List.of(50), 3).fitStages(GRID);
        Fit b = new NetTraining(16, 2, "adam", 1e-2, List.of(50), 3).fitStages(GRID);
        Fit c = new NetTraining(16, 2, "adam", 1e-2, List.of(50), 4).fitStages(GRID);
        assertArrayEquals(weights(a, 0), weights(b, 0));
        assertArrayEquals(a.lossHistory(), b.lossHistory());
        assertFalse(Arrays.equals(weights(a, 0), weights(c, 0)));
        assertTrue(a.stages().get(0).trainMse() != c.stages().get(0).trainMse());
    }

    @Test
    void checkpointsOfOneRunEqualSeparateRuns() {
        Fit together = new NetTraining(10, 1, "adam", 1e-2, List.of(40, 5, 20), 1).fitStages(GRID);
        assertEquals(List.of(5, 20, 40), together.stages().stream().map(Stage::epochs).toList());
        for (int i = 0; i < 3; i++) {
            int epochs = together.stages().get(i).epochs();
            Fit alone = new NetTraining(10, 1, "adam", 1e-2, List.of(epochs), 1).fitStages(GRID);
            assertArrayEquals(weights(alone, 0), weights(together, i), "epochs " + epochs);
            assertEquals(alone.stages().get(0).trainMse(), together.stages().get(i).trainMse());
        }
        assertEquals(40, together.lossHistory().length);
    }

    @Test
    void trainingLowersTheLossAndTrainMseIsTheMseAfterTheLastStep() {
        Fit fit = new NetTraining(20, 1, "adam", 1e-2, List.of(300), 0).fitStages(GRID);
        double[] history = fit.lossHistory();
        assertTrue(history[299] < 0.1 * history[0], "loss " + history[0] + " -> " + history[299]);
        Stage last = fit.stages().get(0);
        // The recorded loss is taken before each step; train_mse after the last one, so they are close, not equal.
        assertEquals(history[299], last.trainMse(), 0.05 * history[299]);
        assertEquals(20 * 3 + 21, last.approximant().degreesOfFreedom());
    }

    @Test
    void miniBatchesAreSeededAndStepPerBatch() {
        Fit a = new NetTraining(12, 1, "adam", 1e-2, List.of(30), 5, 32).fitStages(GRID);
        Fit b = new NetTraining(12, 1, "adam", 1e-2, List.of(30), 5, 32).fitStages(GRID);
        Fit full = new NetTraining(12, 1, "adam", 1e-2, List.of(30), 5).fitStages(GRID);
        assertArrayEquals(weights(a, 0), weights(b, 0));
        // 144 points in batches of 32: 5 steps per epoch, so mini-batch training gets further in 30 epochs.
        assertTrue(a.stages().get(0).trainMse() < full.stages().get(0).trainMse());
    }

    @Test
    void aNonFiniteLossIsReportedAsDivergenceNotThrown() {
        Fit fit = new NetTraining(50, 4, "adam", 1e150, List.of(5, 500), 0).fitStages(GRID);
        for (Stage s : fit.stages()) {
            assertEquals(Stage.Status.DIVERGED, s.status());
            assertNull(s.approximant());
            assertTrue(s.message().contains("epoch"), s.message());
        }
        assertTrue(fit.lossHistory().length < 500);
        assertFalse(Double.isFinite(fit.lossHistory()[fit.lossHistory().length - 1]));
    }

    @Test
    void aLossThatBlowsUpIsDivergenceEvenWhileFinite() {
        // Adam at lr = 10 throws the weights far out; the loss is finite but thousands of times its start.
        Fit wild = new NetTraining(10, 1, "adam", 10, List.of(1, 100), 0).fitStages(GRID);
        assertEquals(Stage.Status.OK, wild.stages().get(0).status(), "one step is not yet a blow-up");
        assertEquals(Stage.Status.DIVERGED, wild.stages().get(1).status());
        assertTrue(wild.stages().get(1).message().contains("blew up"), wild.stages().get(1).message());
        for (double lr : new double[] {1e-3, 1e-2, 1e-1}) {
            Fit tame = new NetTraining(10, 1, "adam", lr, List.of(1, 100), 0).fitStages(GRID);
            assertEquals(Stage.Status.OK, tame.stages().get(1).status(), "lr " + lr);
        }
    }

    @Test
    void fullBatchOptimisersRefuseMiniBatchesButAcceptABatchOfAllThePoints() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetTraining(5, 1, "lbfgs", 1, List.of(2), 0, 16).fitStages(GRID));
        assertTrue(e.getMessage().contains("needs the full batch"), e.getMessage());
        // the sweep passes full batch as the point count (144 on the 12 x 12 grid)
        Fit fit = new NetTraining(5, 1, "lbfgs", 1, List.of(2), 0, GRID.count()).fitStages(GRID);
        assertEquals(Stage.Status.OK, fit.stages().get(0).status());
    }

    @Test
    void aTrainingStepAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int[] shape : new int[][] {{100, 1, 0}, {30, 3, 0}, {40, 2, 50}}) {
            Network net = Network.torchDefault(2, shape[0], shape[1], new SplittableRandom(1));
            MseObjective objective = new MseObjective(net, GRID, shape[2] == 0 ? GRID.count() : shape[2],
                    new SplittableRandom(2));
            Adam adam = new Adam(1e-3);
            for (int i = 0; i < 2000; i++) { // warm up: JIT compilation, optimiser state
                objective.nextBatch();
                adam.step(objective);
            }
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 200; i++) {
                objective.nextBatch();
                adam.step(objective);
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertTrue(allocated < 1024, "200 steps of " + Arrays.toString(shape) + " allocated " + allocated + " bytes");
        }
    }

    @Test
    void badArgumentsNameTheArgument() {
        assertMessage("width", () -> new NetTraining(0, 1, "adam", 1e-3, List.of(10), 0));
        assertMessage("depth", () -> new NetTraining(5, 0, "adam", 1e-3, List.of(10), 0));
        assertMessage("lr", () -> new NetTraining(5, 1, "adam", -1e-3, List.of(10), 0));
        assertMessage("epochs", () -> new NetTraining(5, 1, "adam", 1e-3, List.of(0), 0));
        assertMessage("epochs", () -> new NetTraining(5, 1, "adam", 1e-3, List.of(), 0));
        assertMessage("batch_size", () -> new NetTraining(5, 1, "adam", 1e-3, List.of(10), 0, -2));
        assertMessage("optimizer", () -> new NetTraining(5, 1, "sgd", 1e-3, List.of(10), 0));
        assertMessage("d", () -> Network.torchDefault(0, 5, 1, new SplittableRandom(0)));
        SampleSet empty = new SampleSet(2, new double[0], new double[0], null);
        assertMessage("empty", () -> new NetTraining(5, 1, "adam", 1e-3, List.of(10), 0).fit(empty));
    }

    static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should name " + fragment);
    }
}
