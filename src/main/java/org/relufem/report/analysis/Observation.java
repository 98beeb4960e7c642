package org.relufem.report.analysis;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One successful row of the results table as the report's analysis sees it: its settings (every
 * column a study may vary, the checkpoint included, nulls left out), its replicates (seeds), and
 * what was measured. Made by the Spark layer from a row, or by a test from known values.
 *
 * @param settings column name to value (String, Integer, Long or Double), in table order; holds
 *     {@code method}, {@code target} and {@code dim} at least
 * @param replicates the seeds and test set of the row: what the report aggregates over
 * @param relL2 relative L2 test error; {@code maxErr} the searched max-norm error (the test-set
 *     maximum where there was no search)
 * @param maxErrLocation where the max-norm search found {@code maxErr}; null without a search
 */
public record Observation(String trialId, String sweep, Map<String, Object> settings, Map<String, Object> replicates,
                          long params, double relL2, double maxErr, double rmse, double fitSeconds,
                          double[] maxErrLocation) {

    /** Orders setting values: numbers by value, before strings, strings alphabetically. */
    public static final Comparator<Object> VALUE_ORDER = (a, b) -> {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Number) {
            return -1;
        }
        if (b instanceof Number) {
            return 1;
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    };

    public Observation {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        replicates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(replicates));
    }

    /** An observation without a max-norm location. */
    public Observation(String trialId, String sweep, Map<String, Object> settings, Map<String, Object> replicates,
                       long params, double relL2, double maxErr, double rmse, double fitSeconds) {
        this(trialId, sweep, settings, replicates, params, relL2, maxErr, rmse, fitSeconds, null);
    }

    public String method() {
        return (String) settings.get("method");
    }

    public String target() {
        return (String) settings.get("target");
    }

    public int dim() {
        return ((Number) settings.get("dim")).intValue();
    }

    /** The value of setting {@code column}, null where the row has none. */
    public Object get(String column) {
        return settings.get(column);
    }

    /** The error the report measures by {@code metric}. */
    public double error(Metric metric) {
        return metric == Metric.REL_L2 ? relL2 : maxErr;
    }

    /** A value as the report prints it: integers plainly, other numbers to four significant digits. */
    public static String format(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        return String.valueOf(v);
    }

    /** A double to four significant digits, integers plainly. */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e7) {
            return String.valueOf((long) d);
        }
        return String.format(Locale.ROOT, "%.4g", d);
    }
}
