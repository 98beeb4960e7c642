package org.relufem.method.net;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The floating-point format a network trains in. {@link #FLOAT64} is every network before the
 * choice existed. {@link #FLOAT32} keeps the parameters, their gradients, Adam's moments and every
 * activation of the training step in {@code float} ({@link FloatMseObjective}); the network it
 * reports is those float weights widened to double, so evaluation and every error are float64.
 */
public enum Precision {
    FLOAT64,
    FLOAT32;

    /** The name in specs and the results table: {@code float64}, {@code float32}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    /** The precision named {@code label}, or null. */
    public static Precision of(String label) {
        return Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst().orElse(null);
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Precision::label).toList();
    }
}
