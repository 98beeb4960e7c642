package org.relufem.method.net.optim;

/**
 * Parameter blocks and their gradient blocks, shared (not copied) with the model: an optimiser
 * updates {@code values} in place. Block i of {@code gradients} has the length of block i of
 * {@code values}.
 */
public final class Parameters {
    private final double[][] values;
    private final double[][] gradients;
    private final int size;

    public Parameters(double[][] values, double[][] gradients) {
        if (values.length != gradients.length) {
            throw new IllegalArgumentException(values.length + " value blocks but " + gradients.length + " gradient blocks");
        }
        int total = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != gradients[i].length) {
                throw new IllegalArgumentException("block " + i + ": " + values[i].length + " values but "
                        + gradients[i].length + " gradients");
            }
            total += values[i].length;
        }
        this.values = values;
        this.gradients = gradients;
        this.size = total;
    }

    /** The parameter blocks. Modified by optimisers. */
    public double[][] values() {
        return values;
    }

    /** The gradient blocks, written by {@link Objective#evaluate()}. */
    public double[][] gradients() {
        return gradients;
    }

    /** Total number of parameters. */
    public int size() {
        return size;
    }
}
