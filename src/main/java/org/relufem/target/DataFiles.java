package org.relufem.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Comparator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * Reads the columns of a data target from a file: a local CSV file (a header row naming the
 * columns, then comma-separated numbers, blank lines skipped), or a Parquet file or directory of
 * part files through Hadoop's file systems (a local path, {@code hdfs://}, {@code s3a://} where
 * configured), whose columns are doubles, floats, ints or longs, required or present in every row.
 * On the driver, once per spec, with parquet-hadoop rather than a Spark DataFrame: {@code plan}
 * and spec validation run without a SparkSession, and the rows must be in a fixed order (a
 * DataFrame read promises none) for the digest and the split to repeat.
 */
final class DataFiles {
    private DataFiles() {
    }

    /** A refusal of the file's contents, as opposed to a failure to read it. */
    private static final class Refusal extends IllegalArgumentException {
        Refusal(String message) {
            super(message);
        }

        Refusal(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static DataSet csv(String file, List<String> inputs, String output) {
        if (file.contains("://")) {
            throw new IllegalArgumentException("data = \"" + file + "\": CSV files are read from local paths; give a"
                    + " Parquet file for a URI");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read data file " + file + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.toString()), e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IllegalArgumentException("data file " + file + " is empty: give a header row naming the columns");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
        int d = inputs.size();
        int[] columns = new int[d + 1];
        for (int k = 0; k <= d; k++) {
            columns[k] = column(file, header, k < d ? inputs.get(k) : output);
        }
        List<Integer> dataLines = new ArrayList<>();
        for (int line = 2; line <= lines.size(); line++) {
            if (!lines.get(line - 1).isBlank()) {
                dataLines.add(line);
            }
        }
        int rows = capped(file, dataLines.size(), d);
        double[] points = new double[rows * d];
        double[] values = new double[rows];
        for (int row = 0; row < rows; row++) {
            int line = dataLines.get(row);
            String[] cells = lines.get(line - 1).split(",", -1);
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
                put(points, values, d, row, k, finite(v, "line " + line + " of " + file, name));
            }
        }
        return DataSet.of(file, inputs, output, points, values, "lines", dataLines::get);
    }

    /**
     * A Parquet file, or a directory of them as Spark's {@code df.write.parquet(dir)} leaves it:
     * every file in it whose name does not start with {@code _} or {@code .} (Spark's and
     * Hadoop's hidden files: {@code _SUCCESS}, {@code .crc} checksums) is a part, read in the
     * order of their names, so that the rows, their digest and the split are the same on every
     * run. A subdirectory (a partitioned table's {@code key=value}) is refused.
     */
    static DataSet parquet(String file, List<String> inputs, String output) {
        int d = inputs.size();
        List<double[]> rows = new ArrayList<>();
        try {
            Configuration conf = new Configuration();
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus status = fs.getFileStatus(path);
            List<org.apache.hadoop.fs.Path> parts = status.isDirectory() ? parts(fs, path, file) : List.of(path);
            for (org.apache.hadoop.fs.Path part : parts) {
                String name = parts.size() == 1 && !status.isDirectory() ? file : part.toString();
                int first = rows.size();
                try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), part).withConf(conf)
                        .build()) {
                    int[] fields = null;
                    for (Group g = reader.read(); g != null; g = reader.read()) {
                        if (fields == null) {
                            fields = fields(name, g.getType(), inputs, output);
                        }
                        double[] row = new double[d + 1];
                        for (int k = 0; k <= d; k++) {
                            row[k] = cell(name, g, fields[k], rows.size() - first, k < d ? inputs.get(k) : output);
                        }
                        rows.add(row);
                        capped(file, rows.size(), d);
                    }
                } catch (Refusal e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    throw new Refusal("cannot read data file " + name + ": " + e, e);
                }
            }
        } catch (Refusal e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read data file " + file + ": " + e, e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("data file " + file + " has no rows");
        }
        double[] points = new double[rows.size() * d];
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k <= d; k++) {
                put(points, values, d, i, k, rows.get(i)[k]);
            }
        }
        return DataSet.of(file, inputs, output, points, values, "rows", row -> row + 1);
    }

    /** The part files of a Parquet directory, sorted by name. */
    private static List<org.apache.hadoop.fs.Path> parts(FileSystem fs, org.apache.hadoop.fs.Path dir, String file)
            throws IOException {
        List<FileStatus> entries = new ArrayList<>();
        for (FileStatus s : fs.listStatus(dir)) {
            String name = s.getPath().getName();
            if (name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            if (s.isDirectory()) {
                throw new Refusal("data directory " + file + " holds the directory " + name + ": a partitioned table"
                        + " is not read; give one directory of part files");
            }
            entries.add(s);
        }
        if (entries.isEmpty()) {
            throw new Refusal("data directory " + file + " holds no part files");
        }
        entries.sort(Comparator.comparing(s -> s.getPath().getName()));
        return entries.stream().map(FileStatus::getPath).toList();
    }

    private static int[] fields(String file, GroupType schema, List<String> inputs, String output) {
        List<String> names = schema.getFields().stream().map(Type::getName).toList();
        int[] fields = new int[inputs.size() + 1];
        for (int k = 0; k <= inputs.size(); k++) {
            String name = k < inputs.size() ? inputs.get(k) : output;
            fields[k] = column(file, names, name);
            Type type = schema.getType(fields[k]);
            if (!type.isPrimitive() || !List.of("DOUBLE", "FLOAT", "INT32", "INT64")
                    .contains(type.asPrimitiveType().getPrimitiveTypeName().name())) {
                throw new Refusal("column '" + name + "' of " + file + " holds " + type
                        + ", not numbers");
            }
        }
        return fields;
    }

    private static double cell(String file, Group g, int field, int row, String name) {
        String where = "row " + (row + 1) + " of " + file;
        if (g.getFieldRepetitionCount(field) == 0) {
            throw new Refusal(where + ", column '" + name + "': no value");
        }
        double v = switch (g.getType().getType(field).asPrimitiveType().getPrimitiveTypeName()) {
            case DOUBLE -> g.getDouble(field, 0);
            case FLOAT -> g.getFloat(field, 0);
            case INT32 -> g.getInteger(field, 0);
            default -> g.getLong(field, 0);
        };
        return finite(v, where, name);
    }

    private static int column(String file, List<String> header, String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new Refusal("data file " + file + " has no column '" + name + "'; its columns are "
                    + String.join(", ", header));
        }
        return c;
    }

    private static int capped(String file, int rows, int d) {
        if ((long) rows * (d + 1) > DataSet.MAX_VALUES) {
            throw new Refusal("data file " + file + " has more than " + DataSet.MAX_VALUES / (d + 1) + " rows of " + (d + 1)
                    + " columns; a data target holds at most " + DataSet.MAX_VALUES + " numbers");
        }
        return rows;
    }

    private static double finite(double v, String where, String name) {
        if (!Double.isFinite(v)) {
            throw new Refusal(where + ", column '" + name + "': " + v + " is not finite");
        }
        return v;
    }

    private static void put(double[] points, double[] values, int d, int row, int k, double v) {
        if (k < d) {
            points[row * d + k] = v;
        } else {
            values[row] = v;
        }
    }
}
