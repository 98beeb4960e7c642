package org.relufem.method;

import org.relufem.target.PointFunction;

/** A fitted function: evaluates at points, reports its degrees of freedom. Thread-safe once built. */
public interface Approximant extends PointFunction {
    /** Degrees of freedom: nodal values of an interpolant, trainable parameters of a network. */
    long degreesOfFreedom();

    /**
     * The fitted parameters as one vector of length {@link #degreesOfFreedom()} (nodal values,
     * network weights in the method's documented order), enough to rebuild the approximant.
     *
     * @return a new array
     */
    double[] parameterVector();
}
