package org.relufem.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relufem.report.analysis.View.Panel;
import org.relufem.report.analysis.View.Series;

/** The views and their series follow from what a table of known values varies, and never pool a varied axis. */
class ViewsTest {
    /**
     * The seed study in miniature: P1 and Q1 over grid_n 4, 8, 16, 32 (rel_l2 = 1/n^2, so order 2
     * in h), networks of width 4 and 8 over init seeds 0, 1, 2 at epochs 5 and 10.
     */
    static List<Observation> seedLike() {
        Rows r = new Rows();
        for (int n : new int[] {4, 8, 16, 32}) {
            r.add("p1", "t", 2, (long) n * n, 1.0 / (n * n), 4.0 / (n * n), 1e-3 * n, "grid_n", n, "train_points", n * n,
                    "sampler", "grid", "seed:test_seed", 0L);
            r.add("q1", "t", 2, (long) n * n, 0.5 / (n * n), 3.0 / (n * n), 2e-3 * n, "grid_n", n, "train_points", n * n,
                    "sampler", "grid", "seed:test_seed", 0L);
        }
        double[][] rel = {{0.1, 0.2, 0.4}, {0.05, 0.1, 0.2}};
        for (int w = 0; w < 2; w++) {
            for (int seed = 0; seed < 3; seed++) {
                for (int epochs : new int[] {5, 10}) {
                    double e = rel[w][seed] * (epochs == 5 ? 2 : 1);
                    r.add("relu_net", "t", 2, 4L * (4 << w) + 1, e, 3 * e, 0.1 * epochs * (w + 1), "grid_n", 8,
                            "train_points", 64, "sampler", "grid", "width", 4 << w, "depth", 1, "optimizer", "adam",
                            "epochs", epochs, "seed:init_seed", (long) seed, "seed:test_seed", 0L);
                }
            }
        }
        return r.list();
    }

    /**
     * Adcock & Dexter in miniature: two targets in d = 1, 2, nets (depth 1 width 10, depth 2 width
     * 20) and poly_cs (degree chosen per d) from m = 100, 200 samples.
     */
    static List<Observation> samplesLike() {
        Rows r = new Rows();
        for (String t : new String[] {"a", "b"}) {
            for (int d : new int[] {1, 2}) {
                for (int m : new int[] {100, 200}) {
                    for (int depth : new int[] {1, 2}) {
                        r.add("relu_net", t, d, 100L * depth, 1.0 / m / depth, 2.0 / m, 1, "train_points", m,
                                "sampler", "uniform", "width", 10 * depth, "depth", depth, "epochs", 10,
                                "seed:train_seed", 0L);
                    }
                    r.add("poly_cs", t, d, 300, 0.1 / m, 0.2 / m, 1, "train_points", m, "sampler", "uniform",
                            "degree", d == 1 ? 20 : 10, "seed:train_seed", 0L);
                }
            }
        }
        return r.list();
    }

    private static View view(List<View> views, Axis a) {
        return views.stream().filter(v -> v.axis() == a).findFirst().orElseThrow();
    }

    private static List<String> labels(Panel p) {
        return p.series().stream().map(Series::label).toList();
    }

    @Test
    void theSeedStudyIsARefinementWithTrainingCurves() {
        List<View> views = Views.of(seedLike());
        assertEquals(List.of(Axis.DOF, Axis.EPOCHS), views.stream().map(View::axis).toList());
        View dof = view(views, Axis.DOF);
        assertEquals(1, dof.panels().size());
        Panel p = dof.panels().get(0);
        assertEquals("t, d = 2", p.title());
        // train_points follows grid_n, so it moves along P1's line; epochs is a series of its own
        assertEquals(List.of("p1", "q1", "relu_net epochs=5", "relu_net epochs=10"), labels(p));
        Series net = p.series().get(3);
        assertEquals(List.of(17.0, 33.0), net.points().stream().map(View.Point::x).toList());
        assertEquals(0.2, net.points().get(0).cell().median(Metric.REL_L2), 1e-15);
        assertEquals(0.1, net.points().get(0).cell().min(Metric.REL_L2), 1e-15);
        assertEquals(0.4, net.points().get(0).cell().max(Metric.REL_L2), 1e-15);
        assertEquals(3, net.points().get(0).cell().count());
        assertEquals(1L, net.points().get(0).cell().representative().replicates().get("init_seed"));
        assertEquals(List.of("relu_net width=4", "relu_net width=8"), labels(view(views, Axis.EPOCHS).panels().get(0)));
        assertFalse(dof.pooled());
        assertFalse(view(views, Axis.EPOCHS).pooled());
    }

