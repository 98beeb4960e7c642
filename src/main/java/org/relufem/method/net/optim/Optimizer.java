package org.relufem.method.net.optim;

/** Minimises an {@link Objective} one step at a time. Holds state (moments, history) between steps. */
public interface Optimizer {
    /**
     * Takes one step on {@code objective}'s parameters, allocating state on the first call for a
     * given parameter shape only.
     *
     * @return the loss at the parameters before the step (as torch's {@code step(closure)})
     */
    double step(Objective objective);
}
