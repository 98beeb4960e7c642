package org.relufem.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.relufem.report.ResultsTable;
import org.relufem.spark.Sessions;
import org.relufem.spark.TableCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Read every file of the results table and report, per sweep, planned vs present trials,"
                + " duplicate trial_ids, unreadable files and rows outside the plan; exit 0 only when all is well.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    TableOptions table;

    @Option(names = "--sweep", paramLabel = "NAME", description = "check this sweep only, default: every sweep in the table")
    String sweep;

    @Option(names = "--repair", description = "move unreadable files to DIR/_damaged/ (never deleting them) and remove"
            + " duplicate rows, so that the next run recomputes what was lost; exit 0 when the table is then sound")
    boolean repair;

    @Override
    public Integer call() {
        OutputDirectory.requireNamed(table.out);
        ResultsTable.requireExists(table.out);
        SparkSession spark = Sessions.create(table.master, "relufem verify");
        return TableCheck.run(spark, table.out, sweep, repair, System.out) ? 0 : 1;
    }
}
