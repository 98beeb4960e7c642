package org.relufem.sample;

import org.relufem.target.Box;

/**
 * The tensor grid of n nodes per axis over a box, boundary included: node (i_1, ..., i_d) sits at
 * lower_k + i_k h_k with h_k = width_k / (n - 1). Nodes are numbered with axis 0 fastest,
 * index = i_1 + n i_2 + n^2 i_3 + ... (numpy's meshgrid order for d = 2). Immutable.
 */
public final class TensorGrid {
    private final Box box;
    private final int n;
    private final long nodeCount;

    public TensorGrid(Box box, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("grid_n must be >= 2 (nodes per axis, boundary included), got " + n);
        }
        double count = Math.pow(n, box.dimension());
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid_n = " + n + " in d = " + box.dimension()
                    + " gives " + (long) count + " nodes, more than an array can hold");
        }
        this.box = box;
        this.n = n;
        this.nodeCount = (long) count;
    }

    public Box box() {
        return box;
    }

    public int dimension() {
        return box.dimension();
    }

    /** Nodes per axis. */
    public int nodesPerAxis() {
        return n;
    }

    public int nodeCount() {
        return (int) nodeCount;
    }

    /** Mesh width on {@code axis}. */
    public double spacing(int axis) {
        return box.width(axis) / (n - 1);
    }

    /** Coordinate of node index {@code i} on {@code axis}; the last node is exactly the upper bound. */
    public double coordinate(int axis, int i) {
        return i == n - 1 ? box.upper(axis) : box.lower(axis) + i * spacing(axis);
    }

    /**
     * All node coordinates, row-major, in node order.
     *
     * @return a new array of nodeCount * d values
     */
    public double[] nodes() {
        int d = dimension();
        int count = nodeCount();
        double[] out = new double[count * d];
        for (int node = 0; node < count; node++) {
            int rest = node;
            for (int k = 0; k < d; k++) {
                out[node * d + k] = coordinate(k, rest % n);
                rest /= n;
            }
        }
        return out;
    }
}
