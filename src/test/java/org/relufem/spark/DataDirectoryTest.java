package org.relufem.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.report.ResultsTable;
import org.relufem.sample.TensorGrid;
import org.relufem.sweep.ResultRow;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialRunner;
import org.relufem.sweep.TrialSpace;
import org.relufem.target.Box;
import org.relufem.target.DataSet;

/** A data target read from a directory of Parquet part files as Spark writes it, and run as a sweep. */
class DataDirectoryTest {
    static final StructType SCHEMA = new StructType()
            .add("x", DataTypes.DoubleType, false)
            .add("y", DataTypes.DoubleType, false)
            .add("f", DataTypes.DoubleType, false)
            .add("note", DataTypes.StringType, true);

    @TempDir
    Path dir;

    /** {@code rows} written by Spark into {@code parts} part files under {@code out}, in row order. */
    static void write(SparkSession spark, List<double[]> rows, int parts, String out) {
        List<Row> data = new ArrayList<>();
        for (double[] r : rows) {
            data.add(RowFactory.create(r[0], r[1], r[2], "text"));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        spark.createDataFrame(jsc.parallelize(data, parts), SCHEMA).write().parquet(out);
    }

    @Test
    void aSparkWrittenDirectoryIsReadPartByPartInNameOrderAsOneDataSet() throws Exception {
        SparkSession spark = SharedSpark.get();
        Random random = new Random(2);
        List<double[]> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("x,y,f\n");
        for (int i = 0; i < 300; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            rows.add(new double[] {x, y, Math.sin(x) * y});
            csv.append(x).append(',').append(y).append(',').append(Math.sin(x) * y).append('\n');
        }
        Path table = dir.resolve("samples.parquet"); // a directory, as df.write.parquet("samples.parquet") makes it
        write(spark, rows, 3, table.toString());
        List<String> names;
        try (Stream<Path> files = Files.list(table)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(names.contains("_SUCCESS") && names.stream().anyMatch(n -> n.startsWith(".") && n.endsWith(".crc"))
                && names.stream().filter(n -> n.startsWith("part-")).count() == 3, names.toString());
        DataSet fromCsv = DataSet.read(Files.writeString(dir.resolve("samples.csv"), csv).toString(), List.of("x", "y"), "f");
        int[] all = new int[300];
        java.util.Arrays.setAll(all, i -> i);
        for (String name : List.of(table.toString(), table + "/", "file://" + table, "file://" + table + "/")) {
            DataSet read = DataSet.read(name, List.of("x", "y"), "f");
            assertEquals(300, read.rows(), name);
            // the rows in their order: part-00000's, then part-00001's, ...
            assertArrayEquals(fromCsv.select(all)[0], read.select(all)[0], name);
            assertArrayEquals(fromCsv.select(all)[1], read.select(all)[1], name);
            assertEquals(fromCsv.digest(), read.digest(), name); // so the trial ids and the split are the CSV's
        }
        // A partitioned table is refused, naming the directory it holds.
        String partitioned = dir.resolve("by-note").toString();
        List<Row> data = new ArrayList<>();
        rows.forEach(r -> data.add(RowFactory.create(r[0], r[1], r[2], r[0] < 0.5 ? "low" : "high")));
        spark.createDataFrame(data, SCHEMA).write().partitionBy("note").parquet(partitioned);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.read(partitioned + "/", List.of("x", "y"), "f"));
        assertTrue(e.getMessage().startsWith("data directory " + partitioned + "/ holds the directory note="),
                e.getMessage());
    }

    @Test
    void aGridFileInASparkDirectoryRunsAsASweepWithTheRowsOfItsTrialsRunDirectly() {
        SparkSession spark = SharedSpark.get();
        TensorGrid grid = new TensorGrid(Box.cube(2, 0, 1), 17);
        double[] nodes = grid.nodes();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < grid.nodeCount(); i++) {
            double x = nodes[2 * i];
            double y = nodes[2 * i + 1];
            rows.add(new double[] {x, y, Math.exp(-((x - 0.3) * (x - 0.3) + (y - 0.6) * (y - 0.6)) / 0.05)});
        }
        String table = dir.resolve("field").toString();
        write(spark, rows, 2, table);
        SweepSpec spec = SpecParser.parse("""
                sweep = grid-dir
                targets = [ { name = field, data = "%s/", inputs = [x, y], output = f } ]
                methods = [
                  { method = p1, data { sampler = grid, grid_n = [5, 9] } }
                  { method = q1, data { sampler = grid, grid_n = 9 } }
                  { method = relu_net, data { sampler = file }, width = 4, epochs = [2, 5] }
                ]
                """.formatted(table), "grid-dir.conf");
        String out = dir.resolve("out").toString();
        SweepJob.run(spark, spec, out, SweepJob.Options.DEFAULT);
        ResultsTable.register(spark, out);
        TrialSpace space = new TrialSpace(spec);
        Map<String, Row> byId = new HashMap<>();
        spark.sql("SELECT trial_id, status, mse, test_points FROM trials WHERE sweep = 'grid-dir'").collectAsList()
                .forEach(r -> byId.put(r.getString(0), r));
        assertEquals(space.rowCount(), byId.size());
        for (long i = 0; i < space.size(); i++) {
            for (ResultRow direct : TrialRunner.run(space.trial(i))) {
                Row r = byId.get(direct.trialId());
                assertEquals("ok", r.getString(1), direct.message());
                assertEquals(direct.errors().mse(), r.getDouble(2), direct.trial().canonical());
                assertEquals(58, r.getInt(3)); // round(0.2 * 289)
            }
        }
    }
}
