package org.relufem.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession every Spark test shares (starting one costs tens of seconds here):
 * local[2] with task retries, UI off, two shuffle partitions, driver bound to 127.0.0.1. It is never stopped by a
 * test; Spark's shutdown hook stops it when the test JVM exits.
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
            session = SparkSession.builder()
                    .master("local[2,4]") // two threads; a failed task is retried up to 4 attempts, as on a cluster
                    .appName("relufem-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }
}
