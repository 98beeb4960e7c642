package org.relufem.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.relufem.report.analysis.View.Panel;
import org.relufem.report.analysis.View.Point;
import org.relufem.report.analysis.View.Series;

/**
 * Chooses the views from what a sweep varies, and builds them. An axis "varies" for a method on a
 * panel when its rows hold more than one value of it (null counts as a value). Every series is one
 * method at one value of every varied axis except the x axis and what x determines, so points
 * aggregate over seeds and nothing else:
 * <ul>
 *   <li>{@link Axis#DOF}: drawn when a size axis ({@link #SIZE_AXES}) varies; the size axes, and
 *       any axis they and the DOF determine (train_points of a grid, the depth paired with each
 *       width), move along the line;</li>
 *   <li>{@link Axis#SAMPLES}: drawn when train_points varies and a grid does not fix it;</li>
 *   <li>{@link Axis#DIM}: drawn when a target has several d; an axis whose values follow d (grid_n,
 *       width, degree chosen per d) is replaced by the rank of its value among that d's values, so
 *       "the smaller grid" and "the larger grid" are two lines across d;</li>
 *   <li>{@link Axis#EPOCHS}: drawn when the epoch checkpoints vary; trained methods only.</li>
 * </ul>
 */
public final class Views {
    /** The axes that refine a method along its degrees of freedom: grid nodes, hidden width, polynomial degree. */
    public static final List<String> SIZE_AXES = List.of("grid_n", "width", "degree");
    private static final Set<String> PANEL_COLUMNS = Set.of("method", "target", "dim");
    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private Views() {
    }

