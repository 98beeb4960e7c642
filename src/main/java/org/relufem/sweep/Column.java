package org.relufem.sweep;

import java.util.function.Function;
import org.relufem.sweep.family.MethodParams;

/**
 * One column of the results table: its name, type, nullability, what it is to a reader, and how a
 * row fills it. {@link ResultColumns} lists the table; the Parquet schema, the row conversion and
 * the run summary's grouping follow from it.
 */
public record Column(String name, Type type, boolean nullable, Role role, Function<ResultRow, Object> value) {

    /** Value types; the Spark layer maps each to its SQL type. */
    public enum Type {
        /** {@code String}. */
        STRING,
        /** {@code Integer}. */
        INT,
        /** {@code Long}. */
        LONG,
        /** {@code Double}. */
        DOUBLE,
        /** {@code java.time.Instant}. */
        TIMESTAMP,
        /** {@code double[]}, stored as an {@code ml.linalg} vector. */
        VECTOR
    }

    /** What a column is to a reader of the table. */
    public enum Role {
        /** The row's identity. */
        ID,
        /** A parameter a study varies: the run summary groups by it. */
        SETTING,
        /** A seed or the test set: summaries take medians and bests over it. */
        REPLICATE,
        /** The epoch checkpoint of a trained method's row: grouped by, after the settings. */
        CHECKPOINT,
        /** Something measured: an error, a time, a status, a curve. */
        MEASUREMENT,
        /** Where and with what the row was made. */
        PROVENANCE
    }

    /** A column whose value is never null. */
    static Column required(String name, Type type, Role role, Function<ResultRow, Object> value) {
        return new Column(name, type, false, role, value);
    }

    /** A column null where it does not apply. */
    static Column optional(String name, Type type, Role role, Function<ResultRow, Object> value) {
        return new Column(name, type, true, role, value);
    }

    /**
     * A nullable column filled from the parameters of the families whose {@link MethodParams} are
     * {@code owner}s (one family's record, or an interface several implement), null on other rows.
     */
    public static <P> Column of(String name, Type type, Role role, Class<P> owner,
                                                     Function<P, Object> value) {
        return optional(name, type, role, r -> owner.isInstance(r.trial().params())
                ? value.apply(owner.cast(r.trial().params())) : null);
    }
}
