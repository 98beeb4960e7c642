package org.relufem.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.report.ResultsTable;
import org.relufem.sweep.ResultRow;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialRunner;
import org.relufem.sweep.TrialSpace;

/**
 * Formula and data targets travel to Spark's tasks as their definitions: formulas are compiled
 * there, data targets carry their rows.
 */
class FormulaSweepTest {
    static final String SPEC = """
            sweep = formulas
            targets = [
              { name = bump, formula = "exp(-((x - 0.3)^2 + (y - 0.6)^2) / 0.01)", box = [[0, 1], [0, 1]] }
              { name = ramp, formula = "if(x1 < 0.5, 0, x1 - 0.5) + x2 * x3", box = [[0, 1], [-1, 1], [2, 3]] }
            ]
            test { points = 200, seeds = [0, 1] }
            methods = [
              { method = p1, data { sampler = grid, grid_n = [5, 9] } }
              { method = relu_net, data { sampler = uniform, points = 50 }, width = 4, epochs = [2, 5] }
            ]
            """;

    /** conf/data.conf's plate data. */
    static final String DATA_SPEC = """
            sweep = data-rows
            targets = [ { name = plate, data = "conf/data/plate.csv", inputs = [x, y], output = w } ]
            methods = [
              { method = p1_scattered, data { sampler = file, points = [100, 960], seeds = [0] } }
              { method = relu_net, data { sampler = file }, width = 4, epochs = [2, 5] }
            ]
            """;

    @TempDir
    Path dir;

    @Test
    void formulaTargetsGiveThePlannedRowsWithTheNumbersOfTheTrialsRunDirectly() {
        sweepMatchesTheTrialsRunDirectly(SpecParser.parse(SPEC, "formulas.conf"), "out");
    }

    @Test
    void dataTargetsGiveThePlannedRowsWithTheNumbersOfTheTrialsRunDirectly() {
        sweepMatchesTheTrialsRunDirectly(SpecParser.parse(DATA_SPEC, "data.conf"), "data-out");
    }

    private void sweepMatchesTheTrialsRunDirectly(SweepSpec spec, String outName) {
        SparkSession spark = SharedSpark.get();
        String out = dir.resolve(outName).toString();
        SweepJob.run(spark, spec, out, SweepJob.Options.DEFAULT);
        ResultsTable.register(spark, out);
        TrialSpace space = new TrialSpace(spec);
        List<Row> rows = spark.sql("SELECT trial_id, target, dim, status, mse FROM trials WHERE sweep = '" + spec.name()
                + "'").collectAsList();
        assertEquals(space.rowCount(), rows.size());
        java.util.Map<String, Row> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put(r.getString(0), r));
        for (long i = 0; i < space.size(); i++) {
            for (ResultRow direct : TrialRunner.run(space.trial(i))) {
                Row r = byId.get(direct.trialId());
                assertEquals(direct.trial().target(), r.getString(1));
                assertEquals(direct.trial().dim(), r.getInt(2));
                assertEquals("ok", r.getString(3));
                assertEquals(direct.errors().mse(), r.getDouble(4), direct.trial().canonical());
            }
        }
    }
}
