package org.relufem.method.fem;

import org.relufem.method.Approximator;
import org.relufem.method.net.Network;
import org.relufem.sample.SampleSet;

/**
 * The method {@code relu_fem}: the P1 interpolant of grid data written exactly as a ReLU network
 * ({@link ReluFemNetwork}). Its degrees of freedom are the dense network's parameter count, padding
 * included, since that is what training from it ({@code init = relu_fem}) would adjust. Immutable.
 */
public final class ReluFem implements Approximator {
    /** The {@code method} name used in specs and results. */
    public static final String METHOD_NAME = "relu_fem";

    @Override
    public Network fit(SampleSet data) {
        if (!data.isGrid()) {
            throw new IllegalArgumentException(METHOD_NAME + " interpolates nodal values and needs grid data"
                    + " (sampler = grid), got " + data.count() + " scattered points");
        }
        return new ReluFemNetwork(data.grid()).network(data.values());
    }

    @Override
    public String toString() {
        return METHOD_NAME;
    }
}
