package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Formula targets through the spec, the trial space and the runner. */
class FormulaTrialsTest {
    static final String SEED2D = "{ name = seed2d-formula, formula = \"sin(pi*x)*cos(pi*y) + 0.1*(x^2 + y^2)\","
            + " box = [[0, 1], [0, 1]] }";

    /** conf/seed.conf with its target replaced by {@code target}. */
    static SweepSpec seedSpec(String target) throws Exception {
        String text = Files.readString(Path.of("conf/seed.conf"));
        assertTrue(text.contains("targets = [ { name = seed2d } ]"));
        return SpecParser.parse(text.replace("targets = [ { name = seed2d } ]", "targets = [ " + target + " ]"), "seed.conf");
    }

    @Test
    void seed2dWrittenAsAFormulaReproducesTheSeedTable() throws Exception {
        TrialSpace builtin = new TrialSpace(SpecParser.load(Path.of("conf/seed.conf")));
        TrialSpace formula = new TrialSpace(seedSpec(SEED2D));
        assertEquals(builtin.size(), formula.size());
        assertEquals(builtin.rowCount(), formula.rowCount());
        // Every P1 and Q1 trial (the first 10), and the width-10 and width-100 nets of init seed 0.
        List<Long> subset = new ArrayList<>(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L));
        for (long i = 10; i < builtin.size(); i++) {
            Trial t = builtin.trial(i);
            if (t.canonical().contains("init_seed=0;") && !t.canonical().contains("width=1000")) {
                subset.add(i);
            }
        }
        assertEquals(12, subset.size());
        for (long i : subset) {
            Trial a = builtin.trial(i);
            Trial b = formula.trial(i);
            assertEquals("seed2d", a.target());
            assertEquals("seed2d-formula", b.target());
            assertEquals(a.canonical().replace("target=seed2d;", "target=seed2d-formula;target_box=[[0.0,1.0],[0.0,1.0]];"
                    + "target_formula=sin(pi*x1)*cos(pi*x2)+0.1*(x1^2+x2^2);"), b.canonical());
            List<ResultRow> x = TrialRunner.run(a);
            List<ResultRow> y = TrialRunner.run(b);
            assertEquals(x.size(), y.size());
            for (int r = 0; r < x.size(); r++) {
                assertEquals("ok", y.get(r).status(), y.get(r).message());
                // The same values to the last bit, so the same errors, training and search.
                assertEquals(x.get(r).errors(), y.get(r).errors(), a.canonical());
                assertEquals(x.get(r).search().maxAbsErr(), y.get(r).search().maxAbsErr(), 0.0);
                assertEquals(x.get(r).trainMse(), y.get(r).trainMse());
                assertNotEquals(x.get(r).trialId(), y.get(r).trialId());
            }
        }
        // The seed study's numbers (DESIGN.md section 1): P1 on the 32 x 32 grid at about 1e-6.
        double p1At32 = TrialRunner.run(formula.trial(2)).get(0).errors().mse();
        assertTrue(p1At32 > 3e-7 && p1At32 < 3e-6, "P1 n = 32 MSE " + p1At32);
    }

    private static List<String> ids(SweepSpec spec) {
        TrialSpace space = new TrialSpace(spec);
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < space.size(); i++) {
            ids.addAll(space.trial(i).rowIds());
        }
        return ids;
    }

    @Test
    void equalFormulasGiveEqualIdsAndEveryChangeOfTheFunctionChangesThem() throws Exception {
        List<String> once = ids(seedSpec(SEED2D));
        assertEquals(once, ids(seedSpec(SEED2D)));
        assertEquals(70, new HashSet<>(once).size());
        // Layout, redundant parentheses, spelling of numbers and variables: the same function, the same ids.
        assertEquals(once, ids(seedSpec("{ name = seed2d-formula, formula = \"sin(pi * x1) * cos(pi * x2) + 0.10 * ((x1)^2"
                + " + x2^2)\", box = [[0.0, 1], [0, 1e0]] }")));
        Set<String> seen = new HashSet<>(once);
        for (String other : List.of(
                SEED2D.replace("0.1*", "0.2*"),                        // another formula
                SEED2D.replace("[[0, 1], [0, 1]]", "[[0, 1], [0, 2]]"), // another box
                SEED2D.replace("seed2d-formula", "mine"),               // another name
                SEED2D.replace("x^2 + y^2", "y^2 + x^2"))) {            // another order of operations
            for (String id : ids(seedSpec(other))) {
                assertTrue(seen.add(id), other);
            }
        }
    }

    @Test
    void aLineDiscontinuityIsResolvedOnlyToFirstOrder() {
        String spec = """
                sweep = t
                targets = [ { name = step, formula = "if(x + y < 1, 0, 1)", box = [[0, 1], [0, 1]] } ]
                test { points = 400, seeds = [0] }
                methods = [ { method = p1, data { sampler = grid, grid_n = [9, 33] } } ]
                """;
        TrialSpace space = new TrialSpace(SpecParser.parse(spec, "step.conf"));
        double coarse = TrialRunner.run(space.trial(0)).get(0).errors().mse();
        double fine = TrialRunner.run(space.trial(1)).get(0).errors().mse();
        // A jump is resolved only to O(h): the MSE falls like h (the band of cells the line cuts), not h^4.
        assertTrue(fine < coarse && fine > coarse / 16, coarse + " -> " + fine);
    }
}
