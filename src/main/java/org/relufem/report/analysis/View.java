package org.relufem.report.analysis;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One study figure: an x axis and its panels. */
public record View(Axis axis, List<Panel> panels) {

    /**
     * The charts of one target (and dimension, except on the {@link Axis#DIM} view).
     *
     * @param dim null on the dimension view, whose panels hold every d of a target
     */
    public record Panel(String target, Integer dim, List<Series> series) {
        public String title() {
            return dim == null ? target : target + ", d = " + dim;
        }
    }

    /**
     * One line: a method at one setting of every varied axis other than x, its points ordered by x.
     *
     * @param key the axes that tell this series from the method's others (a {@code COLUMN rank}
     *     entry is the value's rank among that column's values at the point's d)
     */
    public record Series(String method, Map<String, Object> key, List<Point> points) {
        public String label() {
            if (key.isEmpty()) {
                return method;
            }
            return method + " " + key.entrySet().stream()
                    .map(e -> e.getKey().endsWith(" rank") ? e.getKey().replace(" rank", " #") + e.getValue()
                            : e.getKey() + "=" + Observation.format(e.getValue()))
                    .collect(Collectors.joining(" "));
        }
    }

    /** A series' point: the seeds of one setting at one x. */
    public record Point(double x, Cell cell) {
    }

    /** Whether some point mixes two settings, which a view must never do. */
    public boolean pooled() {
        return panels.stream().flatMap(p -> p.series().stream()).flatMap(s -> s.points().stream())
                .anyMatch(p -> p.cell().distinctSettings() > 1);
    }
}
