package org.relufem.target;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Samples of a function read from a data file ({@link DataFiles}: CSV or Parquet), one row per
 * sample. Immutable and serializable (it travels with the spec to every executor, in a Spark run as
 * one broadcast per run, and every executor holds it; hence {@link #MAX_VALUES}). Every refusal
 * names the file, the column and the line or row.
 */
public final class DataSet implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Most numbers (rows x (inputs + 1)) a data target holds: 8 MB, held by the driver and every executor. */
    public static final int MAX_VALUES = 1_000_000;

    private final String file;
    private final List<String> inputs;
    private final String output;
    private final double[] points;
    private final double[] values;
    private final String digest;
    /** The grid the rows form, or null. */
    private final DataGrid grid;
    /** Why the rows form no grid ({@link DataGrid#of}'s refusal), or null. */
    private final String notGrid;

    private DataSet(String file, List<String> inputs, String output, double[] points, double[] values) {
        this.file = file;
        this.inputs = List.copyOf(inputs);
        this.output = output;
        this.points = points;
        this.values = values;
        this.digest = digest(points, values);
        DataGrid g = null;
        String why = null;
        try {
            g = DataGrid.of(file, this.inputs, points);
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        }
        this.grid = g;
        this.notGrid = why;
    }

    /**
     * Reads {@code inputs} and {@code output} of every row of {@code file}: Parquet (a file or a
     * directory of part files: a name ending in {@code .parquet} or {@code /}, a URI Hadoop reads not
     * ending in {@code .csv}, or a local directory) or else a local CSV file.
     *
     * @throws IllegalArgumentException naming the file, and the line or row and the column where it is not a table of
     *     finite numbers with those columns, or two rows with the same inputs and different outputs
     */
    public static DataSet read(String file, List<String> inputs, String output) {
        boolean uri = file.contains("://");
        boolean parquet = file.endsWith(".parquet") || file.endsWith("/") || uri && !file.endsWith(".csv")
                || !uri && java.nio.file.Files.isDirectory(java.nio.file.Path.of(file));
        return parquet ? DataFiles.parquet(file, inputs, output) : DataFiles.csv(file, inputs, output);
    }

    /**
     * The rows read by {@link DataFiles}, checked to be a function.
     *
     * @param rows what the file's rows are called in messages, "lines" or "rows"
     * @param number the number of data row i (0-based) in the file, e.g. its line
     */
    static DataSet of(String file, List<String> inputs, String output, double[] points, double[] values, String rows,
                      IntUnaryOperator number) {
        DataSet data = new DataSet(file, inputs, output, points, values);
        data.checkFunction(rows, number);
        return data;
    }

    /** Refuses two rows with equal inputs and different outputs: such a table is not a function. */
    private void checkFunction(String rows, IntUnaryOperator number) {
        int d = inputs.size();
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Arrays.compare(points, a * d, a * d + d, points, b * d, b * d + d));
        for (int i = 1; i < order.length; i++) {
            int a = order[i - 1];
            int b = order[i];
            if (Arrays.equals(points, a * d, a * d + d, points, b * d, b * d + d) && values[a] != values[b]) {
                int first = Math.min(a, b);
                int second = Math.max(a, b);
                throw new IllegalArgumentException(rows + " " + number.applyAsInt(first) + " and " + number.applyAsInt(second)
                        + " of " + file + " have the same " + String.join(", ", inputs) + " but " + output + " = "
                        + values[first] + " and " + values[second]);
            }
        }
    }

    private static String digest(double[] points, double[] values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(8 * (points.length + values.length));
            Arrays.stream(points).forEach(b::putDouble);
            Arrays.stream(values).forEach(b::putDouble);
            return HexFormat.of().formatHex(sha.digest(b.array()), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The file as the spec names it. */
    public String file() {
        return file;
    }

    public List<String> inputs() {
        return inputs;
    }

    public String output() {
        return output;
    }

    public int rows() {
        return values.length;
    }

    public int dimension() {
        return inputs.size();
    }

    /** Row-major inputs, rows x d. Not to be modified. */
    double[] points() {
        return points;
    }

    /** The outputs, one per row. Not to be modified. */
    double[] values() {
        return values;
    }

    /** The inputs of {@code rows}, row-major, and their outputs: a fresh copy. */
    public double[][] select(int[] rows) {
        int d = dimension();
        double[] x = new double[rows.length * d];
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(points, rows[i] * d, x, i * d, d);
            y[i] = values[rows[i]];
        }
        return new double[][] {x, y};
    }

    /** The tensor grid the rows form ({@link DataGrid}: full, equispaced, N odd per axis), or null. */
    public DataGrid grid() {
        return grid;
    }

    /** Why {@link #grid()} is null, naming the file and the column; null when it is not. */
    public String notGrid() {
        return notGrid;
    }

    /** 16 hex digits of SHA-256 over the numbers, in row order: what enters trial_id. */
    public String digest() {
        return digest;
    }

    /** The smallest box holding every row's inputs, or null when some input takes one value only. */
    public Box bounds() {
        int d = dimension();
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < d; k++) {
                lo[k] = Math.min(lo[k], points[i * d + k]);
                hi[k] = Math.max(hi[k], points[i * d + k]);
            }
        }
        for (int k = 0; k < d; k++) {
            if (!(lo[k] < hi[k])) {
                return null;
            }
        }
        return new Box(lo, hi);
    }

    /** The first row (0-based) whose inputs lie outside {@code box}, or -1. */
    public int firstOutside(Box box) {
        int d = dimension();
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < d; k++) {
                double v = points[i * d + k];
                if (v < box.lower(k) || v > box.upper(k)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
