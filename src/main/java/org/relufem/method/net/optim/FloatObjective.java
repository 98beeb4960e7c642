package org.relufem.method.net.optim;

/**
 * A differentiable loss of float32 parameter blocks: {@link Objective} for training in float.
 * Block i of {@link #gradients()} has the length of block i of {@link #values()}.
 */
public interface FloatObjective {
    /** The parameter blocks, the same arrays on every call. Modified by optimisers. */
    float[][] values();

    /** The gradient blocks, written by {@link #evaluate()}. */
    float[][] gradients();

    /**
     * The loss at the current parameter values (summed in double from float residuals); writes its
     * gradient into {@link #gradients()}. May return a non-finite value.
     */
    double evaluate();
}
