package org.relufem.sample;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.relufem.target.DataGrid;
import org.relufem.target.DataSet;
import org.relufem.target.TargetDefinition;

/**
 * A data target's rows as sample sets: a seeded permutation of the rows (the split stream of
 * {@code split_seed}) puts its first {@code round(test_fraction * rows)} rows in the held-out test
 * set and the rest in the training set, each in file order. The split depends on the file's
 * numbers and the seed only: it is the same on every run, machine and core count.
 *
 * <p>When the rows form a grid ({@link DataSet#grid()}, N nodes per axis), the permutation is of
 * the rows off its <em>coarse grid</em>, the (N + 1)/2 nodes per axis of every other node: the
 * held-out rows are never coarse nodes, so grid methods can interpolate the coarse grid, or any
 * grid nested in it ({@link #nests}), from training rows alone and be measured on the same
 * held-out rows as every other method.
 */
public final class DataSplit {
    private DataSplit() {
    }

    /** The held-out test rows' indices, ascending. */
    public static int[] testRows(TargetDefinition.OfData target) {
        int[] candidates = candidates(target.data());
        int[] order = permutation(candidates.length, RandomStreams.of(target.splitSeed(), RandomStreams.SPLIT));
        int[] test = new int[target.testRows()];
        for (int i = 0; i < test.length; i++) {
            test[i] = candidates[order[i]];
        }
        Arrays.sort(test);
        return test;
    }

    /** The training rows' indices, ascending: the rows not held out. */
    public static int[] trainingRows(TargetDefinition.OfData target) {
        boolean[] held = new boolean[target.data().rows()];
        for (int row : testRows(target)) {
            held[row] = true;
        }
        int[] train = new int[held.length - target.testRows()];
        for (int row = 0, i = 0; row < held.length; row++) {
            if (!held[row]) {
                train[i++] = row;
            }
        }
        return train;
    }

    /**
     * The rows the held-out ones are drawn from, ascending: every row, or those off the coarse
     * grid of a grid file (some node index odd).
     */
    static int[] candidates(DataSet data) {
        DataGrid grid = data.grid();
        if (grid == null) {
            int[] all = new int[data.rows()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int n = grid.nodesPerAxis();
        int[] off = new int[grid.nodeCount() - coarseNodes(grid)];
        int count = 0;
        for (int node = 0; node < grid.nodeCount(); node++) {
            if (!onCoarseGrid(node, n, grid.dimension())) {
                off[count++] = grid.row(node);
            }
        }
        Arrays.sort(off);
        return off;
    }

    /** The most rows a target on {@code data} can hold out: all, or those off a grid file's coarse grid. */
    public static int mostTestRows(DataSet data) {
        return data.grid() == null ? data.rows() : data.rows() - coarseNodes(data.grid());
    }

    /** Nodes per axis of a grid file's coarse grid: every other node, (N + 1)/2. */
    public static int coarseNodesPerAxis(DataGrid grid) {
        return (grid.nodesPerAxis() + 1) / 2;
    }

    /** Whether the grid of {@code n} nodes per axis is nested in the coarse grid of {@code grid}: n - 1 divides (N - 1)/2. */
    public static boolean nests(DataGrid grid, int n) {
        return n >= 2 && (coarseNodesPerAxis(grid) - 1) % (n - 1) == 0;
    }

    private static int coarseNodes(DataGrid grid) {
        return (int) Math.round(Math.pow(coarseNodesPerAxis(grid), grid.dimension()));
    }

    private static boolean onCoarseGrid(int node, int n, int d) {
        for (int k = 0; k < d; k++) {
            if (node % n % 2 != 0) {
                return false;
            }
            node /= n;
        }
        return true;
    }

    /**
     * The training set of grid methods on a grid file: the file's rows at the nodes of the grid of
     * {@code n} nodes per axis over its box, nested in its coarse grid (so none is held out), in
     * the grid's node order, at the file's own coordinates.
     *
     * @throws IllegalArgumentException if the file is no grid or the grid is not nested in its coarse grid
     */
    public static SampleSet grid(TargetDefinition.OfData target, int n) {
        DataSet data = target.data();
        DataGrid file = data.grid();
        if (file == null) {
            throw new IllegalArgumentException(data.notGrid());
        }
        if (!nests(file, n)) {
            throw new IllegalArgumentException("grid_n = " + n + " is not nested in the coarse grid of " + data.file()
                    + " (" + coarseNodesPerAxis(file) + " nodes per axis)");
        }
        TensorGrid grid = new TensorGrid(file.box(), n);
        int d = grid.dimension();
        int step = (file.nodesPerAxis() - 1) / (n - 1);
        int[] rows = new int[grid.nodeCount()];
        for (int node = 0; node < rows.length; node++) {
            int rest = node;
            int fileNode = 0;
            int stride = 1;
            for (int k = 0; k < d; k++) {
                fileNode += rest % n * step * stride;
                rest /= n;
                stride *= file.nodesPerAxis();
            }
            rows[node] = file.row(fileNode);
        }
        double[][] xy = data.select(rows);
        return new SampleSet(d, xy[0], xy[1], grid);
    }

    /** The held-out test set. */
    public static SampleSet test(TargetDefinition.OfData target) {
        return rows(target.data(), testRows(target));
    }

    /**
     * The training set: every training row ({@code seed} null), or {@code points} of them drawn
     * without replacement from the training stream of {@code seed}.
     */
    public static SampleSet training(TargetDefinition.OfData target, int points, Long seed) {
        int[] train = trainingRows(target);
        if (seed == null) {
            if (points != train.length) {
                throw new IllegalArgumentException("all " + train.length + " training rows, not " + points);
            }
            return rows(target.data(), train);
        }
        if (points < 1 || points > train.length) {
            throw new IllegalArgumentException("points must be in 1.." + train.length + ", got " + points);
        }
        int[] order = permutation(train.length, RandomStreams.of(seed, RandomStreams.TRAIN));
        int[] chosen = new int[points];
        for (int i = 0; i < points; i++) {
            chosen[i] = train[order[i]];
        }
        Arrays.sort(chosen);
        return rows(target.data(), chosen);
    }

    private static SampleSet rows(DataSet data, int[] rows) {
        double[][] xy = data.select(rows);
        return new SampleSet(data.dimension(), xy[0], xy[1], null);
    }

    /** Fisher-Yates on 0..n-1. */
    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
