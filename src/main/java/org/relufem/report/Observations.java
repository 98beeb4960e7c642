package org.relufem.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.relufem.report.analysis.Observation;
import org.relufem.sweep.Column;
import org.relufem.sweep.ResultColumns;

/**
 * Reads the report's observations from view {@code trials}: the successful rows of some sweeps
 * with positive errors (a log axis has no zero), their settings (the columns whose role is a
 * setting or the checkpoint) and replicates, one row per {@code trial_id}. The only Spark in the
 * report's analysis.
 */
final class Observations {
    private Observations() {
    }

    /** What was read: the observations, and the rows left out (not ok, or an error of zero) per method. */
    record Read(List<Observation> observations, Map<String, Long> leftOut) {
    }

    static Read of(SparkSession spark, List<String> sweeps) {
        List<String> settings = columns(Column.Role.SETTING, Column.Role.CHECKPOINT);
        List<String> replicates = columns(Column.Role.REPLICATE);
        String in = quoted(sweeps);
        List<String> select = new ArrayList<>(List.of("trial_id", "sweep", "status", "params", "rel_l2",
                "coalesce(max_abs_err_search, max_abs_err) AS max_err", "rmse", "fit_seconds", "max_err_location"));
        select.addAll(settings);
        select.addAll(replicates);
        List<Row> rows = spark.sql("SELECT " + String.join(", ", select) + " FROM trials WHERE sweep IN (" + in
                + ") ORDER BY sweep, trial_id").collectAsList();
        List<Observation> out = new ArrayList<>();
        Map<String, Long> leftOut = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int first = 9;
        for (Row r : rows) {
            Map<String, Object> s = values(r, settings, first);
            Map<String, Object> rep = values(r, replicates, first + settings.size());
            boolean ok = "ok".equals(r.getString(2)) && !r.isNullAt(3) && positive(r, 4) && positive(r, 5) && !r.isNullAt(7);
            if (!ok) {
                leftOut.merge((String) s.get("method"), 1L, Long::sum);
                continue;
            }
            if (seen.add(r.getString(0))) {
                out.add(new Observation(r.getString(0), r.getString(1), s, rep, r.getLong(3), r.getDouble(4),
                        r.getDouble(5), r.isNullAt(6) ? Double.NaN : r.getDouble(6), r.getDouble(7),
                        vector(r, 8)));
            }
        }
        return new Read(out, leftOut);
    }

    /**
     * The stored approximant on the field grid (column {@code field}) of the rows {@code trialIds}
     * of {@code sweeps}, where they have one: read for the few trials the pictures draw, not with
     * every observation (a 2-D field is 29 KB a row).
     */
    static Map<String, double[]> fields(SparkSession spark, List<String> sweeps, Collection<String> trialIds) {
        Map<String, double[]> out = new HashMap<>();
        if (trialIds.isEmpty()) {
            return out;
        }
        String ids = trialIds.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", "));
        for (Row r : spark.sql("SELECT trial_id, field FROM trials WHERE sweep IN (" + quoted(sweeps)
                + ") AND trial_id IN (" + ids + ") AND field IS NOT NULL").collectAsList()) {
            out.putIfAbsent(r.getString(0), vector(r, 1));
        }
        return out;
    }

    private static String quoted(List<String> sweeps) {
        return sweeps.stream().map(s -> "'" + s.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    private static double[] vector(Row r, int i) {
        return r.isNullAt(i) ? null : ((Vector) r.get(i)).toArray();
    }

    private static boolean positive(Row r, int i) {
        return !r.isNullAt(i) && r.getDouble(i) > 0 && Double.isFinite(r.getDouble(i));
    }

    private static Map<String, Object> values(Row r, List<String> names, int first) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (!r.isNullAt(first + i)) {
                out.put(names.get(i), r.get(first + i));
            }
        }
        return out;
    }

    private static List<String> columns(Column.Role... roles) {
        List<Column.Role> want = List.of(roles);
        return ResultColumns.all().stream().filter(c -> want.contains(c.role())).map(Column::name).toList();
    }
}
