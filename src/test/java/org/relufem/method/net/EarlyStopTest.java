package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.method.Fit;
import org.relufem.method.Stage;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/** loss_tol: training stops at the first epoch whose recorded loss is at most the tolerance. */
class EarlyStopTest {
    private static final SampleSet GRID = Samplers.grid(Targets.create("seed2d", 2), 10);
    private static final List<Integer> CHECKPOINTS = List.of(10, 100, 200, 300);

    private static NetTraining training(Double lossTol, List<Integer> epochs) {
        return new NetTraining(12, 1, "adam", 1e-2, epochs, 2, 0, Initializers.TORCH, null, lossTol);
    }

    private static double[] weights(Stage stage) {
        return ((Network) stage.approximant()).parameterVector();
    }

    /** The first epoch (1-based) whose loss is at most {@code tol}, or -1. */
    private static int firstAtMost(double[] history, double tol) {
        for (int e = 1; e <= history.length; e++) {
            if (history[e - 1] <= tol) {
                return e;
            }
        }
        return -1;
    }

    @Test
    void aToleranceReachedMidTrainingStopsThereAndLaterCheckpointsHoldThatNetwork() {
        Fit full = training(null, CHECKPOINTS).fitStages(GRID);
        double tol = full.lossHistory()[59]; // the loss of epoch 60, so the stop comes at epoch 60 or before
        int stop = firstAtMost(full.lossHistory(), tol);
        assertTrue(stop > 10 && stop <= 60, "stop epoch " + stop + " lies between the first two checkpoints");

        Fit stopped = training(tol, CHECKPOINTS).fitStages(GRID);
        assertEquals(stop, stopped.stopEpoch());
        assertEquals(stop, stopped.lossHistory().length, "the history covers the epochs trained");
        for (int e = 0; e < stop; e++) {
            assertEquals(full.lossHistory()[e], stopped.lossHistory()[e]);
        }
        assertArrayEquals(weights(full.stages().get(0)), weights(stopped.stages().get(0)), "before the stop");
        double[] atStop = weights(training(null, List.of(stop)).fitStages(GRID).stages().get(0));
        Stage first = stopped.stages().get(1);
        for (int i = 1; i < CHECKPOINTS.size(); i++) {
            Stage s = stopped.stages().get(i);
            assertEquals(CHECKPOINTS.get(i), s.epochs());
            assertEquals(Stage.Status.OK, s.status());
            assertArrayEquals(atStop, weights(s), "checkpoint " + s.epochs() + " holds the network of epoch " + stop);
            assertEquals(first.trainMse(), s.trainMse());
            assertEquals(first.fitSeconds(), s.fitSeconds());
        }
        assertTrue(first.trainMse() > full.stages().get(3).trainMse(), "stopping early left the loss higher");
    }

    @Test
    void aStopOnACheckpointEpochReportsThatCheckpointAsStopped() {
        Fit full = training(null, List.of(30)).fitStages(GRID);
        double tol = full.lossHistory()[19];
        int stop = firstAtMost(full.lossHistory(), tol);
        assertTrue(stop <= 20);
        Fit stopped = training(tol, List.of(stop, 30)).fitStages(GRID);
        assertEquals(stop, stopped.stopEpoch());
        assertSame(stopped.stages().get(0).approximant(), stopped.stages().get(1).approximant());
    }

    @Test
    void aToleranceNeverReachedChangesNothing() {
        Fit full = training(null, CHECKPOINTS).fitStages(GRID);
        Fit loose = training(1e-30, CHECKPOINTS).fitStages(GRID);
        assertNull(loose.stopEpoch());
        assertArrayEquals(full.lossHistory(), loose.lossHistory());
        for (int i = 0; i < CHECKPOINTS.size(); i++) {
            assertArrayEquals(weights(full.stages().get(i)), weights(loose.stages().get(i)));
            assertEquals(full.stages().get(i).trainMse(), loose.stages().get(i).trainMse());
        }
    }
}
