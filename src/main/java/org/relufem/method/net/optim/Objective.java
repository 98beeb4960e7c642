package org.relufem.method.net.optim;

/** A differentiable loss of a set of parameters. */
public interface Objective {
    /** The parameters the loss depends on; the same instance on every call. */
    Parameters parameters();

    /**
     * The loss at the current parameter values; writes its gradient into {@link
     * Parameters#gradients()}. May return a non-finite value; callers decide what that means.
     */
    double evaluate();

    /**
     * Whether {@link #evaluate()} sees a changing subset of the data (so the loss is not one fixed
     * function). Optimisers that need one function, with line searches or curvature pairs, refuse
     * such objectives. False unless overridden.
     */
    default boolean isMiniBatch() {
        return false;
    }
}
