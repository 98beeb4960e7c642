package org.relufem.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** How {@code query} prints a result: an aligned table, CSV (RFC 4180) or JSON Lines. */
public enum OutputFormat {
    TABLE, CSV, JSON;

    /** Parses a --format value. */
    public static OutputFormat of(String name) {
        for (OutputFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; use table, csv or json");
    }

    /** Prints every row of {@code result} to {@code out}, and nothing else. */
    public void print(Dataset<Row> result, PrintStream out) {
        if (this == JSON) {
            for (String line : result.toJSON().collectAsList()) {
                out.println(line);
            }
            return;
        }
        String[] columns = result.columns();
        List<String[]> cells = new ArrayList<>();
        for (Row row : result.collectAsList()) {
            String[] line = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                line[c] = text(row.get(c), this == TABLE);
            }
            cells.add(line);
        }
        if (this == CSV) {
            out.println(csvLine(columns));
            cells.forEach(line -> out.println(csvLine(line)));
        } else {
            printTable(columns, cells, out);
        }
    }

    /** Prints an aligned text table: numbers right-aligned, a rule under the header. */
    public static void printTable(String[] header, List<String[]> rows, PrintStream out) {
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder rule = new StringBuilder();
        StringBuilder head = new StringBuilder();
        for (int c = 0; c < header.length; c++) {
            head.append(c == 0 ? "" : "  ").append(pad(header[c], width[c], false));
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        out.println(head);
        out.println(rule);
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < header.length; c++) {
                line.append(c == 0 ? "" : "  ").append(pad(r[c], width[c], isNumber(r[c])));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A cell's text: null is empty, doubles in 4 significant digits for tables and exactly for CSV. */
    static String text(Object value, boolean rounded) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return rounded ? String.format(Locale.ROOT, "%.4g", d) : d.toString();
        }
        if (value instanceof Vector v) {
            return rounded && v.size() > 6 ? "[" + v.size() + " values]" : v.toString();
        }
        return value.toString();
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.matches("[-+0-9.eE]+|NaN|-?Infinity");
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    private static String csvLine(String[] cells) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String v = cells[c];
            boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
            s.append(c == 0 ? "" : ",").append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return s.toString();
    }
}
