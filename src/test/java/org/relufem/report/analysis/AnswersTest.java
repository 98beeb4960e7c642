package org.relufem.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.report.analysis.View.Series;

/** Winners, Pareto fronts, the crossover sentence and convergence orders of tables of known values. */
class AnswersTest {
    private static final List<Cell> SEED = Views.settings(ViewsTest.seedLike());

    private static String name(Cell c) {
        return Crossover.name(c, List.of("grid_n", "width", "epochs"));
    }

    @Test
    void winnersPerDecadeOfDofAreTheBestAndTheBestOfAnotherMethod() {
        List<Winners.Row> rows = Winners.of(SEED, Winners.Cost.DOF, Metric.REL_L2);
        assertEquals(List.of(1, 2, 3), rows.stream().map(Winners.Row::decade).toList());
        Winners.Row first = rows.get(0); // [10, 100): P1 and Q1 at n = 4, 8 and all four networks
        assertEquals("[10, 100)", first.band());
        assertEquals(8, first.settings());
        assertEquals("q1 grid_n=8", name(first.best()));
        assertEquals("p1 grid_n=8", name(first.runnerUp()));
        assertEquals(2.0, first.ratio(), 1e-12);
        List<Winners.Row> max = Winners.of(SEED, Winners.Cost.DOF, Metric.MAX_NORM);
        assertEquals(4.0 / 3.0, max.get(2).ratio(), 1e-12);
    }

    @Test
    void winnersPerDecadeOfFitTimeHaveNoRunnerUpWhereOneMethodIsAlone() {
        List<Winners.Row> rows = Winners.of(SEED, Winners.Cost.FIT_SECONDS, Metric.REL_L2);
        assertEquals(List.of(-3, -2, -1, 0), rows.stream().map(Winners.Row::decade).toList());
        assertEquals("p1 grid_n=8", name(rows.get(0).best())); // 0.008 s, 1/64
        assertEquals("q1 grid_n=4", name(rows.get(0).runnerUp()));
        assertEquals("q1 grid_n=32", name(rows.get(1).best()));
        assertEquals(2.0, rows.get(1).ratio(), 1e-12);
        assertEquals("relu_net grid_n=8 width=4 epochs=5", name(rows.get(2).best()));
        assertNull(rows.get(2).runnerUp());
        assertTrue(Double.isNaN(rows.get(2).ratio()));
        assertEquals("relu_net grid_n=8 width=8 epochs=10", name(rows.get(3).best()));
        assertEquals(0.1, rows.get(3).best().median(Metric.REL_L2), 1e-15); // median of 0.05, 0.1, 0.2
    }

    @Test
    void paretoFrontsOfErrorAgainstDofAndAgainstFitTime() {
        assertEquals(List.of("q1 grid_n=4", "q1 grid_n=8", "q1 grid_n=16", "q1 grid_n=32"),
                Pareto.byDof(SEED, Metric.REL_L2).stream().map(AnswersTest::name).toList());
        assertEquals(List.of("p1 grid_n=4", "p1 grid_n=8", "p1 grid_n=16", "p1 grid_n=32", "q1 grid_n=32"),
                Pareto.byTime(SEED, Metric.REL_L2).stream().map(AnswersTest::name).toList());
    }

    @Test
    void theSentenceSaysWhereANetworkFirstBeatsP1OrThatItNeverDoes() {
        Crossover.Result none = Crossover.of(SEED, Metric.REL_L2).orElseThrow();
        assertFalse(none.wins());
        assertEquals("relu_net grid_n=8 width=8 epochs=10", name(none.net())); // 0.1 at 33 DOF
        assertEquals("p1 grid_n=4", name(none.p1())); // 1/16 at 16 DOF
        assertEquals(1.6, none.ratio(), 1e-12);
        assertTrue(Crossover.sentence(SEED).startsWith("In relative L2 error, no network beats P1"), Crossover.sentence(SEED));

        List<Observation> kinked = new ArrayList<>(ViewsTest.seedLike());
        kinked.addAll(new Rows().add("relu_net", "t", 2, 257, 1e-3, 1e-2, 3, "grid_n", 8, "train_points", 64,
                "sampler", "grid", "width", 64, "depth", 1, "optimizer", "adam", "epochs", 10).list());
        Crossover.Result win = Crossover.of(Views.settings(kinked), Metric.REL_L2).orElseThrow();
        assertTrue(win.wins());
        assertEquals(257.0, win.net().medianParams());
        assertEquals("p1 grid_n=16", name(win.p1())); // 1/256 at 256 DOF
        String s = Crossover.sentence(Views.settings(kinked));
        assertTrue(s.contains("a network first beats P1 at 257 DOF"), s);
        assertEquals("No network on this panel.", Crossover.sentence(Views.settings(kinked.subList(0, 8))));
    }

    @Test
    void theObservedOrderOfAnH2SeriesIsTwo() {
        Series p1 = Views.of(ViewsTest.seedLike()).get(0).panels().get(0).series().get(0);
        Convergence c = Convergence.of(p1, 2, Metric.REL_L2);
        assertEquals(4, c.steps().size());
        assertTrue(Double.isNaN(c.steps().get(0).order()));
        for (Convergence.Step s : c.steps().subList(1, 4)) {
            assertEquals("2.000", String.format(java.util.Locale.ROOT, "%.3f", s.order()));
        }
        assertEquals(-1.0, c.fit().slope(), 1e-12);
        assertEquals(2.0, c.fittedOrder(), 1e-12);
        assertEquals(0.0, c.fit().halfWidth(), 1e-12); // an exact line
    }

    @Test
    void theFittedSlopesIntervalIsStudentsT() {
        // numpy/scipy: linregress(log x, log y); stderr * t.ppf(0.975, 2) (see the test's source)
        LogLogFit f = LogLogFit.of(new double[] {10, 20, 40, 80}, new double[] {1.0, 0.6, 0.2, 0.13});
        assertEquals(-1.0415211915622058, f.slope(), 1e-12);
        assertEquals(0.5566992711560672, f.halfWidth(), 1e-9);
        assertTrue(Double.isNaN(LogLogFit.of(new double[] {1, 2}, new double[] {1, 0.5}).halfWidth()));
    }
}
