package org.relufem.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.method.fem.GridInterpolation;
import org.relufem.method.net.Network;
import org.relufem.metric.Errors;
import org.relufem.report.ResultsTable;
import org.relufem.sample.Samplers;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialSpace;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/** A small sweep end to end on the shared local[2] session. */
class SweepJobTest {
    static final String SPEC = """
            sweep = tiny
            targets = [ { name = seed2d }, { name = gaussian, dim = 3 } ]
            test { points = 300, seeds = [0, 1] }
            methods = [
              { method = p1, data { sampler = grid, grid_n = [5, 9] } }
              { method = q1, data { sampler = grid, grid_n = 5 } }
              { method = relu_net
                data { sampler = uniform, points = 64, seeds = [3] }
                width = [4, 6], depth = [1, 2], lr = 1e-2, batch_size = [0, 16]
                epochs = [3, 10], init_seeds = [0, 1]
                keep_weights = true
              }
            ]
            """;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static SweepSpec spec;
    static Dataset<Row> table;

    static final List<String> jobDescriptions = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    @BeforeAll
    static void runTheSweep() {
        spark = SharedSpark.get();
        spec = SpecParser.parse(SPEC, "tiny.conf");
        org.apache.spark.scheduler.SparkListener listener = new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
                jobDescriptions.add(String.valueOf(start.properties().getProperty("spark.job.description")));
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            SweepJob.run(spark, spec, dir.resolve("out").toString(), SweepJob.Options.DEFAULT);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
        table = ResultsTable.register(spark, dir.resolve("out").toString());
    }

    /** Every chunk's Spark jobs carry its description in the Spark UI (listener events arrive asynchronously). */
    @Test
    void everyChunkIsANamedJob() throws InterruptedException {
        for (int i = 0; i < 100 && jobDescriptions.isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertFalse(jobDescriptions.isEmpty());
        String all = String.join("\n", jobDescriptions);
        assertTrue(all.contains("relufem sweep tiny: chunk 1, trials 0-"), all);
        assertTrue(all.contains(" of " + new TrialSpace(spec).size() + " (~"), all);
    }

    /** started_at is Parquet's INT64 TIMESTAMP(MICROS), which pyarrow, DuckDB and pandas read, not Spark's INT96. */
    @Test
    void timestampsAreWrittenAsParquetMicros() throws IOException {
        Path part;
        try (var files = Files.walk(dir.resolve("out"))) {
            part = files.filter(f -> f.getFileName().toString().startsWith("part-")
                    && f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(org.apache.parquet.hadoop.util.HadoopInputFile
                .fromPath(new org.apache.hadoop.fs.Path(part.toUri()), new org.apache.hadoop.conf.Configuration()))) {
            var type = reader.getFooter().getFileMetaData().getSchema().getType("started_at").asPrimitiveType();
            assertEquals(org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64, type.getPrimitiveTypeName());
            assertEquals(org.apache.parquet.schema.LogicalTypeAnnotation.timestampType(true,
                    org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS), type.getLogicalTypeAnnotation());
        }
    }

    @Test
    void theTableHasExactlyThePlannedRowsWithDistinctIds() {
        TrialSpace space = new TrialSpace(spec);
        assertEquals(2 * 2 * 2 + 2 * 2 + 2 * 2 * 2 * 2 * 2 * 2, space.size());
        Row counts = spark.sql("SELECT count(*), count(DISTINCT trial_id) FROM trials").first();
        assertEquals(space.rowCount(), counts.getLong(0));
        assertEquals(space.rowCount(), counts.getLong(1));
        assertEquals(0, spark.sql("SELECT * FROM trials WHERE status <> 'ok'").count());
    }

    @Test
    void columnsAndTypesAreTheDocumentedSchema() {
        // On read, the partition column moves to the end.
        List<StructField> expected = new java.util.ArrayList<>(List.of(ResultSchema.FILE_SCHEMA.fields()));
        expected.add(ResultSchema.TABLE_SCHEMA.apply("sweep"));
        StructField[] actual = table.schema().fields();
        assertEquals(expected.size(), actual.length);
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected.get(i).name(), actual[i].name());
            assertEquals(expected.get(i).dataType(), actual[i].dataType(), actual[i].name());
        }
    }

    @Test
    void p1RowsMatchTheNumericalCoreCalledDirectly() {
        List<Row> rows = spark.sql("SELECT target, dim, grid_n, test_seed, mse, max_abs_err, rel_l2, params "
                + "FROM trials WHERE method = 'p1'").collectAsList();
        assertEquals(8, rows.size());
        for (Row r : rows) {
            Target target = Targets.create(r.getString(0), r.getInt(1));
            Errors direct = Errors.of(GridInterpolation.P1.fit(Samplers.grid(target, r.getInt(2))),
                    Samplers.test(target, 300, r.getLong(3)));
            assertEquals(direct.mse(), r.getDouble(4));
            assertEquals(direct.maxAbsErr(), r.getDouble(5));
            assertEquals(direct.relL2(), r.getDouble(6));
            assertEquals((long) Math.pow(r.getInt(2), r.getInt(1)), r.getLong(7));
        }
    }

    @Test
    void netRowsCarryTheirLossCurveAndWeightsThatRebuildTheNet() {
        Row r = spark.sql("SELECT loss_curve, weights, width, depth, dim, epochs, params, mse, test_seed, batch_size "
                + "FROM trials WHERE method = 'relu_net' AND epochs = 10 AND target = 'gaussian' AND width = 6 "
                + "AND depth = 2 ORDER BY test_seed, init_seed, batch_size LIMIT 1").first();
        Vector curve = (Vector) r.get(0);
        assertEquals(4, curve.size()); // epochs 1, 2, 5, 10
        Vector weights = (Vector) r.get(1);
        assertEquals(r.getLong(6), weights.size());
        Network net = Network.of(r.getInt(4), r.getInt(2), r.getInt(3), weights.toArray());
        Target target = Targets.create("gaussian", 3);
        assertEquals(r.getDouble(7), Errors.of(net, Samplers.test(target, 300, r.getLong(8))).mse(), 1e-15);
        assertEquals(16, r.getInt(9));
        assertEquals(64, spark.sql("SELECT max(batch_size) FROM trials WHERE method = 'relu_net'").first().getInt(0));
    }

    @Test
    void interpolantRowsLeaveNetworkColumnsNull() {
        Row r = spark.sql("SELECT width, epochs, optimizer, loss_curve, weights, train_mse, code_version, host, "
                + "started_at FROM trials WHERE method = 'q1' LIMIT 1").first();
        for (int c = 0; c < 6; c++) {
            assertTrue(r.isNullAt(c), "column " + c);
        }
        assertNotNull(r.getString(6));
        assertNotNull(r.getString(7));
        assertNotNull(r.getTimestamp(8));
    }
}
