package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.method.fem.GridInterpolation;
import org.relufem.method.net.Activation;
import org.relufem.method.net.Architecture;
import org.relufem.metric.Errors;
import org.relufem.sample.Sampler;
import org.relufem.sample.Samplers;
import org.relufem.sweep.family.NetworkOptions;
import org.relufem.sweep.family.NetworkParams;
import org.relufem.target.Target;
import org.relufem.target.Targets;

class TrialRunnerTest {
    private static Trial p1(int n) {
        return Trials.only("{ method = p1, data { sampler = grid, grid_n = " + n + " } }", 500, 3);
    }

    private static Trial net(double lr, List<Integer> epochs, boolean keep) {
        return new Trial(0, "relu_net", "seed2d", 2, new TrainingData(Sampler.UNIFORM, null, 200, 5L), 3, 500,
                new NetworkParams(8, 2, "adam", lr, 200, 1L, epochs, keep, NetworkOptions.DEFAULT));
    }

    /** The 2-D grid of n x n nodes. */
    private static TrainingData grid(int n) {
        return new TrainingData(Sampler.GRID, n, n * n, null);
    }

    @Test
    void aP1RowIsTheNumericalCoreCalledDirectly() {
        List<ResultRow> rows = TrialRunner.run(p1(16));
        assertEquals(1, rows.size());
        ResultRow r = rows.get(0);
        Target seed = Targets.create("seed2d", 2);
        Errors direct = Errors.of(GridInterpolation.P1.fit(Samplers.grid(seed, 16)), Samplers.test(seed, 500, 3));
        assertEquals(direct, r.errors());
        assertEquals("ok", r.status());
        assertEquals(256L, r.params());
        assertNull(r.epochs());
        assertNull(r.lossCurve());
        assertEquals(p1(16).rowIds().get(0), r.trialId());
        // The search starts at the worst test point and climbs: never below the test maximum, and
        // for P1 on a smooth target it finds more than 1000 random points do.
        assertTrue(r.search().maxAbsErr() > r.errors().maxAbsErr(), r.search() + " vs " + r.errors());
        assertEquals(Math.abs(seed.value(r.search().location()) - GridInterpolation.P1.fit(Samplers.grid(seed, 16))
                .value(r.search().location())), r.search().maxAbsErr(), 1e-15);
    }

    @Test
    void aNetworkTrialGivesARowPerCheckpointWithItsLossCurve() {
        List<ResultRow> rows = TrialRunner.run(net(1e-2, List.of(10, 50), true));
        assertEquals(2, rows.size());
        assertEquals(10, rows.get(0).epochs());
        assertEquals(50, rows.get(1).epochs());
        assertArrayEquals(LossCurve.epochs(50).stream().mapToDouble(e -> e).toArray(), new double[] {1, 2, 5, 10, 20, 50});
        assertEquals(4, rows.get(0).lossCurve().length);
        assertEquals(6, rows.get(1).lossCurve().length);
        assertEquals(rows.get(0).lossCurve()[3], rows.get(1).lossCurve()[3]);
        assertTrue(rows.get(1).trainMse() < rows.get(0).trainMse());
        assertEquals(8 * 3 + 8 * 9 + 9, rows.get(1).params());
        assertEquals(rows.get(1).params(), (long) rows.get(1).weights().length);
        assertTrue(rows.get(1).fitSeconds() >= rows.get(0).fitSeconds());
        assertNull(TrialRunner.run(net(1e-2, List.of(10), false)).get(0).weights());
    }

    @Test
    void aThrowingTrialBecomesFailedRowsWithTheReason() {
        Trial broken = new Trial(0, "relu_net", "no_such_target", 2, grid(4), 0, 10,
                new NetworkParams(8, 1, "adam", 1e-3, 16, 0L, List.of(1, 2)));
        List<ResultRow> rows = TrialRunner.run(broken);
        assertEquals(broken.rowIds(), rows.stream().map(ResultRow::trialId).toList());
        for (ResultRow r : rows) {
            assertEquals("failed", r.status());
            assertTrue(r.message().contains("unknown target 'no_such_target'"), r.message());
            assertNull(r.errors());
        }
    }

    @Test
    void aDivergingTrialBecomesDivergedRows() {
        Trial wild = new Trial(0, "relu_net", "seed2d", 2, grid(8), 0, 10,
                new NetworkParams(40, 4, "adam", 1e150, 64, 0L, List.of(3, 300)));
        List<ResultRow> rows = TrialRunner.run(wild);
        assertEquals(2, rows.size());
        for (ResultRow r : rows) {
            assertEquals("diverged", r.status());
            assertNotNull(r.message());
            assertNull(r.errors());
        }
    }

