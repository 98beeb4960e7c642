package org.relufem.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.BadInputException;

/** Spark's precedence: what the user set (-D, spark-submit, --master, spark-defaults.conf) wins over relufem's defaults. */
class SessionsTest {
    @TempDir
    Path dir;

    private static SparkConf user(String... pairs) {
        SparkConf c = new SparkConf(false);
        for (int i = 0; i < pairs.length; i += 2) {
            c.set(pairs[i], pairs[i + 1]);
        }
        return c;
    }

    @Test
    void relufemsDefaultsApplyOnlyWhereTheUserSetNothing() {
        SparkConf none = Sessions.configuration(user(), Map.of(), null, "app");
        Sessions.DEFAULTS.forEach((k, v) -> assertEquals(v, none.get(k), k));
        assertEquals("local[*]", none.get("spark.master"));
        assertEquals("false", none.get("spark.ui.enabled"));
        assertEquals("127.0.0.1", none.get("spark.driver.host"));
        assertEquals("app", none.get("spark.app.name"));

        SparkConf set = Sessions.configuration(user("spark.sql.shuffle.partitions", "200",
                "spark.sql.parquet.compression.codec", "zstd", "spark.ui.enabled", "true", "spark.app.name", "mine",
                "spark.sql.parquet.outputTimestampType", "INT96"), Map.of(), "local[2]", "app");
        assertEquals("200", set.get("spark.sql.shuffle.partitions"));
        assertEquals("zstd", set.get("spark.sql.parquet.compression.codec"));
        assertEquals("true", set.get("spark.ui.enabled"));
        assertEquals("mine", set.get("spark.app.name"));
        assertEquals("INT96", set.get("spark.sql.parquet.outputTimestampType"));
        assertEquals("local[2]", set.get("spark.master"));
    }

    @Test
    void executorsGetTheJitOptionsBesideTheUsersOwn() {
        SparkConf none = Sessions.configuration(user(), Map.of(), "spark://h:7077", "app");
        assertEquals(String.join(" ", org.relufem.method.net.JitOptions.OPTIONS),
                none.get(Sessions.EXECUTOR_OPTIONS));
        SparkConf mine = Sessions.configuration(user(), Map.of(Sessions.EXECUTOR_OPTIONS, "-Xss8m"),
                "spark://h:7077", "app");
        assertEquals("-Xss8m " + String.join(" ", org.relufem.method.net.JitOptions.OPTIONS),
                mine.get(Sessions.EXECUTOR_OPTIONS));
    }

    @Test
    void theMasterComesFromSparkSubmitThenTheFlagThenTheDefaultsFile() {
        Map<String, String> file = Map.of("spark.master", "spark://file:7077", "spark.sql.shuffle.partitions", "16",
                "spark.executor.memory", "6g");
        SparkConf submitted = Sessions.configuration(user("spark.master", "spark://submit:7077",
                "spark.sql.shuffle.partitions", "4"), file, "spark://flag:7077", "app");
        assertEquals("spark://submit:7077", submitted.get("spark.master"));
        assertEquals("4", submitted.get("spark.sql.shuffle.partitions"), "-D / --conf beats the defaults file");
        assertEquals("6g", submitted.get("spark.executor.memory"));
        assertEquals("spark://flag:7077", Sessions.configuration(user(), file, "spark://flag:7077", "app").get("spark.master"));
        SparkConf fromFile = Sessions.configuration(user(), file, null, "app");
        assertEquals("spark://file:7077", fromFile.get("spark.master"));
        assertEquals("16", fromFile.get("spark.sql.shuffle.partitions"), "the defaults file beats relufem's 8");
        assertFalse(fromFile.contains("spark.ui.enabled"), "a cluster master keeps Spark's UI");
    }

    @Test
    void aDefaultsFileIsReadAsSparkSubmitReadsIt() throws Exception {
        Path f = dir.resolve("spark-defaults.conf");
        Files.writeString(f, "# a comment\nspark.master   spark://h:7077\nspark.relufem.chunkSeconds=30\n"
                + "spark.executor.memory 4g  \nnot.spark x\n");
        Map<String, String> read = Sessions.readDefaults(f);
        assertEquals(Map.of("spark.master", "spark://h:7077", "spark.relufem.chunkSeconds", "30",
                "spark.executor.memory", "4g"), read);
        BadInputException e = assertThrows(BadInputException.class, () -> Sessions.readDefaults(dir.resolve("none.conf")));
        assertTrue(e.getMessage().contains("cannot read Spark defaults file") && e.getMessage().contains("none.conf"),
                e.getMessage());
    }
}
