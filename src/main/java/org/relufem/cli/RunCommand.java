package org.relufem.cli;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.relufem.report.ResultsTable;
import org.relufem.report.SweepSummary;
import org.relufem.spark.Sessions;
import org.relufem.spark.SweepJob;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a sweep and write its rows to the results table, then print a summary.")
final class RunCommand implements Runnable {
    @Parameters(index = "0", arity = "0..1", defaultValue = "conf/seed.conf", paramLabel = "SPEC",
            description = "sweep spec (HOCON), default ${DEFAULT-VALUE}")
    Path spec;

    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR",
            description = "results table directory, default ${DEFAULT-VALUE}")
    String out;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL", converter = MasterUrl.class,
            description = "Spark master, default ${DEFAULT-VALUE} (spark-submit's own wins)")
    String master;

    @Override
    public void run() {
        SweepSpec sweep = SweepSpec.load(spec);
        OutputDirectory.checkWritable(out);
        TrialSpace space = new TrialSpace(sweep);
        System.err.printf("relufem: sweep %s: %d trials, %d rows -> %s%n", sweep.name(), space.size(),
                space.rowCount(), out);
        long start = System.nanoTime();
        SparkSession spark = Sessions.create(master, "relufem run " + sweep.name());
        SweepJob.run(spark, sweep, out);
        System.err.printf("relufem: sweep %s written in %.1f s%n", sweep.name(), (System.nanoTime() - start) * 1e-9);
        ResultsTable.register(spark, out);
        SweepSummary.print(spark, sweep.name(), System.out);
    }
}
