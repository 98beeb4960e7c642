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

    /** {@link #stopped()}'s reason when the gradient fell to its tolerance (relative to the first step's). */
    String GRAD_TOL = "grad_tol";
    /** {@link #stopped()}'s reason when no step along which the loss decreases could be found. */
    String NO_DESCENT = "no_descent";

    /**
     * Why this optimiser stopped making progress at its last step ({@link #GRAD_TOL},
     * {@link #NO_DESCENT}), or null to go on. Optimisers without a stopping rule never stop.
     */
    default String stopped() {
        return null;
    }
}
