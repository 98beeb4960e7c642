package org.relufem.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.relufem.spark.Sessions;
import picocli.CommandLine;

/**
 * relufem's run options as Spark properties, so that a cluster's {@code spark-defaults.conf} (or
 * {@code --conf}, or {@code -D}) can carry them: {@code --out} is {@code spark.relufem.out},
 * {@code --chunk-seconds} {@code spark.relufem.chunkSeconds}, {@code --trial-budget}
 * {@code spark.relufem.trialBudget}, {@code --fail-fast} {@code spark.relufem.failFast} and
 * {@code --wait} {@code spark.relufem.wait}. An option on the command line wins over the property,
 * the property over relufem's default. Options that delete or rewrite rows ({@code --replace},
 * {@code --retry}, {@code --repair}) are not taken from properties.
 */
final class SparkPropertyDefaults implements CommandLine.IDefaultValueProvider {
    /** The options a property may set. */
    static final Set<String> OPTIONS = Set.of("--out", "--chunk-seconds", "--trial-budget", "--fail-fast", "--wait");

    private final Map<String, String> properties;

    /** The properties of {@code -Dspark.*} (spark-submit's too) over those of the defaults file jobs/relufem names. */
    SparkPropertyDefaults() {
        this(userProperties());
    }

    SparkPropertyDefaults(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (!(arg instanceof CommandLine.Model.OptionSpec option) || !OPTIONS.contains(option.longestName())) {
            return null;
        }
        return properties.get(property(option.longestName()));
    }

    /** {@code --chunk-seconds} -> {@code spark.relufem.chunkSeconds}. */
    static String property(String option) {
        StringBuilder b = new StringBuilder("spark.relufem.");
        String[] words = option.substring(2).split("-");
        for (int i = 0; i < words.length; i++) {
            b.append(i == 0 ? words[i] : Character.toUpperCase(words[i].charAt(0)) + words[i].substring(1));
        }
        return b.toString();
    }

    private static Map<String, String> userProperties() {
        Map<String, String> out = new HashMap<>(Sessions.defaultsFile());
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.relufem."))
                .forEach(k -> out.put(k, System.getProperty(k)));
        return out;
    }
}
