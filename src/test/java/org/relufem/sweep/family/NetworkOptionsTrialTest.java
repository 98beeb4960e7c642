package org.relufem.sweep.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.relufem.sample.Samplers;
import org.relufem.spark.ResultSchema;
import org.relufem.sweep.LossCurve;
import org.relufem.sweep.ResultRow;
import org.relufem.sweep.Trial;
import org.relufem.sweep.TrialRunner;
import org.relufem.sweep.Trials;
import org.relufem.target.Targets;

/** A network trial with init, lr_end and loss_tol yields rows whose new columns are filled. */
class NetworkOptionsTrialTest {
    /** A 2 -> 8 -> 1 net on the 6 x 6 grid, checkpoints at 5, 60 and 100 epochs, with {@code options}. */
    private static Trial net(String options) {
        return Trials.only("{ method = relu_net, data { sampler = grid, grid_n = 6 }, width = 8, lr = 1e-2,"
                + " init_seeds = 3, epochs = [5, 60, 100], " + options + " }", 200, 0);
    }

    private static Object column(ResultRow r, String name) {
        Row row = ResultSchema.toRow(r);
        return row.get(ResultSchema.FILE_SCHEMA.fieldIndex(name));
    }

    @Test
    void heInitDecayAndAnEarlyStopFillTheirColumns() {
        // The stop epoch from the same training without a tolerance: the first loss at or below epoch 40's.
        Trial decay = net("init = he, lr_end = 1e-3");
        double[] history = decay.params().approximator(decay)
                .fitStages(Samplers.grid(Targets.create("seed2d", 2), 6)).lossHistory();
        double tol = history[39];
        int stop = 1;
        while (history[stop - 1] > tol) {
            stop++;
        }
        assertTrue(stop > 5 && stop <= 40, "stop at " + stop);

        Trial trial = net("init = he, lr_end = 1e-3, loss_tol = " + tol);
        List<ResultRow> rows = TrialRunner.run(trial);
        assertEquals(3, rows.size());
        for (ResultRow r : rows) {
            assertEquals("ok", r.status(), r.message());
            assertEquals("he", column(r, "init"));
            assertNull(column(r, "init_std"));
            assertEquals(1e-3, column(r, "lr_end"));
            assertEquals(tol, column(r, "loss_tol"));
        }
        ResultRow before = rows.get(0);
        assertNull(column(before, "stop_epoch"), "the epoch-5 row was trained in full");
        assertEquals(LossCurve.epochs(5).size(), before.lossCurve().length);
        for (ResultRow later : rows.subList(1, 3)) {
            assertEquals(stop, column(later, "stop_epoch"));
            assertEquals(rows.get(1).errors(), later.errors(), "epochs " + later.epochs() + " hold the stopped network");
            assertEquals(rows.get(1).fitSeconds(), later.fitSeconds());
            assertArrayEquals(LossCurve.sample(java.util.Arrays.copyOf(history, stop), stop), later.lossCurve(),
                    "the loss curve covers the epochs trained");
        }
        assertEquals(trial.rowIds(), rows.stream().map(ResultRow::trialId).toList());
    }

    @Test
    void defaultsAndOtherMethodsLeaveTheColumnsNull() {
        ResultRow torch = TrialRunner.run(net("")).get(0);
        assertEquals("torch", column(torch, "init"));
        for (String name : List.of("init_std", "lr_end", "loss_tol", "stop_epoch")) {
            assertNull(column(torch, name), name);
        }
        ResultRow normal = TrialRunner.run(net("init = normal, init_std = 0.2")).get(0);
        assertEquals(0.2, column(normal, "init_std"));
        ResultRow p1 = TrialRunner.run(Trials.only("{ method = p1, data { sampler = grid, grid_n = 6 } }", 200, 0)).get(0);
        for (String name : List.of("init", "init_std", "lr_end", "loss_tol", "stop_epoch")) {
            assertNull(column(p1, name), name);
        }
    }

    @Test
    void aReluFemStartRunsThroughTheRunner() {
        Trial trial = Trials.only("{ method = relu_net, data { sampler = grid, grid_n = 5 }, width = 30, depth = 2,"
                + " lr = 1e-5, epochs = 1, init = relu_fem }", 500, 0);
        ResultRow fem = TrialRunner.run(trial).get(0);
        ResultRow p1 = TrialRunner.run(Trials.only("{ method = p1, data { sampler = grid, grid_n = 5 } }", 500, 0)).get(0);
        assertEquals("ok", fem.status(), fem.message());
        assertEquals("relu_fem", column(fem, "init"));
        assertEquals(p1.errors().mse(), fem.errors().mse(), 0.5 * p1.errors().mse(), "one small step keeps P1's error");
    }
}
