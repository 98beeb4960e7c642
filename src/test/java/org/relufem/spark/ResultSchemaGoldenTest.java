package org.relufem.spark;

import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.relufem.Golden;

/** The results table is the product's public API: its columns' names, types, nullability and order are pinned. */
class ResultSchemaGoldenTest {
    @Test
    void theTableKeepsItsColumns() {
        StringBuilder out = new StringBuilder();
        for (StructField f : ResultSchema.TABLE_SCHEMA.fields()) {
            out.append(f.name()).append('\t').append(f.dataType().simpleString()).append('\t')
                    .append(f.nullable() ? "nullable" : "not null").append('\n');
        }
        Golden.assertMatches("results-schema.tsv", out.toString());
    }
}
