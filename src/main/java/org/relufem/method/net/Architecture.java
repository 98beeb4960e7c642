package org.relufem.method.net;

import java.io.Serializable;
import java.util.Objects;

/**
 * The shape of a network's hidden part: {@code depth} layers of {@code width} units of one
 * {@link Activation}. The input dimension comes with the data, the output is one linear unit.
 */
public record Architecture(int width, int depth, Activation activation) implements Serializable {
    public Architecture {
        Network.requirePositive("width", width);
        Network.requirePositive("depth", depth);
        Objects.requireNonNull(activation, "activation");
    }

    /** ReLU units: what every network was before activation was a choice. */
    public static Architecture relu(int width, int depth) {
        return new Architecture(width, depth, Activation.RELU);
    }

    @Override
    public String toString() {
        return (depth == 1 ? "" : depth + " x ") + width + " " + activation.label();
    }
}
