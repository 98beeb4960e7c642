package org.relufem.sweep;

import java.util.HashMap;
import java.util.Map;

/** One trial's value on each axis of its block, by axis name. */
public final class AxisValues {
    private final Map<String, Object> values = new HashMap<>();

    void put(Axis<?> axis, Object value) {
        if (values.put(axis.name(), value) != null) {
            throw new IllegalStateException("two axes named " + axis.name());
        }
    }

    /** The trial's value on {@code axis}. */
    @SuppressWarnings("unchecked")
    public <T> T get(Axis<T> axis) {
        return (T) get(axis.name());
    }

    /** The trial's value on the axis named {@code name}. */
    Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no axis " + name + " in this block");
        }
        return values.get(name);
    }
}
