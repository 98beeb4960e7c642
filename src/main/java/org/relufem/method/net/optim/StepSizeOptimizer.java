package org.relufem.method.net.optim;

/**
 * An optimiser whose learning rate is a step size, so a schedule may change it between steps:
 * Adam, and adam_lsq through its Adam. L-BFGS's lr is the line search's trial step and
 * Levenberg-Marquardt's the initial damping; a decay would not make their steps smaller, so they
 * are not of this kind.
 */
public interface StepSizeOptimizer extends Optimizer {
    /**
     * Sets the learning rate of the steps that follow, keeping all other state (moments, step
     * count), so a schedule can change it between epochs without allocating.
     *
     * @throws IllegalArgumentException if {@code lr} is not positive and finite
     */
    void setLearningRate(double lr);
}
