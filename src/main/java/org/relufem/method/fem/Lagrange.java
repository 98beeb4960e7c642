package org.relufem.method.fem;

import org.relufem.method.Approximant;
import org.relufem.method.Approximator;
import org.relufem.sample.SampleSet;

/**
 * Interpolation of grid data by tensor-product Lagrange elements of degree {@code degree} (Q_k):
 * the grid's n nodes per axis must satisfy (n - 1) divisible by k, so that its cells of k spacings
 * hold k + 1 nodes per axis and the node count, the {@code params} of a row, is that of
 * {@code q1} on the same grid. Degree 1 is {@link GridInterpolation#Q1} itself.
 *
 * @param degree k, from 1 to {@link #MAX_DEGREE}
 */
public record Lagrange(int degree) implements Approximator {
    /** Equispaced interpolation's Lebesgue constant grows like 2^k / (k log k): 8 keeps it below 11. */
    public static final int MAX_DEGREE = 8;

    public Lagrange {
        if (degree < 1 || degree > MAX_DEGREE) {
            throw new IllegalArgumentException("degree must be 1.." + MAX_DEGREE + ", got " + degree);
        }
    }

    /** Whether a grid of {@code gridN} nodes per axis splits into cells of this degree. */
    public boolean fits(int gridN) {
        return (gridN - 1) % degree == 0;
    }

    @Override
    public Approximant fit(SampleSet data) {
        if (!data.isGrid()) {
            throw new IllegalArgumentException("lagrange interpolates nodal values and needs grid data"
                    + " (sampler = grid), got " + data.count() + " scattered points");
        }
        if (degree == 1) {
            return GridInterpolation.Q1.fit(data);
        }
        return new LagrangeInterpolant(data.grid(), data.values().clone(), degree);
    }
}
