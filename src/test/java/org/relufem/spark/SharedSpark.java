package org.relufem.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession every Spark test shares (starting one costs tens of seconds here):
 * local[2] with task retries and two shuffle partitions, over relufem's session defaults (UI off, driver bound to
 * 127.0.0.1, timestamps as TIMESTAMP_MICROS). It is never stopped by a test; Spark's shutdown hook stops it when the test JVM exits.
 */
public final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            try {
                Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the test temp directory", e);
            }
            // The test settings as a user's, under which relufem's session defaults apply as in production.
            SparkConf test = new SparkConf(true)
                    .set("spark.master", "local[2,4]") // two threads; a failed task is retried up to 4 attempts, as on a cluster
                    .set("spark.sql.shuffle.partitions", "2")
                    .set("spark.default.parallelism", "2");
            session = Sessions.create(Sessions.configuration(test, Map.of(), null, "relufem-tests"));
        }
        return session;
    }
}
