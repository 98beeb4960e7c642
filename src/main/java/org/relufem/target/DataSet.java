package org.relufem.target;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Samples of a function read from a CSV file: a header row naming the columns, then one row per
 * sample, comma-separated numbers. Immutable and serializable (it travels with the spec to every
 * task, hence {@link #MAX_VALUES}). Every refusal names the file, the column and the line.
 */
public final class DataSet implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Most numbers (rows x (inputs + 1)) a data target holds: 8 MB, shipped with every task. */
    public static final int MAX_VALUES = 1_000_000;

    private final String file;
    private final List<String> inputs;
    private final String output;
    private final double[] points;
    private final double[] values;
    private final String digest;

    private DataSet(String file, List<String> inputs, String output, double[] points, double[] values) {
        this.file = file;
        this.inputs = List.copyOf(inputs);
        this.output = output;
        this.points = points;
        this.values = values;
        this.digest = digest(points, values);
    }

    /**
     * Reads {@code inputs} and {@code output} of every row of the CSV file {@code file}.
     *
     * @throws IllegalArgumentException naming the file, and the line and column where it is not a table of finite
     *     numbers with those columns, or two rows with the same inputs and different outputs
     */
    public static DataSet readCsv(String file, List<String> inputs, String output) {
        if (file.endsWith(".parquet") || file.contains("://")) {
            throw new IllegalArgumentException("data = \"" + file + "\": relufem reads local CSV files so far; write"
                    + " the table as CSV with a header row");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read data file " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString()), e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IllegalArgumentException("data file " + file + " is empty: give a header row naming the columns");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
        int[] columns = new int[inputs.size() + 1];
        for (int k = 0; k <= inputs.size(); k++) {
            String name = k < inputs.size() ? inputs.get(k) : output;
            columns[k] = header.indexOf(name);
            if (columns[k] < 0) {
                throw new IllegalArgumentException("data file " + file + " has no column '" + name + "'; its columns are "
                        + String.join(", ", header));
            }
        }
        int d = inputs.size();
        int rows = (int) lines.stream().skip(1).filter(l -> !l.isBlank()).count();
        if ((long) rows * (d + 1) > MAX_VALUES) {
            throw new IllegalArgumentException("data file " + file + " has " + rows + " rows of " + (d + 1)
                    + " columns; a data target holds at most " + MAX_VALUES + " numbers");
        }
        double[] points = new double[rows * d];
        double[] values = new double[rows];
        int row = 0;
        for (int line = 2; line <= lines.size(); line++) {
            String text = lines.get(line - 1);
            if (text.isBlank()) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (cells.length != header.size()) {
                throw new IllegalArgumentException("line " + line + " of " + file + " has " + cells.length + " cells;"
                        + " the header has " + header.size());
            }
            for (int k = 0; k <= d; k++) {
                String name = k < d ? inputs.get(k) : output;
                String cell = cells[columns[k]].strip();
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + line + " of " + file + ", column '" + name + "': '"
                            + cell + "' is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("line " + line + " of " + file + ", column '" + name + "': "
                            + cell + " is not finite");
                }
                if (k < d) {
                    points[row * d + k] = v;
                } else {
                    values[row] = v;
                }
            }
            row++;
        }
        DataSet data = new DataSet(file, inputs, output, points, values);
        data.checkFunction(lines);
        return data;
    }

    /** Refuses two rows with equal inputs and different outputs: such a table is not a function. */
    private void checkFunction(List<String> lines) {
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
                throw new IllegalArgumentException("lines " + line(lines, first) + " and " + line(lines, second) + " of "
                        + file + " have the same " + String.join(", ", inputs) + " but " + output + " = " + values[first]
                        + " and " + values[second]);
            }
        }
    }

    /** The file line of data row {@code row} (0-based, blank lines skipped). */
    private static int line(List<String> lines, int row) {
        int seen = -1;
        for (int line = 2; line <= lines.size(); line++) {
            if (!lines.get(line - 1).isBlank() && ++seen == row) {
                return line;
            }
        }
        throw new IllegalStateException("row " + row);
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
