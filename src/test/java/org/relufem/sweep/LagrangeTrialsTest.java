package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code lagrange} from a spec: a degree axis on grid data, its degree in the {@code degree} column
 * and trial_id, degree 1 giving q1's numbers, and at equal node count each degree beating the one
 * below on a smooth target.
 */
class LagrangeTrialsTest {
    private static final String SPEC = """
            sweep = orders
            targets = [ { name = gaussian, dim = 2 } ]
            test { points = 4000 }
            methods = [
              { method = lagrange, data { sampler = grid, grid_n = [13, 25] }, degree = [1, 2, 3, 4] }
              { method = q1, data { sampler = grid, grid_n = [13, 25] } }
            ]
            """;

    @Test
    void degreeIsAnAxisAndDegreeOneIsQ1() {
        TrialSpace space = new TrialSpace(SpecParser.parse(SPEC, "orders.conf"));
        assertEquals(10, space.size());
        List<ResultRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < space.size(); i++) {
            ResultRow r = TrialRunner.run(space.trial(i)).get(0);
            assertEquals("ok", r.status(), r.message());
            rows.add(r);
        }
        Column degreeColumn = ResultColumns.all().stream().filter(c -> c.name().equals("degree")).findFirst()
                .orElseThrow();
        for (ResultRow r : rows) {
            assertEquals((long) Math.pow(r.trial().gridN(), 2), r.params(), "params = the node count");
            if (r.trial().method().equals("q1")) {
                assertEquals(null, degreeColumn.value().apply(r));
            }
        }
        ResultRow q1 = rows.stream().filter(r -> r.trial().method().equals("q1") && r.trial().gridN() == 25)
                .findFirst().orElseThrow();
        ResultRow degreeOne = lagrange(rows, degreeColumn, 1);
        assertEquals(q1.errors(), degreeOne.errors(), "lagrange degree 1 is q1, bit for bit");
        assertEquals(q1.search().maxAbsErr(), degreeOne.search().maxAbsErr());
        assertNotEquals(q1.trialId(), degreeOne.trialId());
        // At 625 nodes on a Gaussian each degree beats the one below, in RMSE and in max-norm.
        double previousRmse = Double.POSITIVE_INFINITY;
        double previousMax = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= 4; k++) {
            String tag = "degree " + k;
            ResultRow r = lagrange(rows, degreeColumn, k);
            assertTrue(r.errors().rmse() < 0.5 * previousRmse, tag + ": " + r.errors().rmse());
            assertTrue(r.search().maxAbsErr() < 0.5 * previousMax, tag + ": " + r.search().maxAbsErr());
            previousRmse = r.errors().rmse();
            previousMax = r.search().maxAbsErr();
        }
    }

    /** The lagrange row of degree {@code k} on the 25 x 25 grid, found by its degree column. */
    private static ResultRow lagrange(List<ResultRow> rows, Column degree, int k) {
        List<ResultRow> found = rows.stream().filter(r -> r.trial().method().equals("lagrange")
                && r.trial().gridN() == 25 && Integer.valueOf(k).equals(degree.value().apply(r))).toList();
        assertEquals(1, found.size());
        return found.get(0);
    }
}
