package org.relufem.cli;

import org.apache.spark.sql.SparkSession;
import org.relufem.report.OutputFormat;
import org.relufem.report.ResultsTable;
import org.relufem.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run read-only SQL over the results table, registered as view 'trials'. Only the result goes to stdout.")
final class QueryCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "SQL", description = "e.g. \"SELECT method, count(*) FROM trials GROUP BY method\"")
    String sql;

    @Mixin
    TableOptions table;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            converter = FormatConverter.class, description = "table, csv or json (JSON Lines), default ${DEFAULT-VALUE}")
    OutputFormat format;

    @Override
    public void run() {
        OutputDirectory.requireNamed(table.out);
        ResultsTable.requireExists(table.out); // before the session: a typo should not cost a Spark start
        SparkSession spark = Sessions.create(table.master, "relufem query");
        format.print(ResultsTable.query(spark, table.out, sql), System.out);
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.of(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage()); // its message alone, no class name
            }
        }
    }
}
