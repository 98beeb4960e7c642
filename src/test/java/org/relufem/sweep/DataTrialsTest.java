package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.method.Approximant;
import org.relufem.method.poly.IndexSet;
import org.relufem.method.poly.PolyLsq;
import org.relufem.sample.DataSplit;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Box;
import org.relufem.target.FormulaTarget;
import org.relufem.target.TargetDefinition;

/** Data targets: samples of a function in a CSV file, split into training and held-out rows. */
class DataTrialsTest {
    static final String SEED = "sin(pi*x)*cos(pi*y) + 0.1*(x^2 + y^2)";

    @TempDir
    static Path dir;

    /** A CSV of the seed function at {@code rows} uniform points of the unit square (seed 7). */
    static Path csv(String name, int rows) throws Exception {
        SampleSet s = Samplers.uniform(FormulaTarget.parse("f", SEED, Box.cube(2, 0, 1)), rows, 7);
        StringBuilder text = new StringBuilder("x,y,f\n");
        for (int i = 0; i < rows; i++) {
            text.append(s.points()[2 * i]).append(',').append(s.points()[2 * i + 1]).append(',').append(s.values()[i])
                    .append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }

    static SweepSpec spec(String target, String method, int testPoints) {
        return SpecParser.parse("""
                sweep = d
                targets = [ %s ]
                test { points = %d, seeds = [0] }
                methods = [ %s ]
                """.formatted(target, testPoints, method), "data.conf");
    }

    static String dataTarget(Path file, String more) {
        return "{ name = seed-data, data = \"" + file + "\", inputs = [x, y], output = f" + more + " }";
    }

    @Test
    void heldOutErrorsAgreeWithTheFormulaTargetsWithinMonteCarloNoise() throws Exception {
        // 3000 rows, a third held out: 1000 test rows and 2000 training rows, against the formula
        // target fitted on 2000 uniform points and tested on 1000 others.
        Path file = csv("seed.csv", 3000);
        String poly = "{ method = poly_lsq, data { sampler = %s }, degree = 6 }";
        Trial onData = new TrialSpace(spec(dataTarget(file, ", test_fraction = 0.33333333, split_seed = 3"),
                poly.formatted("file"), 1)).trial(0);
        Trial onFormula = new TrialSpace(spec("{ name = seed-formula, formula = \"" + SEED + "\", box = [[0, 1], [0, 1]] }",
                poly.formatted("uniform, points = 2000"), 1000)).trial(0);
        assertEquals(1000, onData.testPoints());
        assertEquals(2000, onData.data().points());
        double data = TrialRunner.run(onData).get(0).errors().mse();
        double formula = TrialRunner.run(onFormula).get(0).errors().mse();
        // The bound: each MSE averages e^2 over 1000 independent uniform points, so its standard
        // error is sd(e^2) / sqrt(1000), measured here on the formula's fit; the two fits (2000
        // points each, 28 coefficients) differ by a few percent more. Four combined standard errors
        // plus 10%:
        Approximant fit = new PolyLsq(Box.cube(2, 0, 1), IndexSet.of(IndexSet.Kind.TOTAL_DEGREE, 2, 6))
                .fit(Samplers.uniform(FormulaTarget.parse("f", SEED, Box.cube(2, 0, 1)), 2000, 0));
        SampleSet test = Samplers.test(FormulaTarget.parse("f", SEED, Box.cube(2, 0, 1)), 1000, 0);
        double[] e2 = new double[1000];
        for (int i = 0; i < 1000; i++) {
            double e = fit.value(test.points(), 2 * i) - test.values()[i];
            e2[i] = e * e;
        }
        double mean = Arrays.stream(e2).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(e2).map(v -> (v - mean) * (v - mean)).sum() / 999);
        double bound = 4 * Math.sqrt(2) * sd / Math.sqrt(1000) + 0.1 * formula;
        assertTrue(Math.abs(data - formula) <= bound, data + " vs " + formula + " (bound " + bound + ")");
        assertTrue(formula > 1e-12 && formula < 1e-4, "degree 6 on the seed function: " + formula);
    }

    @Test
    void theSplitIsAPartitionFixedByTheSeed() throws Exception {
        Path file = csv("split.csv", 500);
        TargetDefinition.OfData a = definition(file, 0);
        int[] test = DataSplit.testRows(a);
        int[] train = DataSplit.trainingRows(a);
        assertEquals(100, test.length);
        assertEquals(400, train.length);
        Set<Integer> all = new HashSet<>();
        Arrays.stream(test).forEach(all::add);
        Arrays.stream(train).forEach(all::add);
        assertEquals(500, all.size());
        assertArrayEquals(test, DataSplit.testRows(definition(file, 0)));
        assertNotEquals(Arrays.toString(test), Arrays.toString(DataSplit.testRows(definition(file, 1))));
        // A subsample draws training rows only, the same for the same seed.
        SampleSet sub = DataSplit.training(a, 50, 4L);
        assertArrayEquals(sub.values(), DataSplit.training(a, 50, 4L).values());
        Set<Double> held = new HashSet<>();
        Arrays.stream(DataSplit.test(a).values()).forEach(held::add);
        Arrays.stream(sub.values()).forEach(v -> assertTrue(!held.contains(v), "a held-out row in the training set"));
    }

