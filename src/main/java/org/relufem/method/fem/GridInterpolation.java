package org.relufem.method.fem;

import org.relufem.method.Approximant;
import org.relufem.method.Approximator;
import org.relufem.sample.SampleSet;

/** The nodal interpolants on a tensor grid: {@link #P1} and {@link #Q1}. They need grid data. */
public enum GridInterpolation implements Approximator {
    /** Piecewise linear on the Kuhn triangulation. */
    P1("p1"),
    /** Multilinear on the cells. */
    Q1("q1");

    private final String methodName;

    GridInterpolation(String methodName) {
        this.methodName = methodName;
    }

    /** The {@code method} name used in specs and results. */
    public String methodName() {
        return methodName;
    }

    @Override
    public Approximant fit(SampleSet data) {
        if (!data.isGrid()) {
            throw new IllegalArgumentException(methodName + " interpolates nodal values and needs grid data"
                    + " (sampler = grid), got " + data.count() + " scattered points");
        }
        double[] nodal = data.values().clone();
        return this == P1 ? new P1Interpolant(data.grid(), nodal) : new Q1Interpolant(data.grid(), nodal);
    }
}
