package org.relufem.cli;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.relufem.BadInputException;
import org.relufem.report.ResultsTable;
import org.relufem.report.SweepSummary;
import org.relufem.spark.Sessions;
import org.relufem.spark.SweepJob;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a sweep and write its rows to the results table, then print a summary.")
final class RunCommand implements Runnable {
    @Parameters(index = "0", arity = "0..1", defaultValue = "conf/seed.conf", paramLabel = "SPEC",
            description = "sweep spec (HOCON), default ${DEFAULT-VALUE}")
    Path spec;

    @Mixin
    TableOptions table;

    @Option(names = "--replace", description = "delete the sweep's existing rows first, then run the spec")
    boolean replace;

    @Option(names = "--fail-fast", description = "stop at the first failed trial instead of recording it as a row")
    boolean failFast;

    @Option(names = "--trial-budget", paramLabel = "SECONDS",
            description = "stop a trial's fit after this many seconds; its unreached checkpoints become failed rows")
    Double trialBudget;

    @Option(names = "--chunk-seconds", defaultValue = "60", paramLabel = "SECONDS",
            description = "estimated seconds of work per core committed at once, default ${DEFAULT-VALUE};"
                    + " a killed run loses at most the chunk in flight")
    double chunkSeconds;

    @Option(names = "--wait", description = "if another run is writing this sweep, wait for it to finish (else refuse at once)")
    boolean waitForLease;

    @Option(names = "--retry", split = ",", paramLabel = "STATUS",
            description = "compute again the trials with rows of these statuses (failed, diverged or failed,diverged)"
                    + " and replace their rows")
    java.util.Set<String> retry = java.util.Set.of();

    @Override
    public void run() {
        SweepSpec sweep = SpecParser.load(spec);
        if (!(chunkSeconds > 0)) {
            throw new BadInputException("--chunk-seconds must be > 0, got " + chunkSeconds);
        }
        if (trialBudget != null && !(trialBudget > 0)) {
            throw new BadInputException("--trial-budget must be > 0 seconds, got " + trialBudget);
        }
        for (String status : retry) {
            if (!status.equals("failed") && !status.equals("diverged")) {
                throw new BadInputException("--retry takes failed, diverged or failed,diverged; got '" + status + "'");
            }
        }
        OutputDirectory.checkWritable(table.out);
        TrialSpace space = new TrialSpace(sweep);
        System.err.printf("relufem: sweep %s: %d trials, %d rows -> %s%n", sweep.name(), space.size(),
                space.rowCount(), table.out);
        long start = System.nanoTime();
        SparkSession spark = Sessions.create(table.master, "relufem run " + sweep.name());
        System.err.printf("relufem: Spark session on %s up in %.1f s%n", spark.sparkContext().master(),
                (System.nanoTime() - start) * 1e-9);
        start = System.nanoTime();
        // jobs/relufem says whether stderr is a terminal (Java cannot tell for stderr alone).
        SweepJob.ProgressMode progress = Boolean.getBoolean("relufem.stderr.tty")
                ? SweepJob.ProgressMode.TERMINAL : SweepJob.ProgressMode.LINES;
        SweepJob.Options options = new SweepJob.Options(chunkSeconds, failFast,
                trialBudget == null ? Double.POSITIVE_INFINITY : trialBudget, replace, progress)
                .withWait(waitForLease).withRetry(retry);
        SweepJob.Outcome o;
        // A chunk whose write fails (a full disk) is otherwise logged with a stack trace per task attempt
        // before the one line that names the cause, and the aborted tasks' clean-up adds warnings of its own
        // (Hadoop's Shell interrupted mid-chmod, with a trace; the committer unable to delete its attempt
        // directories); an unexpected failure still ends with its whole trace.
        try {
            o = QuietLogs.during(() -> SweepJob.run(spark, sweep, table.out, options),
                    "org.apache.spark.executor.Executor", "org.apache.spark.scheduler.TaskSetManager",
                    "org.apache.spark.sql.execution.datasources.FileFormatWriter", "org.apache.spark.util.Utils",
                    "org.apache.hadoop.util.Shell", "org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter");
        } catch (RuntimeException e) {
            throw org.relufem.spark.StorageFailure.in(e, table.out)
                    .<RuntimeException>map(f -> f.getMessage().startsWith("storage failed")
                            ? new org.relufem.spark.StorageFailure(f.getMessage() + "; the chunks committed before are"
                                    + " kept, and rerunning this command once that is fixed resumes the sweep")
                            : f)
                    .orElse(e);
        }
        System.err.printf("relufem: sweep %s written in %.1f s: %d trials computed in %d chunks (%d of them retried),"
                + " %d already present, %d not ok%n", sweep.name(), (System.nanoTime() - start) * 1e-9, o.computed(),
                o.chunks(), o.retried(), o.present(), o.failed());
        ResultsTable.register(spark, table.out);
        SweepSummary.print(spark, sweep.name(), System.out);
    }
}
