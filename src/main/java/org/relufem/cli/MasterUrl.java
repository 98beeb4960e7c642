package org.relufem.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Checks a --master value before anything runs. Spark itself parses the URL only when the
 * session starts (a garbage value then fails with a stack trace and exit 1) and ignores it
 * altogether when a session is already running; relufem refuses it up front as bad input.
 * The forms are Spark 4's (SparkMasterRegex, plus its yarn and k8s cluster managers).
 */
final class MasterUrl implements CommandLine.ITypeConverter<String> {
    private static final Pattern VALID = Pattern.compile(
            "local"
                    + "|local\\[([1-9][0-9]*|\\*)(\\s*,\\s*[0-9]+)?]"
                    + "|local-cluster\\[\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*]"
                    + "|spark://.+"
                    + "|yarn"
                    + "|k8s://.+");

    @Override
    public String convert(String value) {
        if (!VALID.matcher(value).matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a Spark master URL; use local[*],"
                    + " local[N] (N >= 1), local-cluster[N,C,M], spark://HOST:PORT, yarn or k8s://URL");
        }
        return value;
    }
}
