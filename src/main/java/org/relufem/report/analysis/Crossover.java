package org.relufem.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.Optional;

/**
 * Where a network first beats P1 on a panel: the fewest degrees of freedom at which some network
 * setting's median error is below that of every P1 setting with at most as many degrees of
 * freedom. A network is a setting with a {@code width}; P1 is method {@link #REFERENCE}, the
 * classical baseline the study is about.
 */
public final class Crossover {
    /** The method networks are measured against. */
    public static final String REFERENCE = "p1";

    private Crossover() {
    }

    /**
     * The comparison behind the sentence.
     *
     * @param net the network setting: the first to win, or the closest to winning when none does
     * @param p1 the best P1 setting with at most the network's degrees of freedom
     */
    public record Result(boolean wins, Cell net, Cell p1, Metric metric) {
        public double ratio() {
            return net.median(metric) / p1.median(metric);
        }
    }

    static boolean isNetwork(Cell c) {
        return c.settings().get("width") != null;
    }

    /** The result on {@code settings} (one cell per setting of a panel); empty without networks and a comparable P1. */
    public static Optional<Result> of(List<Cell> settings, Metric metric) {
        List<Cell> p1 = settings.stream().filter(c -> c.method().equals(REFERENCE)).toList();
        List<Cell> nets = settings.stream().filter(Crossover::isNetwork)
                .sorted(Comparator.comparingDouble(Cell::medianParams).thenComparingDouble(c -> c.median(metric))).toList();
        Result closest = null;
        for (Cell n : nets) {
            Optional<Cell> ref = p1.stream().filter(p -> p.medianParams() <= n.medianParams())
                    .min(Comparator.comparingDouble(p -> p.median(metric)));
            if (ref.isEmpty()) {
                continue;
            }
            Result r = new Result(n.median(metric) < ref.get().median(metric), n, ref.get(), metric);
            if (r.wins()) {
                return Optional.of(r);
            }
            if (closest == null || r.ratio() < closest.ratio()) {
                closest = r;
            }
        }
        return Optional.ofNullable(closest);
    }

    /** One sentence on a panel: where a network first beats P1 in both metrics, or that it never does. */
    public static String sentence(List<Cell> settings) {
        Function<Cell, String> name = namer(settings);
        boolean anyNet = settings.stream().anyMatch(Crossover::isNetwork);
        boolean anyP1 = settings.stream().anyMatch(c -> c.method().equals(REFERENCE));
        if (!anyNet || !anyP1) {
            return anyNet ? "No P1 on this panel to compare the networks with." : "No network on this panel.";
        }
        StringBuilder s = new StringBuilder();
        for (Metric m : Metric.values()) {
            Optional<Result> r = of(settings, m);
            s.append(s.isEmpty() ? "In " : " In ").append(m.label()).append(", ");
            if (r.isEmpty()) {
                s.append("every network has fewer degrees of freedom than the smallest P1.");
            } else if (r.get().wins()) {
                Result w = r.get();
                s.append("a network first beats P1 at ").append(dof(w.net())).append(" DOF: ").append(name.apply(w.net()))
                        .append(" reaches ").append(err(w.net(), m)).append(" in ").append(secs(w.net()))
                        .append(" against ").append(err(w.p1(), m)).append(" for the best P1 of at most that many DOF (")
                        .append(name.apply(w.p1())).append(", ").append(dof(w.p1())).append(" DOF, ").append(secs(w.p1()))
                        .append(").");
            } else {
                Result c = r.get();
                s.append("no network beats P1 at equal or fewer degrees of freedom in this sweep; the closest, ")
                        .append(name.apply(c.net())).append(" (").append(dof(c.net())).append(" DOF), has ")
                        .append(Observation.number(c.ratio())).append(" times the error of ").append(name.apply(c.p1()))
                        .append(" (").append(dof(c.p1())).append(" DOF).");
            }
        }
        return s.toString();
    }

    /**
     * Names the settings of a panel by their method and the axes that method varies there, an axis
     * left out where the ones before it fix its value (train_points after grid_n).
     */
    public static Function<Cell, String> namer(List<Cell> settings) {
        Map<String, List<Observation>> perMethod = new HashMap<>();
        settings.forEach(c -> perMethod.computeIfAbsent(c.method(), k -> new ArrayList<>()).addAll(c.observations()));
        Map<String, List<String>> columns = new HashMap<>();
        perMethod.forEach((m, rows) -> {
            List<String> kept = new ArrayList<>();
            for (String c : Views.varied(rows)) {
                List<Function<Observation, Object>> by = kept.stream().map(k -> (Function<Observation, Object>) o -> o.get(k)).toList();
                if (kept.isEmpty() || !Views.determines(rows, by, o -> String.valueOf(o.get(c)))) {
                    kept.add(c);
                }
            }
            columns.put(m, kept);
        });
        return c -> name(c, columns.get(c.method()));
    }

    /** A setting's name: its method and its values of {@code columns} (the axes its panel varies), nulls left out. */
    public static String name(Cell c, List<String> columns) {
        StringBuilder s = new StringBuilder(c.method());
        for (String k : columns) {
            Object v = c.settings().get(k);
            if (v != null) {
                s.append(' ').append(k).append('=').append(Observation.format(v));
            }
        }
        return s.toString();
    }

    private static String dof(Cell c) {
        return Observation.number(c.medianParams());
    }

    private static String err(Cell c, Metric m) {
        return Observation.number(c.median(m));
    }

    private static String secs(Cell c) {
        return Observation.number(c.medianFitSeconds()) + " s";
    }
}