    /** The views {@code observations} call for, in {@link Axis} order. */
    public static List<View> of(List<Observation> observations) {
        List<View> out = new ArrayList<>();
        for (Axis a : Axis.values()) {
            if (applies(a, observations)) {
                View v = view(a, observations);
                if (!v.panels().isEmpty()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The setting columns (other than method, target, dim) with more than one value in {@code rows}. */
    public static List<String> varied(List<Observation> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(o -> columns.addAll(o.settings().keySet()));
        columns.removeAll(PANEL_COLUMNS);
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (rows.stream().map(o -> value(o, c)).distinct().count() > 1) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether the values of {@code by} fix the value of {@code target} on every row of {@code rows}. */
    static boolean determines(List<Observation> rows, List<Function<Observation, Object>> by,
                              Function<Observation, Object> target) {
        Map<List<Object>, Object> seen = new HashMap<>();
        for (Observation o : rows) {
            List<Object> k = by.stream().map(f -> f.apply(o)).toList();
            Object v = target.apply(o);
            Object before = seen.putIfAbsent(k, v);
            if (before != null && !before.equals(v)) {
                return false;
            }
        }
        return true;
    }

    private static Object value(Observation o, String column) {
        return Objects.requireNonNullElse(o.get(column), NULL);
    }

    private static Function<Observation, Object> column(String c) {
        return o -> value(o, c);
    }

    static boolean applies(Axis a, List<Observation> all) {
        return switch (a) {
            case DIM -> group(all, o -> List.of(o.method(), o.target())).values().stream()
                    .anyMatch(r -> r.stream().map(Observation::dim).distinct().count() > 1);
            case DOF -> methodPanels(all).stream().anyMatch(r -> varied(r).stream().anyMatch(SIZE_AXES::contains));
            case SAMPLES -> methodPanels(all).stream().anyMatch(r -> {
                List<String> v = varied(r);
                List<Function<Observation, Object>> sizes = v.stream().filter(SIZE_AXES::contains)
                        .map(Views::column).toList();
                return v.contains(a.column()) && !determines(r, sizes, column(a.column()));
            });
            case EPOCHS -> methodPanels(all).stream().anyMatch(r -> varied(r).contains(a.column()));
        };
    }

    private static List<List<Observation>> methodPanels(List<Observation> all) {
        return new ArrayList<>(group(all, o -> List.of(o.method(), o.target(), o.dim())).values());
    }

    static View view(Axis a, List<Observation> all) {
        List<Observation> rows = all.stream().filter(o -> switch (a) {
            case EPOCHS -> o.get("epochs") != null;
            case DOF -> o.params() > 0;
            default -> true;
        }).toList();
        Map<List<Object>, List<Observation>> panels = group(rows,
                o -> a == Axis.DIM ? List.of(o.target()) : List.of(o.target(), o.dim()));
        List<Panel> out = new ArrayList<>();
        for (var p : panels.entrySet()) {
            List<Series> series = new ArrayList<>();
            for (List<Observation> r : group(p.getValue(), o -> List.of(o.method())).values()) {
                series.addAll(series(a, r));
            }
            if (a == Axis.EPOCHS && series.stream().allMatch(s -> s.points().size() < 2)) {
                continue;
            }
            List<Object> k = p.getKey();
            out.add(new Panel((String) k.get(0), a == Axis.DIM ? null : (Integer) k.get(1), series));
        }
        return new View(a, out);
    }

    /** The series of one method on one panel. */
    private static List<Series> series(Axis a, List<Observation> r) {
        List<String> varied = new ArrayList<>(varied(r));
        varied.remove(a.column());
        List<String> absorbed = switch (a) {
            case DOF -> varied.stream().filter(SIZE_AXES::contains).toList();
            case DIM -> varied.stream().filter(c -> followsDim(r, c)).toList();
            default -> List.of();
        };
        List<Function<Observation, Object>> determiners = new ArrayList<>();
        determiners.add(o -> a.x(o));
        absorbed.forEach(c -> determiners.add(column(c)));
        Map<String, Function<Observation, Object>> key = new LinkedHashMap<>();
        for (String c : varied) {
            if (!absorbed.contains(c) && !determines(r, determiners, column(c))) {
                key.put(c, column(c));
            }
        }
        if (a == Axis.DIM) {
            List<Function<Observation, Object>> ranks = new ArrayList<>();
            for (String c : absorbed) {
                Function<Observation, Object> rank = rank(r, c);
                if (r.stream().map(rank).distinct().count() > 1 && !determines(r, ranks, rank)) {
                    ranks.add(rank);
                    key.put(c + " rank", rank);
                }
            }
        }
        // An axis the earlier ones fix (batch_size with train_points, depth with width) splits nothing: out of the label.
        List<Function<Observation, Object>> kept = new ArrayList<>();
        for (var it = key.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!kept.isEmpty() && determines(r, kept, e.getValue())) {
                it.remove();
            } else {
                kept.add(e.getValue());
            }
        }
        List<Series> out = build(a, r, key);
        if (out.stream().flatMap(s -> s.points().stream()).anyMatch(p -> p.cell().distinctSettings() > 1)) {
            // x and the absorbed axes did not fix a point's setting: split by every varied axis but x.
            key.clear();
            varied.forEach(c -> key.put(c, column(c)));
            out = build(a, r, key);
        }
        return out;
    }

    private static List<Series> build(Axis a, List<Observation> r, Map<String, Function<Observation, Object>> key) {
        List<Series> out = new ArrayList<>();
        for (var s : group(r, o -> key.values().stream().map(f -> f.apply(o)).toList()).entrySet()) {
            Map<String, Object> k = new LinkedHashMap<>();
            int i = 0;
            for (String name : key.keySet()) {
                k.put(name, s.getKey().get(i++));
            }
            TreeMap<Double, List<Observation>> byX = new TreeMap<>();
            s.getValue().forEach(o -> byX.computeIfAbsent(a.x(o), x -> new ArrayList<>()).add(o));
            List<Point> points = byX.entrySet().stream().map(e -> new Point(e.getKey(), new Cell(e.getValue()))).toList();
            out.add(new Series(r.get(0).method(), k, points));
        }
        return out;
    }

    /** Whether the values of {@code c} differ from one d to another (chosen per d by a block's {@code dim}). */
    private static boolean followsDim(List<Observation> r, String c) {
        Map<Integer, Set<Object>> perDim = new TreeMap<>();
        r.forEach(o -> perDim.computeIfAbsent(o.dim(), d -> new LinkedHashSet<>()).add(value(o, c)));
        return perDim.values().stream().distinct().count() > 1;
    }

    /** The rank (1 = smallest) of an observation's value of {@code c} among the values at its d. */
    private static Function<Observation, Object> rank(List<Observation> r, String c) {
        Map<Integer, List<Object>> perDim = new HashMap<>();
        r.forEach(o -> perDim.computeIfAbsent(o.dim(), d -> new ArrayList<>()).add(value(o, c)));
        perDim.replaceAll((d, v) -> v.stream().distinct().sorted(Views::compare).toList());
        return o -> perDim.get(o.dim()).indexOf(value(o, c)) + 1;
    }

    private static int compare(Object a, Object b) {
        if (a == NULL || b == NULL) {
            return a == b ? 0 : a == NULL ? -1 : 1;
        }
        return Observation.VALUE_ORDER.compare(a, b);
    }

    /** Groups {@code rows} by {@code key}, the groups in key order (values compared as {@link Observation#VALUE_ORDER}). */
    static <K extends List<Object>> Map<List<Object>, List<Observation>> group(List<Observation> rows,
                                                                               Function<Observation, K> key) {
        Map<List<Object>, List<Observation>> out = new TreeMap<>(Views::compareKeys);
        rows.forEach(o -> out.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
        return out;
    }

    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Groups {@code rows} by every setting: one cell per distinct setting, in key order. */
    public static List<Cell> settings(List<Observation> rows) {
        List<String> columns = new ArrayList<>();
        rows.forEach(o -> o.settings().keySet().stream().filter(c -> !columns.contains(c)).forEach(columns::add));
        return group(rows, o -> columns.stream().map(c -> value(o, c)).toList()).values().stream()
                .map(Cell::new).sorted(Comparator.comparing(Cell::method)).toList();
    }
}
