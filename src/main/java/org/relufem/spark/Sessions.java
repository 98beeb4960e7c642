package org.relufem.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.relufem.BadInputException;
import org.relufem.method.net.JitOptions;

/**
 * Builds the SparkSession every command shares, keeping Spark's precedence: what the user set
 * wins over relufem's defaults. From strongest to weakest: {@code -Dspark.*} system properties
 * (which is how spark-submit passes its {@code --conf}, {@code --master} and its
 * {@code spark-defaults.conf}); relufem's {@code --master}; the {@code spark-defaults.conf} that
 * {@code jobs/relufem} names with {@code -Drelufem.sparkDefaults} (found as spark-submit finds it:
 * {@code $SPARK_CONF_DIR}, else {@code $SPARK_HOME/conf}); then relufem's defaults ({@link #DEFAULTS};
 * on local masters also the driver on 127.0.0.1 and no web UI). The executors' JVM options get
 * {@link JitOptions#OPTIONS} added unless they set that flag themselves.
 */
public final class Sessions {
    /** The system property by which jobs/relufem names the spark-defaults.conf it found. */
    static final String DEFAULTS_FILE = "relufem.sparkDefaults";

    /** relufem's session defaults, each applied only where nothing above set the key. */
    static final Map<String, String> DEFAULTS = Map.of(
            "spark.ui.showConsoleProgress", "false",   // relufem reports its own progress
            "spark.sql.shuffle.partitions", "8",
            "spark.sql.debug.maxToStringFields", "200",
            "spark.sql.parquet.compression.codec", "snappy",
            // started_at as Parquet's own timestamp type, which pyarrow, DuckDB and pandas read; not INT96
            "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");

    static final String EXECUTOR_OPTIONS = "spark.executor.extraJavaOptions";

    private Sessions() {
    }

    /**
     * The configuration of a session on {@code master} (null: not given; {@code local[*]} unless
     * something else sets {@code spark.master}), before it starts: the user's settings (system
     * properties and the defaults file) with relufem's defaults under them.
     */
    public static SparkConf configuration(String master, String appName) {
        return configuration(new SparkConf(true), defaultsFile(), master, appName);
    }

    /** A session with {@link #configuration}. */
    public static SparkSession create(String master, String appName) {
        return create(configuration(master, appName));
    }

    /** A session with {@code conf}, as {@link #configuration} made it. */
    public static SparkSession create(SparkConf conf) {
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * {@code user} (the keys the user set, strongest first) completed: the defaults file's keys
     * where the user set nothing, {@code master} unless {@code spark.master} is set, then relufem's
     * defaults. Pure: tests hand in the user's settings.
     */
    static SparkConf configuration(SparkConf user, Map<String, String> defaultsFile, String master, String appName) {
        SparkConf conf = user.clone();
        if (master != null) {
            conf.setIfMissing("spark.master", master);
        }
        defaultsFile.forEach(conf::setIfMissing);
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.app.name", appName);
        DEFAULTS.forEach(conf::setIfMissing);
        // a cluster's executors run the kernels: they need the JIT options the driver's JVM was started with
        conf.set(EXECUTOR_OPTIONS, JitOptions.addedTo(conf.get(EXECUTOR_OPTIONS, "")));
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        } else if (!conf.contains("spark.jars")) {
            applicationJar().ifPresent(jar -> conf.set("spark.jars", jar));
        }
        return conf;
    }

    /**
     * The spark.* keys of the spark-defaults.conf jobs/relufem named, as spark-submit reads one
     * (Java properties, trimmed values); empty when it named none.
     *
     * @throws BadInputException when the file cannot be read
     */
    public static Map<String, String> defaultsFile() {
        String file = System.getProperty(DEFAULTS_FILE);
        return file == null || file.isEmpty() ? Map.of() : readDefaults(Path.of(file));
    }

    static Map<String, String> readDefaults(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("cannot read Spark defaults file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().filter(k -> k.startsWith("spark."))
                .forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    /**
     * The jar relufem runs from, so that a driver started by plain java (jobs/relufem) ships it to
     * a cluster's executors; spark-submit sets spark.jars itself.
     */
    static Optional<String> applicationJar() {
        try {
            Path p = Path.of(Sessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? Optional.of(p.toString()) : Optional.empty();
        } catch (java.net.URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
