package org.relufem.method.fem;

import org.relufem.method.Approximant;
import org.relufem.sample.TensorGrid;

/**
 * Shared cell location for interpolants on a tensor grid: a point's cell and its local
 * coordinates xi in [0,1]^d, in O(d). Points outside the box are clamped onto it (the interpolant
 * is extended by its boundary values).
 */
abstract class GridInterpolant implements Approximant {
    final int d;
    final int n;
    final double[] nodal;
    private final double[] lower;
    private final double[] inverseSpacing;
    /** Node-index stride of each axis: n^k. */
    final int[] stride;

    GridInterpolant(TensorGrid grid, double[] nodalValues) {
        this.d = grid.dimension();
        this.n = grid.nodesPerAxis();
        this.nodal = nodalValues;
        this.lower = new double[d];
        this.inverseSpacing = new double[d];
        this.stride = new int[d];
        int s = 1;
        for (int k = 0; k < d; k++) {
            lower[k] = grid.box().lower(k);
            inverseSpacing[k] = 1 / grid.spacing(k);
            stride[k] = s;
            s *= n;
        }
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public long degreesOfFreedom() {
        return nodal.length;
    }

    /** The nodal values, in the grid's node order. */
    @Override
    public double[] parameterVector() {
        return nodal.clone();
    }

    @Override
    public double value(double[] x, int offset) {
        return valueWith(x, offset, new double[scratchLength()], new int[d]);
    }

    @Override
    public void values(double[] points, int count, double[] out) {
        double[] xi = new double[scratchLength()];
        int[] order = new int[d];
        for (int i = 0; i < count; i++) {
            out[i] = valueWith(points, i * d, xi, order);
        }
    }

    /**
     * Locates the cell of {@code x[offset..offset+d)}: writes the local coordinates into {@code xi}
     * and returns the node index of the cell's lowest corner.
     */
    final int locate(double[] x, int offset, double[] xi) {
        int base = 0;
        for (int k = 0; k < d; k++) {
            double t = (x[offset + k] - lower[k]) * inverseSpacing[k];
            int cell = (int) t; // truncation, not floor: negative t is clamped to cell 0 just below
            if (cell < 0) {
                cell = 0;
            } else if (cell > n - 2) {
                cell = n - 2;
            }
            xi[k] = Math.min(1.0, Math.max(0.0, t - cell));
            base += cell * stride[k];
        }
        return base;
    }

    /**
     * Locates the point in a grid of cells {@code k} nodes wide (k divides n - 1): writes its local
     * coordinates in node spacings, in [0, k], into {@code u} and returns the node index of the
     * cell's lowest corner. With k = 1 these are {@link #locate}'s cells.
     */
    final int locate(double[] x, int offset, double[] u, int k) {
        int last = (n - 1) / k - 1;
        int base = 0;
        for (int axis = 0; axis < d; axis++) {
            double t = (x[offset + axis] - lower[axis]) * inverseSpacing[axis];
            int cell = (int) (t / k);
            if (cell < 0) {
                cell = 0;
            } else if (cell > last) {
                cell = last;
            }
            u[axis] = Math.min(k, Math.max(0.0, t - cell * k));
            base += cell * k * stride[axis];
        }
        return base;
    }

    /** The length of the {@code xi} scratch {@link #valueWith} takes: d unless a subclass needs more. */
    int scratchLength() {
        return d;
    }

    /** The value at one point, with caller-owned scratch arrays of length {@link #scratchLength()} and d. */
    abstract double valueWith(double[] x, int offset, double[] xi, int[] order);
}
