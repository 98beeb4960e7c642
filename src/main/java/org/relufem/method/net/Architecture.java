package org.relufem.method.net;

import java.io.Serializable;
import java.util.Objects;

/**
 * The shape of a network's hidden part: {@code depth} layers of {@code width} units of one
 * {@link Activation}. The input dimension comes with the data, the output is one linear unit.
 *
 * @param residual whether the hidden-to-hidden layers are residual blocks, h_{l+1} = h_l +
 *     act(W_l h_l + b_l) (the first and the output layer stay plain), as in Adcock &amp; Dexter's
 *     and DeepXDE's ResNets; needs depth &gt;= 2, where there is such a layer
 */
public record Architecture(int width, int depth, Activation activation, boolean residual) implements Serializable {
    public Architecture {
        Network.requirePositive("width", width);
        Network.requirePositive("depth", depth);
        Objects.requireNonNull(activation, "activation");
        if (residual && depth < 2) {
            throw new IllegalArgumentException("residual blocks need depth >= 2 (a hidden-to-hidden layer), got depth = "
                    + depth);
        }
    }

    /** Plain layers. */
    public Architecture(int width, int depth, Activation activation) {
        this(width, depth, activation, false);
    }

    /** Plain ReLU layers: what every network was before activation and blocks were a choice. */
    public static Architecture relu(int width, int depth) {
        return new Architecture(width, depth, Activation.RELU);
    }

    /** Whether hidden layer l (0-based; layer 0 takes the input) adds its input to its output. */
    boolean skips(int layer) {
        return residual && layer >= 1 && layer < depth;
    }

    @Override
    public String toString() {
        return (depth == 1 ? "" : depth + " x ") + width + " " + activation.label() + (residual ? " residual" : "");
    }
}
