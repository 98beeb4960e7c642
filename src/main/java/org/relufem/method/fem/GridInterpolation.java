package org.relufem.method.fem;

import org.relufem.method.Approximant;
import org.relufem.method.Approximator;
import org.relufem.sample.SampleSet;

/** The nodal interpolants on a tensor grid: {@link #P1}, {@link #Q1} and {@link #NEAREST}. They need grid data. */
public enum GridInterpolation implements Approximator {
    /** Piecewise linear on the Kuhn triangulation. */
    P1("p1"),
    /** Multilinear on the cells. */
    Q1("q1"),
    /** Piecewise constant: the value of the nearest node, ties on a cell midpoint to the lower node. */
    NEAREST("nearest");

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
        return switch (this) {
            case P1 -> new P1Interpolant(data.grid(), nodal);
            case Q1 -> new Q1Interpolant(data.grid(), nodal);
            case NEAREST -> new NearestInterpolant(data.grid(), nodal);
        };
    }
}
