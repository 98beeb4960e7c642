package org.relufem.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same samples as CSV and as Parquet read as the same data set. */
class DataFilesTest {
    @TempDir
    static Path dir;

    static final int ROWS = 50;
    static double[][] xyf = new double[ROWS][3];

    @BeforeAll
    static void samples() {
        Random r = new Random(5);
        for (double[] row : xyf) {
            row[0] = r.nextDouble();
            row[1] = r.nextDouble();
            row[2] = Math.exp(row[0]) * row[1];
        }
    }

    static Path csv() throws Exception {
        StringBuilder s = new StringBuilder("x, y, f, note\n");
        for (double[] row : xyf) {
            s.append(row[0]).append(", ").append(row[1]).append(", ").append(row[2]).append(", some text\n\n");
        }
        return Files.writeString(dir.resolve("xyf.csv"), s);
    }

    /** The samples as Parquet: x a double, y a float's worth in a double column, f a double, plus a string and an int. */
    static Path parquet(String name, boolean gap) throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message t { required double x; optional double y;"
                + " required double f; optional binary note (UTF8); required int32 k; }");
        Path file = dir.resolve(name);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toString()))
                .withType(schema).withConf(new Configuration()).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            for (int i = 0; i < ROWS; i++) {
                Group g = groups.newGroup().append("x", xyf[i][0]);
                if (!(gap && i == 7)) {
                    g.append("y", xyf[i][1]);
                }
                g.append("f", xyf[i][2]).append("note", "text").append("k", i);
                w.write(g);
            }
        }
        return file;
    }

    @Test
    void csvAndParquetOfTheSameSamplesAreOneDataSet() throws Exception {
        DataSet a = DataSet.read(csv().toString(), List.of("x", "y"), "f");
        DataSet b = DataSet.read(parquet("xyf.parquet", false).toString(), List.of("x", "y"), "f");
        assertEquals(ROWS, a.rows());
        assertEquals(2, a.dimension());
        assertArrayEquals(a.points(), b.points());
        assertArrayEquals(a.values(), b.values());
        assertEquals(a.digest(), b.digest()); // so their trial ids are equal too
        assertEquals(xyf[3][2], a.values()[3]);
        assertEquals(xyf[3][1], b.points()[7]);
        // An int column is a number too.
        DataSet k = DataSet.read(parquet("k.parquet", false).toString(), List.of("x"), "k");
        assertEquals(49.0, k.values()[49]);
    }

    @Test
    void parquetRefusalsNameTheFileRowAndColumn() throws Exception {
        String file = parquet("gap.parquet", true).toString();
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                () -> DataSet.read(file, List.of("x", "y"), "f"));
        assertEquals("row 8 of " + file + ", column 'y': no value", gap.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> DataSet.read(file, List.of("x", "note"), "f"));
        assertTrue(text.getMessage().startsWith("column 'note' of " + file + " holds optional binary note"),
                text.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DataSet.read(file, List.of("x", "z"), "f"));
        assertEquals("data file " + file + " has no column 'z'; its columns are x, y, f, note, k", missing.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> DataSet.read(dir.resolve("none.parquet").toString(), List.of("x"), "f"));
        assertTrue(none.getMessage().startsWith("cannot read data file " + dir.resolve("none.parquet")), none.getMessage());
    }

    @Test
    void aTablePastTheSizeLimitIsRefusedNamingTheFileAndTheLimit() throws Exception {
        // 1-D: two numbers a row, so 500,000 rows are the limit and one more is refused.
        StringBuilder s = new StringBuilder("x,f\n");
        for (int i = 0; i <= DataSet.MAX_VALUES / 2; i++) {
            s.append(i).append(',').append(i % 7).append('\n');
        }
        Path big = Files.writeString(dir.resolve("big.csv"), s);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.read(big.toString(), List.of("x"), "f"));
        assertEquals("data file " + big + " has more than 500000 rows of 2 columns; a data target holds at most 1000000"
                + " numbers", e.getMessage());
        Path limit = Files.writeString(dir.resolve("limit.csv"), s.substring(0, s.lastIndexOf("500000,")));
        assertEquals(DataSet.MAX_VALUES / 2, DataSet.read(limit.toString(), List.of("x"), "f").rows());
    }
}
