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

    /**
     * Sets the learning rate of the steps that follow, keeping all other state (moments, step
     * count), so a schedule can change it between epochs without allocating. Only optimisers whose
     * learning rate is a step size take it ({@link Optimizers#schedulesLearningRate}).
     *
     * @throws UnsupportedOperationException for the others (the default)
     * @throws IllegalArgumentException if {@code lr} is not positive and finite
     */
    default void setLearningRate(double lr) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no learning rate to schedule");
    }

    /** Forgets all state, as if newly built. */
    void reset();
}
