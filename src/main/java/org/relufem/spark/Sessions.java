package org.relufem.spark;

import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession every command shares. */
public final class Sessions {
    private Sessions() {
    }

    /**
     * A session on {@code master} (a {@code spark.master} set by spark-submit wins over it). Local
     * masters bind the driver to 127.0.0.1 and run without the web UI; Spark's console progress bar
     * is off everywhere (relufem reports its own progress).
     */
    public static SparkSession create(String master, String appName) {
        String effective = System.getProperty("spark.master", master);
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(effective)
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.debug.maxToStringFields", "200")
                .config("spark.sql.parquet.compression.codec", "snappy");
        if (effective.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false");
        } else if (System.getProperty("spark.jars") == null) {
            applicationJar().ifPresent(jar -> b.config("spark.jars", jar));
        }
        return b.getOrCreate();
    }

    /**
     * The jar relufem runs from, so that a driver started by plain java (jobs/relufem) ships it to
     * a cluster's executors; spark-submit sets spark.jars itself.
     */
    static java.util.Optional<String> applicationJar() {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(
                    Sessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? java.util.Optional.of(p.toString()) : java.util.Optional.empty();
        } catch (java.net.URISyntaxException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }
}