    @Test
    void aTrialOverItsTimeBudgetKeepsTheCheckpointsItReachedAndFailsTheRest() {
        Trial slow = new Trial(0, "relu_net", "seed2d", 2, grid(16), 0, 100,
                new NetworkParams(50, 1, "adam", 1e-3, 256, 0L, List.of(1, 1_000_000)));
        long start = System.nanoTime();
        List<ResultRow> rows = TrialRunner.run(slow, 0.05);
        assertTrue((System.nanoTime() - start) * 1e-9 < 5, "stopped near its budget, not after a million epochs");
        assertEquals("ok", rows.get(0).status());
        assertEquals("failed", rows.get(1).status());
        assertTrue(rows.get(1).message().startsWith("time budget of 0.05 s exceeded after epoch "), rows.get(1).message());
        assertEquals(slow.rowIds(), rows.stream().map(ResultRow::trialId).toList());
    }

    @Test
    void anEpochsAxisTrainsOnceAndEqualsSeparateRuns() {
        // DESIGN.md section 6: epochs [100, 1000, 10000] train once to 10000; rows equal three runs.
        List<Integer> epochs = List.of(100, 1000, 10000);
        Trial together = new Trial(0, "relu_net", "seed2d", 2, grid(6), 0, 200,
                new NetworkParams(6, 1, "adam", 1e-2, 36, 4L, epochs, true, NetworkOptions.DEFAULT));
        List<ResultRow> rows = TrialRunner.run(together);
        for (int i = 0; i < epochs.size(); i++) {
            Trial alone = new Trial(0, "relu_net", "seed2d", 2, grid(6), 0, 200,
                    new NetworkParams(6, 1, "adam", 1e-2, 36, 4L, List.of(epochs.get(i)), true, NetworkOptions.DEFAULT));
            ResultRow separate = TrialRunner.run(alone).get(0);
            ResultRow checkpoint = rows.get(i);
            assertEquals(separate.trialId(), checkpoint.trialId());
            assertEquals(separate.errors(), checkpoint.errors());
            assertEquals(separate.trainMse(), checkpoint.trainMse());
            assertArrayEquals(separate.weights(), checkpoint.weights());
            assertArrayEquals(separate.lossCurve(), checkpoint.lossCurve());
        }
    }

    @Test
    void aBoostedTrialGivesARowPerStageAndEpochWhoseFirstStageIsTheUnboostedTrial() {
        Architecture shape = new Architecture(6, 1, Activation.TANH);
        NetworkParams boosted = new NetworkParams(shape, "lm", 1e-3, 200, 1L, List.of(5, 20), List.of(1, 2), true,
                NetworkOptions.DEFAULT);
        NetworkParams single = new NetworkParams(shape, "lm", 1e-3, 200, 1L, List.of(5, 20), List.of(1), true,
                NetworkOptions.DEFAULT);
        TrainingData data = new TrainingData(Sampler.UNIFORM, null, 200, 5L);
        Trial two = new Trial(0, "relu_net", "sin_pi", 1, data, 3, 500, boosted);
        Trial one = new Trial(0, "relu_net", "sin_pi", 1, data, 3, 500, single);
        assertEquals(one.canonical(), two.canonical(), "boosting stages are per row, like epochs");
        List<ResultRow> rows = TrialRunner.run(two);
        List<ResultRow> alone = TrialRunner.run(one);
        assertEquals(4, rows.size());
        assertEquals(List.of(1, 1, 2, 2), rows.stream().map(ResultRow::boostStage).toList());
        assertEquals(List.of(5, 20, 5, 20), rows.stream().map(ResultRow::epochs).toList());
        assertEquals(two.rowIds(), rows.stream().map(ResultRow::trialId).toList());
        assertEquals(4, java.util.Set.copyOf(two.rowIds()).size());
        for (int i = 0; i < 2; i++) {
            assertEquals(alone.get(i).trialId(), rows.get(i).trialId());
            assertEquals(alone.get(i).errors(), rows.get(i).errors(), "stage 1 is the unboosted network");
            assertEquals(1, alone.get(i).boostStage());
        }
        ResultRow last = rows.get(3);
        assertEquals("ok", last.status(), last.message());
        assertEquals(2 * alone.get(1).params() + 1, last.params(), "both networks and the second's scale");
        assertEquals(last.params().intValue(), last.weights().length);
        assertTrue(last.errors().mse() < rows.get(1).errors().mse(), "stage 2 improves on stage 1");
    }
}