    private static TargetDefinition.OfData definition(Path file, long splitSeed) {
        return (TargetDefinition.OfData) spec(dataTarget(file, ", split_seed = " + splitSeed),
                "{ method = p1_scattered, data { sampler = file } }", 1).targets().get(0).definition();
    }

    @Test
    void rowsAndIdsAreTheSameOnEveryRunAndThreadCount() throws Exception {
        Path file = csv("runs.csv", 400);
        SweepSpec spec = spec(dataTarget(file, ""), "{ method = p1_scattered, data { sampler = file, points = [100, 320],"
                + " seeds = [0, 1] } }, { method = relu_net, data { sampler = file }, width = 5, epochs = [3, 10] }", 1);
        TrialSpace space = new TrialSpace(spec);
        assertEquals(5, space.size());
        List<List<ResultRow>> alone = new java.util.ArrayList<>();
        for (long i = 0; i < space.size(); i++) {
            alone.add(TrialRunner.run(space.trial(i)));
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<ResultRow>>> together = new java.util.ArrayList<>();
            TrialSpace again = new TrialSpace(spec(dataTarget(file, ""), "{ method = p1_scattered, data { sampler = file,"
                    + " points = [100, 320], seeds = [0, 1] } }, { method = relu_net, data { sampler = file }, width = 5,"
                    + " epochs = [3, 10] }", 1));
            for (long i = 0; i < again.size(); i++) {
                Trial t = again.trial(i);
                together.add(two.submit(() -> TrialRunner.run(t)));
            }
            for (int i = 0; i < alone.size(); i++) {
                List<ResultRow> x = alone.get(i);
                List<ResultRow> y = together.get(i).get();
                for (int r = 0; r < x.size(); r++) {
                    assertEquals("ok", x.get(r).status(), x.get(r).message());
                    assertEquals(x.get(r).trialId(), y.get(r).trialId());
                    assertEquals(x.get(r).errors(), y.get(r).errors());
                    assertNull(x.get(r).search());
                    assertEquals(TrialRunner.NO_SEARCH, x.get(r).message());
                    assertEquals(80, x.get(r).trial().testPoints());
                }
            }
        } finally {
            two.shutdown();
        }
    }

    @Test
    void theStoredSpecChangesWithTheNumbersSoARerunOnOtherDataIsRefused() throws Exception {
        Path file = csv("rerun.csv", 100);
        String block = "{ method = p1_scattered, data { sampler = file } }";
        SweepSpec before = spec(dataTarget(file, ""), block, 1);
        csv("rerun.csv", 101);
        SweepSpec after = spec(dataTarget(file, ""), block, 1);
        List<String> changes = SpecDiff.changes(before.canonical(), after.canonical());
        assertEquals(1, changes.size(), changes.toString());
        assertTrue(changes.get(0).startsWith("targets[0].data_digest: "), changes.get(0));
        // A scalar entry (an axis of one target) is stored the same way.
        SweepSpec scalar = SpecParser.parse("sweep = d\ntargets = " + dataTarget(file, "") + "\nmethods = [ " + block + " ]",
                "scalar.conf");
        assertTrue(scalar.canonical().contains("\"data_digest\""), scalar.canonical());
    }

    @Test
    void theIdsFollowTheNumbersNotThePath() throws Exception {
        Path one = csv("one.csv", 200);
        Path copy = Files.copy(one, dir.resolve("copy.csv"));
        Path other = csv("other.csv", 201);
        String block = "{ method = p1_scattered, data { sampler = file } }";
        String id = new TrialSpace(spec(dataTarget(one, ""), block, 1)).trial(0).rowIds().get(0);
        assertEquals(id, new TrialSpace(spec(dataTarget(copy, ""), block, 1)).trial(0).rowIds().get(0));
        assertNotEquals(id, new TrialSpace(spec(dataTarget(other, ""), block, 1)).trial(0).rowIds().get(0));
        assertNotEquals(id, new TrialSpace(spec(dataTarget(one, ", split_seed = 1"), block, 1)).trial(0).rowIds().get(0));
        assertNotEquals(id, new TrialSpace(spec(dataTarget(one, ", test_fraction = 0.25"), block, 1)).trial(0).rowIds().get(0));
    }
}
