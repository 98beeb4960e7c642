package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.BadInputException;
import org.relufem.method.Approximant;
import org.relufem.method.Approximator;
import org.relufem.method.fem.GridInterpolation;
import org.relufem.method.fem.Lagrange;
import org.relufem.metric.Errors;
import org.relufem.sample.DataSplit;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.sample.TensorGrid;
import org.relufem.target.Box;
import org.relufem.target.FormulaTarget;
import org.relufem.target.TargetDefinition;

/**
 * Grid methods on a data file whose rows form a tensor grid: they interpolate the file's values on
 * grids nested in its coarse grid, and are measured on the held-out rows, none of which is a node
 * of those grids.
 */
class GridDataTrialsTest {
    static final String F = "exp(x) * sin(2 * y) + x * y";
    static final Box BOX = new Box(new double[] {0, -1}, new double[] {1, 2});
    /** Nodes per axis of the file. */
    static final int N = 33;

    @TempDir
    static Path dir;

    /**
     * The formula at the N x N nodes of BOX, rows shuffled (a grid file's rows may come in any
     * order), coordinates written with Double.toString so they read back exactly.
     */
    static Path gridFile(String name, int n, DoubleUnaryOperator warpX) throws Exception {
        FormulaTarget f = FormulaTarget.parse("f", F, BOX);
        TensorGrid grid = new TensorGrid(BOX, n);
        double[] nodes = grid.nodes();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < grid.nodeCount(); i++) {
            double[] p = {warpX.applyAsDouble(nodes[2 * i]), nodes[2 * i + 1]};
            lines.add(p[0] + "," + p[1] + "," + f.value(p, 0));
        }
        Collections.shuffle(lines, new Random(11));
        return Files.writeString(dir.resolve(name), "x,y,f\n" + String.join("\n", lines) + "\n");
    }

    static String spec(Path file, String methods) {
        return """
                sweep = g
                targets = [ { name = field, data = "%s", inputs = [x, y], output = f } ]
                methods = [
                  %s
                ]
                """.formatted(file, methods);
    }

    @Test
    void gridMethodsOnAGridFileAreTheFormulaTargetsOwnInterpolantsMeasuredOnTheHeldOutRows() throws Exception {
        Path file = gridFile("grid.csv", N, x -> x);
        SweepSpec spec = SpecParser.parse(spec(file, """
                { method = p1, data { sampler = grid, grid_n = [5, 9, 17] } }
                  { method = q1, data { sampler = grid, grid_n = [5, 9, 17] } }
                  { method = lagrange, data { sampler = grid, grid_n = [9, 17] }, degree = 2 }
                  { method = nearest, data { sampler = grid, grid_n = 9 } }
                  { method = relu_fem, data { sampler = grid, grid_n = 9 } }"""), "grid.conf");
        TrialSpace space = new TrialSpace(spec);
        assertEquals(10, space.size());
        TargetDefinition.OfData data = (TargetDefinition.OfData) spec.targets().get(0).definition();
        SampleSet test = DataSplit.test(data);
        assertEquals(218, test.count()); // round(0.2 * 1089)
        FormulaTarget formula = FormulaTarget.parse("f", F, BOX);
        Map<String, Double> mse = new HashMap<>();
        for (long i = 0; i < space.size(); i++) {
            Trial trial = space.trial(i);
            ResultRow row = TrialRunner.run(trial).get(0);
            assertEquals("ok", row.status(), row.message());
            int n = trial.gridN();
            // relu_fem is P1 written as a ReLU network: its values are P1's to rounding.
            Approximator method = switch (trial.method()) {
                case "p1", "relu_fem" -> GridInterpolation.P1;
                case "q1" -> GridInterpolation.Q1;
                case "nearest" -> GridInterpolation.NEAREST;
                default -> new Lagrange(2);
            };
            Approximant own = method.fit(Samplers.grid(formula, n));
            double[] predicted = new double[test.count()];
            own.values(test.points(), test.count(), predicted);
            Errors expected = Errors.of(test.values(), predicted);
            // The file's coordinates are the formula grid's; a sub-grid node's may differ from the
            // coarse grid's own spacing by an ulp, so the nodal values agree to rounding.
            double tolerance = trial.method().equals("relu_fem") ? 1e-8 : 1e-12;
            assertEquals(expected.mse(), row.errors().mse(), tolerance * expected.mse(), trial.method() + " n = " + n);
            assertEquals(expected.maxAbsErr(), row.errors().maxAbsErr(), tolerance * expected.maxAbsErr());
            if (!trial.method().equals("relu_fem")) {
                assertEquals((long) n * n, row.params()); // relu_fem's are its dense network's
            }
            assertEquals(218, trial.testPoints());
            assertEquals(n * n, trial.data().points());
            mse.put(trial.method() + n, row.errors().mse());
        }
        // Not zero, as it would be if held-out rows were nodes: P1's MSE falls as h^4, by about 16 per halving.
        for (String m : List.of("p1", "q1")) {
            assertTrue(mse.get(m + 17) > 1e-9, m + ": " + mse);
            double ratio = mse.get(m + 9) / mse.get(m + 17);
            assertTrue(ratio > 10 && ratio < 25, m + ": " + ratio);
        }
    }

    @Test
    void theHeldOutRowsAreOffTheCoarseGridAndTheSameOnEveryRun() throws Exception {
        Path file = gridFile("split.csv", N, x -> x);
        TargetDefinition.OfData data = (TargetDefinition.OfData) SpecParser.parse(spec(file,
                "{ method = p1, data { sampler = grid, grid_n = 17 } }"), "s.conf").targets().get(0).definition();
        assertNotNull(data.data().grid());
        int[] held = DataSplit.testRows(data);
        SampleSet coarse = DataSplit.grid(data, 17);
        Set<Double> coarseValues = new HashSet<>();
        for (double v : coarse.values()) {
            coarseValues.add(v);
        }
        Set<Integer> heldSet = new HashSet<>();
        for (int row : held) {
            heldSet.add(row);
            double[] p = data.data().select(new int[] {row})[0];
            // off the coarse grid: some coordinate is an odd node of the file's 33
            double i = (p[0] - BOX.lower(0)) / BOX.width(0) * (N - 1);
            double j = (p[1] - BOX.lower(1)) / BOX.width(1) * (N - 1);
            assertTrue(Math.round(i) % 2 == 1 || Math.round(j) % 2 == 1, "held-out row at a coarse node: " + row);
        }
        assertEquals(218, heldSet.size());
        for (int row : DataSplit.trainingRows(data)) {
            assertTrue(!heldSet.contains(row));
        }
        assertEquals(N * N, held.length + DataSplit.trainingRows(data).length);
        assertEquals(java.util.Arrays.toString(held), java.util.Arrays.toString(DataSplit.testRows(
                (TargetDefinition.OfData) SpecParser.parse(spec(file, "{ method = p1, data { sampler = grid, grid_n = 17 } }"),
                        "again.conf").targets().get(0).definition())));
        // A net may train on the same grid from the file: the coarse grid's values.
        SweepSpec net = SpecParser.parse(spec(file, "{ method = relu_net, data { sampler = grid, grid_n = 17 }, width = 4,"
                + " epochs = 2 }"), "net.conf");
        ResultRow row = TrialRunner.run(new TrialSpace(net).trial(0)).get(0);
        assertEquals("ok", row.status(), row.message());
    }

    @Test
    void gridMethodsOnRowsThatAreNoUsableGridAreRefusedNamingTheKeyFileAndColumn() throws Exception {
        String p1 = "{ method = p1, data { sampler = grid, grid_n = 9 } }";
        // scattered rows
        Random r = new Random(3);
        StringBuilder rows = new StringBuilder("x,y,f\n");
        for (int i = 0; i < 200; i++) {
            rows.append(r.nextDouble()).append(',').append(r.nextDouble()).append(',').append(r.nextDouble()).append('\n');
        }
        Path scattered = Files.writeString(dir.resolve("scattered.csv"), rows);
        String scatteredSpec = spec(scattered, p1);
        BadInputException e = assertThrows(BadInputException.class, () -> SpecParser.parse(scatteredSpec, "s.conf"));
        assertEquals("s.conf: 4: methods[0].data.sampler = grid on data target field: " + scattered + " is not a"
                + " tensor grid: column 'x' takes 200, column 'y' takes 200 distinct values, a full grid of 40000 nodes,"
                + " but it has 200 rows; grid methods run on a file whose rows are a full tensor grid (else give a"
                + " scattered method sampler = file)", e.getMessage());
        // unevenly spaced
        Path uneven = gridFile("uneven.csv", N, x -> x * x);
        e = assertThrows(BadInputException.class, () -> SpecParser.parse(spec(uneven, p1), "u.conf"));
        assertTrue(e.getMessage().startsWith("u.conf: 4: methods[0].data.sampler = grid on data target field: column 'x'"
                + " of " + uneven + " is not equispaced: its value "), e.getMessage());
        // an even number of nodes
        Path even = gridFile("even.csv", 32, x -> x);
        e = assertThrows(BadInputException.class, () -> SpecParser.parse(spec(even, p1), "e.conf"));
        assertTrue(e.getMessage().contains("column 'x' of " + even + " takes 32 values: a grid file has an odd number of"
                + " nodes per axis"), e.getMessage());
        // a grid not nested in the coarse grid of 17 per axis
        Path file = gridFile("nested.csv", N, x -> x);
        e = assertThrows(BadInputException.class, () -> SpecParser.parse(spec(file,
                "{ method = q1, data { sampler = grid, grid_n = [9, 12] } }"), "n.conf"));
        assertEquals("n.conf: 4: methods[0].data.grid_n = 12 on data target field: " + file + " is a grid of 33 nodes"
                + " per axis whose held-out rows lie off its grid of every other node (17 per axis); grid_n must give a"
                + " grid nested in that one, n - 1 dividing 16: 2, 3, 5, 9, 17", e.getMessage());
        // and the file itself is still a data target for scattered methods
        SpecParser.parse(spec(uneven, "{ method = p1_scattered, data { sampler = file } }"), "ok.conf");
    }
}
