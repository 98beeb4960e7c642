package org.relufem.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One axis of a method block's trials: its name (the spec key it comes from) and its values. A
 * block's trials are the Cartesian product of its axes; {@link AxisValues} hands one trial's value
 * of each axis to whoever declared it, by name.
 */
public record Axis<T>(String name, List<T> values) implements Serializable {
    public Axis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("axis " + name + " is empty");
        }
    }

    /** The values of {@code a} that {@code b} holds too, in {@code a}'s order. */
    public static <T> List<T> common(List<T> a, List<?> b) {
        return a.stream().filter(b::contains).toList();
    }
}