    @Test
    void aSampleCountStudyGetsErrorVsMPerTargetAndDimAndErrorVsD() {
        List<View> views = Views.of(samplesLike());
        assertEquals(List.of(Axis.SAMPLES, Axis.DIM, Axis.DOF), views.stream().map(View::axis).toList());
        View m = view(views, Axis.SAMPLES);
        assertEquals(List.of("a, d = 1", "a, d = 2", "b, d = 1", "b, d = 2"), m.panels().stream().map(Panel::title).toList());
        // depth follows width, so it does not label a line
        assertEquals(List.of("poly_cs", "relu_net width=10", "relu_net width=20"), labels(m.panels().get(0)));
        assertEquals(List.of(100.0, 200.0), m.panels().get(0).series().get(1).points().stream().map(View.Point::x).toList());
        View d = view(views, Axis.DIM);
        assertEquals(List.of("a", "b"), d.panels().stream().map(Panel::title).toList());
        assertNull(d.panels().get(0).dim());
        // poly_cs's degree follows d and has one value per d: it moves along the line
        assertEquals(List.of("poly_cs train_points=100", "poly_cs train_points=200",
                "relu_net train_points=100 width=10", "relu_net train_points=100 width=20",
                "relu_net train_points=200 width=10", "relu_net train_points=200 width=20"),
                labels(d.panels().get(0)));
        // on DOF, depth follows width: one network line per m
        assertEquals(List.of("relu_net train_points=100", "relu_net train_points=200"),
                labels(view(views, Axis.DOF).panels().get(0)).subList(2, 4));
        views.forEach(v -> assertFalse(v.pooled(), v.axis().name()));
    }

    @Test
    void aDimensionStudyDrawsTheSmallerAndTheLargerGridAcrossD() {
        Rows r = new Rows();
        int[][] n = {{9, 65}, {3, 9}};
        for (int d = 1; d <= 2; d++) {
            for (int k = 0; k < 2; k++) {
                int nodes = (int) Math.pow(n[d - 1][k], d);
                r.add("p1", "osc", d, nodes, 1.0 / nodes, 1.0 / nodes, 0.01, "grid_n", n[d - 1][k], "train_points", nodes,
                        "sampler", "grid", "seed:test_seed", 0L);
            }
        }
        List<View> views = Views.of(r.list());
        assertEquals(List.of(Axis.DIM, Axis.DOF), views.stream().map(View::axis).toList());
        Panel p = view(views, Axis.DIM).panels().get(0);
        assertEquals(List.of("p1 grid_n #1", "p1 grid_n #2"), labels(p));
        assertEquals(Map.of("grid_n rank", 2), p.series().get(1).key());
        assertEquals(List.of(1.0 / 65, 1.0 / 81), p.series().get(1).points().stream()
                .map(q -> q.cell().median(Metric.REL_L2)).toList());
    }

    @Test
    void optimisersAreSeriesOfTheirOwnOnTheEpochsView() {
        Rows r = new Rows();
        for (String opt : new String[] {"adam", "lbfgs", "lm"}) {
            for (int e : new int[] {100, 1000}) {
                for (long seed = 0; seed < 2; seed++) {
                    r.add("relu_net", "logsin", 1, 61, 1e-2 / e, 1e-2 / e, e * 1e-3, "width", 20, "optimizer", opt,
                            "activation", "tanh", "epochs", e, "seed:init_seed", seed);
                }
            }
        }
        List<View> views = Views.of(r.list());
        assertEquals(List.of(Axis.EPOCHS), views.stream().map(View::axis).toList());
        assertEquals(List.of("relu_net optimizer=adam", "relu_net optimizer=lbfgs", "relu_net optimizer=lm"),
                labels(views.get(0).panels().get(0)));
        assertEquals(2, views.get(0).panels().get(0).series().get(0).points().get(0).cell().count());
    }
}
