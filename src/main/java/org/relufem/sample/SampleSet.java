package org.relufem.sample;

/**
 * Points and the target's values at them. Points are row-major ({@code count * dimension}). When the
 * points are the nodes of a tensor grid, in node order, {@link #grid()} says which; methods that
 * need grid data (P1, Q1) check it. Arrays are shared, not copied: treat them as read-only.
 */
public record SampleSet(int dimension, double[] points, double[] values, TensorGrid grid) {
    public SampleSet {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (points.length != values.length * dimension) {
            throw new IllegalArgumentException("points hold " + points.length + " coordinates, expected "
                    + values.length + " x " + dimension);
        }
        if (grid != null && (grid.dimension() != dimension || grid.nodeCount() != values.length)) {
            throw new IllegalArgumentException("grid does not match the sample set");
        }
    }

    /** Number of points. */
    public int count() {
        return values.length;
    }

    /** Whether the points are the nodes of {@link #grid()}. */
    public boolean isGrid() {
        return grid != null;
    }
}
