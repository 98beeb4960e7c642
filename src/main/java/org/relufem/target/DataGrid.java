package org.relufem.target;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The tensor grid a data file's rows form, when they form one that grid methods can use: the
 * inputs are the full product of N values per input (every one of the N^d combinations exactly
 * once, rows in any order), N odd and the same on every axis, and each input's values equispaced
 * on its range to {@link #TOLERANCE}. Immutable and serializable.
 *
 * <p>Equispaced because relufem's grid interpolants locate a point's cell in O(1) from the
 * spacing (DESIGN 6); N odd because a grid file's held-out rows lie off its grid of every other
 * node ({@code org.relufem.sample.DataSplit}), which needs N - 1 even.
 */
public final class DataGrid implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * How far, as a fraction of its input's range, a value may lie from its equispaced node: six
     * decimals of [0, 1] are 5e-7 off. A node displaced by this moves an interpolant's value by at
     * most |grad f| 1e-6 of the width, far below the interpolation error of any grid of under 1000
     * nodes per axis (h^2 = 1e-6).
     */
    public static final double TOLERANCE = 1e-6;

    private final int n;
    private final Box box;
    private final int[] rowOfNode;

    private DataGrid(int n, Box box, int[] rowOfNode) {
        this.n = n;
        this.box = box;
        this.rowOfNode = rowOfNode;
    }

    /**
     * The grid of the rows of {@code file}.
     *
     * @param points row-major inputs, rows x d. Not modified.
     * @throws IllegalArgumentException naming the file and the column, where the rows are no such grid
     */
    static DataGrid of(String file, List<String> inputs, double[] points) {
        int d = inputs.size();
        int rows = points.length / d;
        double[][] values = new double[d][];
        double nodes = 1;
        for (int k = 0; k < d; k++) {
            double[] column = new double[rows];
            for (int i = 0; i < rows; i++) {
                column[i] = points[i * d + k];
            }
            Arrays.sort(column);
            values[k] = Arrays.stream(column).distinct().toArray();
            nodes *= values[k].length;
        }
        if (nodes != rows) {
            StringBuilder counts = new StringBuilder();
            for (int k = 0; k < d; k++) {
                counts.append(k == 0 ? "column '" : ", column '").append(inputs.get(k)).append("' takes ")
                        .append(values[k].length);
            }
            throw new IllegalArgumentException(file + " is not a tensor grid: " + counts + " distinct values, a full"
                    + " grid of " + (long) nodes + " nodes, but it has " + rows + " rows");
        }
        int n = values[0].length;
        for (int k = 0; k < d; k++) {
            if (values[k].length != n) {
                throw new IllegalArgumentException("column '" + inputs.get(k) + "' of " + file + " takes "
                        + values[k].length + " values and column '" + inputs.get(0) + "' " + n + ": a grid file has"
                        + " as many nodes on every axis");
            }
        }
        if (n % 2 == 0) {
            throw new IllegalArgumentException("column '" + inputs.get(0) + "' of " + file + " takes " + n
                    + " values: a grid file has an odd number of nodes per axis (its held-out rows lie off its grid of"
                    + " every other node)");
        }
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int k = 0; k < d; k++) {
            double[] v = values[k];
            lower[k] = v[0];
            upper[k] = v[n - 1];
            double width = upper[k] - lower[k];
            for (int i = 1; i < n - 1; i++) {
                double node = lower[k] + i * width / (n - 1);
                if (Math.abs(v[i] - node) > TOLERANCE * width) {
                    throw new IllegalArgumentException("column '" + inputs.get(k) + "' of " + file + " is not"
                            + " equispaced: its value " + v[i] + " (node " + i + " of 0.." + (n - 1) + ") is "
                            + (float) Math.abs(v[i] - node) + " from " + node + ", more than " + TOLERANCE
                            + " of its range");
                }
            }
        }
        int[] rowOfNode = new int[rows];
        Arrays.fill(rowOfNode, -1);
        for (int i = 0; i < rows; i++) {
            int node = 0;
            int stride = 1;
            for (int k = 0; k < d; k++) {
                node += Arrays.binarySearch(values[k], points[i * d + k]) * stride;
                stride *= n;
            }
            if (rowOfNode[node] >= 0) {
                // Two equal rows (same inputs, same output) pass as a function, and leave another node empty.
                throw new IllegalArgumentException("data rows " + (rowOfNode[node] + 1) + " and " + (i + 1) + " of "
                        + file + " have the same " + String.join(", ", inputs) + ": a grid file has each node once");
            }
            rowOfNode[node] = i;
        }
        return new DataGrid(n, new Box(lower, upper), rowOfNode);
    }

    /** Nodes per axis, N. */
    public int nodesPerAxis() {
        return n;
    }

    public int dimension() {
        return box.dimension();
    }

    /** The rows' bounding box, the grid's first and last nodes. */
    public Box box() {
        return box;
    }

    /** The row (0-based) at node {@code node}, numbered with axis 0 fastest as {@code TensorGrid} numbers nodes. */
    public int row(int node) {
        return rowOfNode[node];
    }

    /** The number of nodes, N^d: the rows. */
    public int nodeCount() {
        return rowOfNode.length;
    }
}
