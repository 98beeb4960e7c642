package org.relufem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** relufem's run options from spark.relufem.* properties: the flag wins, then the property, then the default. */
class SparkPropertyDefaultsTest {
    private static RunCommand parse(Map<String, String> properties, String... args) {
        RunCommand run = new RunCommand();
        CommandLine cli = new CommandLine(run);
        cli.setDefaultValueProvider(new SparkPropertyDefaults(properties));
        cli.parseArgs(args);
        return run;
    }

    @Test
    void propertiesSetTheRunOptionsTheCommandLineDoesNotGive() {
        Map<String, String> p = Map.of("spark.relufem.out", "hdfs://nn/relufem", "spark.relufem.chunkSeconds", "30",
                "spark.relufem.trialBudget", "600", "spark.relufem.wait", "true", "spark.relufem.replace", "true");
        RunCommand fromProperties = parse(p, "conf/seed.conf");
        assertEquals("hdfs://nn/relufem", fromProperties.table.out);
        assertEquals(30, fromProperties.chunkSeconds);
        assertEquals(600, fromProperties.trialBudget);
        assertTrue(fromProperties.waitForLease);
        assertFalse(fromProperties.replace, "options that delete rows are never taken from properties");
        RunCommand flags = parse(p, "--out", "here", "--chunk-seconds", "5", "conf/seed.conf");
        assertEquals("here", flags.table.out);
        assertEquals(5, flags.chunkSeconds);
        RunCommand defaults = parse(Map.of(), "conf/seed.conf");
        assertEquals("results", defaults.table.out);
        assertEquals(60, defaults.chunkSeconds);
        assertNull(defaults.trialBudget);
        assertNull(defaults.table.master, "no --master: spark.master or local[*] decides");
    }

    @Test
    void optionNamesMapToSparkStylePropertyNames() {
        assertEquals("spark.relufem.chunkSeconds", SparkPropertyDefaults.property("--chunk-seconds"));
        assertEquals("spark.relufem.out", SparkPropertyDefaults.property("--out"));
        assertEquals("spark.relufem.failFast", SparkPropertyDefaults.property("--fail-fast"));
    }
}
