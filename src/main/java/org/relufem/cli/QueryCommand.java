package org.relufem.cli;

import org.apache.spark.SparkThrowable;
import org.apache.spark.executor.Executor;
import org.apache.spark.scheduler.TaskSetManager;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.relufem.BadInputException;
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
        // A query failing in its tasks (division by zero, a bad cast, a torn file) would otherwise be
        // logged three times over, with stack traces, before the one line that names it.
        try {
            QuietLogs.during(() -> format.print(ResultsTable.query(spark, table.out, sql), System.out), // runs the job
                    Executor.class.getName(), TaskSetManager.class.getName());
        } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes
            throw userError(e).orElseThrow(() -> e instanceof RuntimeException r ? r : new IllegalStateException(e));
        }
    }

    /**
     * The error in {@code e}'s causes that the SQL itself made (SQLSTATE class 42: unknown column,
     * table or function, type mismatch; class 22: data errors such as division by zero or a bad cast),
     * as bad input: its message without the plan or the query context Spark appends.
     */
    static java.util.Optional<BadInputException> userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SparkThrowable s && s.getSqlState() != null
                    && (s.getSqlState().startsWith("42") || s.getSqlState().startsWith("22"))) {
                String message = t instanceof AnalysisException a ? a.getSimpleMessage() : t.getMessage();
                return java.util.Optional.of(new BadInputException("SQL failed: " + message.split("\\R\\s*== ")[0]));
            }
        }
        return java.util.Optional.empty();
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
