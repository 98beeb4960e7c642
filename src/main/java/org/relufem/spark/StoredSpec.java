package org.relufem.spark;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;

/** The spec a sweep's rows came from, as its first run stored it ({@code OUT/sweep=NAME/_spec.json}). */
public final class StoredSpec {
    private StoredSpec() {
    }

    /**
     * The stored spec of {@code sweep} under {@code out}, parsed; empty when the sweep stored none
     * (tables older than the spec file).
     *
     * @throws org.relufem.BadInputException when it no longer parses (a data file it names is gone)
     */
    public static Optional<SweepSpec> read(SparkSession spark, String out, String sweep) {
        return new SweepStore(spark, out, sweep).storedSpec()
                .map(text -> SpecParser.parse(text, "the stored spec of sweep " + sweep));
    }
}
