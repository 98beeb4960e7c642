package org.relufem.cli;

import picocli.CommandLine.Option;

/** The options every command that touches the results table shares: where it is, and which Spark runs. */
final class TableOptions {
    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR",
            description = "results table directory, default ${DEFAULT-VALUE}")
    String out;

    @Option(names = "--master", paramLabel = "URL", converter = MasterUrl.class,
            description = "Spark master, default local[*]; spark.master from spark-submit or -Dspark.master wins,"
                    + " and one in spark-defaults.conf is used when --master is not given")
    String master;
}
