package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.relufem.BadInputException;
import org.relufem.sample.SparseGrid;

/**
 * {@code test.sampler} from a spec: sparse-grid, tensor-grid and Sobol test sets of the stated
 * sizes, their errors the quadrature's (no Monte-Carlo error bar), close to a large uniform set's
 * for a smooth fit, and the sampler in trial_id only when it is not the default.
 */
class TestDesignTrialsTest {
    private static String spec(String test) {
        return """
                sweep = designs
                targets = [ { name = gaussian, dim = 2 } ]
                test { %s }
                methods = [ { method = poly_lsq, data { sampler = uniform, points = 400 }, degree = 8 } ]
                """.formatted(test);
    }

    private static ResultRow row(String test) {
        TrialSpace space = new TrialSpace(SpecParser.parse(spec(test), "designs.conf"));
        assertEquals(1, space.size());
        ResultRow r = TrialRunner.run(space.trial(0)).get(0);
        assertEquals("ok", r.status(), r.message());
        return r;
    }

    private static Object column(String name, ResultRow r) {
        return ResultColumns.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().value().apply(r);
    }

    @Test
    void quadratureTestSetsMeasureTheSameErrorAsALargeUniformOne() {
        ResultRow uniform = row("points = 200000");
        ResultRow sparse = row("sampler = sparse_grid, level = 9");
        ResultRow grid = row("sampler = grid, grid_n = 60");
        ResultRow sobol = row("sampler = sobol, points = 4096");
        assertEquals(SparseGrid.size(2, 9), sparse.trial().testPoints());
        assertEquals(3600, grid.trial().testPoints());
        assertEquals(4096, sobol.trial().testPoints());
        assertEquals("sparse_grid", column("test_sampler", sparse));
        assertEquals("uniform", column("test_sampler", uniform));
        assertNull(column("mse_stderr", sparse), "a quadrature has no Monte-Carlo error bar");
        assertNull(column("mse_stderr", grid));
        assertTrue(uniform.errors().mseStderr() > 0);
        double mc = uniform.errors().mse();
        double bar = 4 * uniform.errors().mseStderr();
        for (ResultRow r : new ResultRow[] {sparse, grid, sobol}) {
            assertEquals(mc, r.errors().mse(), bar, r.trial().test() + ": " + r.errors().mse() + " vs " + mc);
            assertEquals(uniform.errors().relL2(), r.errors().relL2(), 0.05 * uniform.errors().relL2());
        }
    }

    @Test
    void theDefaultSamplerKeepsItsIdsAndAnotherChangesThem() {
        String plain = new TrialSpace(SpecParser.parse(spec("points = 1000"), "a.conf")).trial(0).rowIds().get(0);
        String explicit = new TrialSpace(SpecParser.parse(spec("sampler = uniform, points = 1000"), "b.conf")).trial(0)
                .rowIds().get(0);
        String noTest = new TrialSpace(SpecParser.parse(spec("").replace("test {  }", ""), "c.conf")).trial(0)
                .rowIds().get(0);
        String sobol = new TrialSpace(SpecParser.parse(spec("sampler = sobol, points = 1000"), "d.conf")).trial(0)
                .rowIds().get(0);
        assertEquals(plain, explicit);
        assertEquals(plain, noTest);
        assertNotEquals(plain, sobol);
    }

    /**
     * {@code test.field = true}: each row stores g on the field grid, and for P1 on the 61 x 61
     * grid that is the field grid itself, g equals f there (P1 interpolates at its nodes); the ids
     * stay those of the spec without it, d = 3 stores none, and the column is null by default.
     */
    @Test
    void theFieldIsTheApproximantOnTheFieldGrid() {
        String spec = """
                sweep = fields
                targets = [ { name = seed2d }, { name = gaussian, dim = 3 } ]
                test { points = 100, seeds = [0] %s }
                methods = [ { method = p1, data { sampler = grid, grid_n = 61 } } ]
                """;
        TrialSpace with = new TrialSpace(SpecParser.parse(spec.formatted(", field = true"), "f.conf"));
        TrialSpace without = new TrialSpace(SpecParser.parse(spec.formatted(""), "g.conf"));
        assertEquals(2, with.size());
        ResultRow plane = TrialRunner.run(with.trial(0)).get(0);
        ResultRow cube = TrialRunner.run(with.trial(1)).get(0);
        assertEquals(2, plane.trial().dim());
        double[] g = (double[]) column("field", plane);
        assertEquals(TestDesign.FIELD_NODES_2D * TestDesign.FIELD_NODES_2D, g.length);
        org.relufem.sample.TensorGrid grid = TestDesign.fieldGrid(plane.trial().domain());
        double[] nodes = grid.nodes();
        org.relufem.target.Target f = plane.trial().targetDefinition().create();
        double worst = 0;
        for (int i = 0; i < g.length; i++) {
            worst = Math.max(worst, Math.abs(g[i] - f.value(nodes, 2 * i)));
        }
        assertTrue(worst < 1e-14, "P1 at its own nodes differs from f by " + worst);
        assertTrue(plane.errors().maxAbsErr() > 1e-4, "and is no exact fit between them");
        assertNull(column("field", cube), "no field in d = 3");
        assertNull(column("field", TrialRunner.run(without.trial(0)).get(0)));
        assertEquals(without.trial(0).rowIds(), with.trial(0).rowIds(), "test.field is not part of trial_id");
        assertTrue(with.contains(with));
        assertFalse(with.contains(without), "rows without a field are not those of a spec with one: --replace");
        assertTrue(assertThrows(BadInputException.class, () -> SpecParser.parse(spec.formatted(", field = yes"),
                "h.conf")).getMessage().contains("test.field must be true or false"));
    }

    @Test
    void badTestSetsAreRefusedWithTheKey() {
        String[][] cases = {
            {"sampler = halton", "unknown test.sampler 'halton'"},
            {"sampler = sparse_grid", "level"},
            {"sampler = sparse_grid, level = 0", "test.level must be >= 1"},
            {"sampler = sparse_grid, level = 25", "test.level = 25 gives"},
            {"sampler = grid, grid_n = 5000", "test.grid_n = 5000 gives 25000000 test points in d = 2"},
            {"sampler = sobol, points = 100, seeds = [1, 2]", "seeds"},
        };
        for (String[] c : cases) {
            BadInputException e = assertThrows(BadInputException.class, () -> SpecParser.parse(spec(c[0]), "bad.conf"),
                    c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
        }
    }
}
