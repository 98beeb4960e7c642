package org.relufem.sweep.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.relufem.spark.ResultSchema;
import org.relufem.sweep.ResultRow;
import org.relufem.sweep.Trial;
import org.relufem.sweep.TrialRunner;
import org.relufem.sweep.TrialSpace;
import org.relufem.sweep.Trials;

/**
 * {@code precision = [float64, float32]}: float64 trials keep the ids they had before the key, float32
 * trials get ids of their own, and every row says which precision trained it.
 */
class PrecisionTrialTest {
    private static final String BLOCK = "{ method = relu_net, data { sampler = grid, grid_n = 8 }, width = [12, 20],"
            + " depth = [1, 2], lr = 1e-2, init_seeds = [0, 1], epochs = [20, 50]%s }";

    private static TrialSpace space(String extra) {
        return Trials.space(String.format(BLOCK, extra), 300, 0);
    }

    private static List<String> ids(TrialSpace space) {
        List<String> out = new java.util.ArrayList<>();
        for (long i = 0; i < space.size(); i++) {
            out.addAll(space.trial(i).rowIds());
        }
        return out;
    }

    private static Object column(ResultRow r, String name) {
        Row row = ResultSchema.toRow(r);
        return row.get(ResultSchema.FILE_SCHEMA.fieldIndex(name));
    }

    @Test
    void float64KeepsItsIdsAndFloat32HasItsOwn() {
        List<String> before = ids(space(""));
        assertEquals(before, ids(space(", precision = float64")));
        List<String> both = ids(space(", precision = [float64, float32]"));
        List<String> float32 = ids(space(", precision = float32"));
        assertEquals(2 * before.size(), both.size());
        Set<String> distinct = new HashSet<>(both);
        assertEquals(both.size(), distinct.size(), "every row id is distinct");
        assertTrue(distinct.containsAll(before) && distinct.containsAll(float32));
        assertTrue(float32.stream().noneMatch(before::contains));
    }

    @Test
    void rowsSayWhichPrecisionTrainedThem() {
        TrialSpace space = space(", precision = [float64, float32], width = 12, depth = 2, init_seeds = 0");
        assertEquals(2, space.size());
        for (long i = 0; i < space.size(); i++) {
            Trial trial = space.trial(i);
            String precision = ((NetworkParams) trial.params()).precision().label();
            List<ResultRow> rows = TrialRunner.run(trial);
            assertEquals(2, rows.size());
            for (ResultRow r : rows) {
                assertEquals("ok", r.status(), r.message());
                assertEquals(precision, column(r, "precision"));
                assertTrue(r.errors().mse() < 1, "trained: test MSE " + r.errors().mse());
            }
        }
        ResultRow p1 = TrialRunner.run(Trials.only("{ method = p1, data { sampler = grid, grid_n = 6 } }", 200, 0))
                .get(0);
        assertEquals(null, column(p1, "precision"));
        ResultRow f64 = TrialRunner.run(space.trial(0)).get(1);
        ResultRow f32 = TrialRunner.run(space.trial(1)).get(1);
        assertNotEquals(f64.errors().mse(), f32.errors().mse(), "float32 trained in float");
        assertEquals(f64.errors().mse(), f32.errors().mse(), 0.05 * f64.errors().mse(), "the same start and steps");
    }
}
