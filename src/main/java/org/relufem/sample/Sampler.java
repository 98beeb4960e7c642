package org.relufem.sample;

import java.util.Arrays;
import java.util.Locale;

/** How a method block's training points are drawn: the values of a spec's {@code data.sampler}, in lower case. */
public enum Sampler {
    /** The nodes of a tensor grid with {@code grid_n} nodes per axis, boundary included. */
    GRID,
    /** Independent uniform random points of the target's box, from a seed. */
    UNIFORM,
    /** The first points of the Sobol sequence, scaled to the box; no seed. */
    SOBOL,
    /**
     * Random points from the optimal density of the block's polynomial space, the inverse
     * Christoffel function (Cohen &amp; Migliorati 2017), from a seed; fitted by weighted least squares.
     */
    CHRISTOFFEL,
    /** The training rows of a data target's file ({@link DataSplit}): all of them, or a seeded subsample. */
    FILE;

    /** The name specs and the {@code sampler} column use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sampler named {@code label}, or null if there is none. */
    public static Sampler of(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst().orElse(null);
    }
}
