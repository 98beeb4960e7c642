package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.method.Fit;
import org.relufem.method.net.optim.Adam;
import org.relufem.sample.RandomStreams;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/** lr_end: exponential decay from lr at epoch 1 to lr_end at the last epoch (Adcock &amp; Dexter 2021). */
class LearningRateScheduleTest {
    private static final SampleSet GRID = Samplers.grid(Targets.create("seed2d", 2), 10);

    private static double[] weights(Fit fit, int stage) {
        return ((Network) fit.stages().get(stage).approximant()).parameterVector();
    }

    private static NetTraining adam(double lr, Double lrEnd, int batchSize, List<Integer> epochs) {
        return new NetTraining(10, 2, "adam", lr, epochs, 6, batchSize, Initializers.TORCH, lrEnd, null);
    }

    @Test
    void ratesFollowTheFormulaAtBothEndsAndTheMiddle() {
        LearningRateSchedule s = new LearningRateSchedule(1e-2, 1e-4, 101);
        assertEquals(1e-2, s.rate(1));
        assertEquals(1e-4, s.rate(101), 1e-4 * 1e-14);
        assertEquals(1e-3, s.rate(51), 1e-3 * 1e-14, "the geometric mean halfway");
        assertEquals(1e-2 * Math.pow(1e-2, 10 / 100.0), s.rate(11), 1e-3 * 1e-14);
        for (int e = 2; e <= 101; e++) {
            assertEquals(Math.pow(1e-2, 1 / 100.0), s.rate(e) / s.rate(e - 1), 1e-13, "constant ratio at " + e);
        }
        assertEquals(0.5, new LearningRateSchedule(0.5, 1e-9, 1).rate(1), "one epoch: just lr");
        assertEquals(0.5, new LearningRateSchedule(0.5, 0.5, 7).rate(4));
        assertThrows(IllegalArgumentException.class, () -> s.rate(102));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1e-3, 0, 10));
    }

    @Test
    void lrEndEqualToLrReproducesConstantTrainingBitForBit() {
        Fit constant = adam(1e-2, null, 0, List.of(10, 40)).fitStages(GRID);
        Fit flat = adam(1e-2, 1e-2, 0, List.of(10, 40)).fitStages(GRID);
        assertArrayEquals(constant.lossHistory(), flat.lossHistory());
        assertArrayEquals(weights(constant, 0), weights(flat, 0));
        assertArrayEquals(weights(constant, 1), weights(flat, 1));
    }

    @Test
    void aDecayingRunDiffersFromAConstantOneFromTheSecondEpochOn() {
        Fit constant = adam(1e-2, null, 0, List.of(40)).fitStages(GRID);
        Fit decaying = adam(1e-2, 1e-4, 0, List.of(40)).fitStages(GRID);
        assertEquals(constant.lossHistory()[0], decaying.lossHistory()[0], "epoch 1 uses lr in both");
        assertEquals(constant.lossHistory()[1], decaying.lossHistory()[1], "the first step is the same too");
        assertFalse(Arrays.equals(weights(constant, 0), weights(decaying, 0)));
        assertTrue(constant.lossHistory()[39] != decaying.lossHistory()[39]);
    }

    /** Every step of epoch e uses lr_e: the same run by hand, with mini-batches, matches bit for bit. */
    @Test
    void everyStepOfAnEpochUsesThatEpochsRate() {
        int epochs = 12;
        int batch = 32;
        Fit trained = adam(1e-2, 1e-3, batch, List.of(epochs)).fitStages(GRID);

        NetTraining recipe = adam(1e-2, 1e-3, batch, List.of(epochs));
        Network net = recipe.initialNetwork(GRID);
        MseObjective objective = new MseObjective(net, GRID, batch, RandomStreams.of(6, RandomStreams.BATCH));
        Adam opt = new Adam(1e-2);
        LearningRateSchedule schedule = new LearningRateSchedule(1e-2, 1e-3, epochs);
        for (int e = 1; e <= epochs; e++) {
            opt.setLearningRate(schedule.rate(e));
            for (int s = 0; s < objective.batchesPerEpoch(); s++) {
                objective.nextBatch();
                opt.step(objective);
            }
        }
        assertTrue(objective.batchesPerEpoch() > 1);
        assertArrayEquals(net.parameterVector(), weights(trained, 0));
    }

    @Test
    void lrEndIsRefusedWhereLrIsNotAStepSize() {
        for (String optimizer : List.of("lbfgs", "lm")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetTraining(5, 1,
                    optimizer, 1, List.of(3), 0, 0, Initializers.TORCH, 1e-3, null));
            assertTrue(e.getMessage().contains("lr_end"), e.getMessage());
        }
        Fit lsq = new NetTraining(5, 1, "adam_lsq", 1e-2, List.of(3), 0, 0, Initializers.TORCH, 1e-3, null)
                .fitStages(GRID);
        assertTrue(Double.isFinite(lsq.stages().get(0).trainMse()));
    }
}
