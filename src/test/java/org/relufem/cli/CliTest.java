package org.relufem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.spark.SharedSpark;

/** The command line in-process, as a user runs it; bad input is {@link MalformedInputTest}'s table. */
class CliTest {
    @TempDir
    static Path dir;

    /** What one in-process command printed, and its exit code. */
    record Result(int code, String out, String err) {
    }

    static Result main(String... args) {
        return capture(() -> Main.execute(args));
    }

    /** Runs {@code command} with stdout and stderr captured; its result is the exit code. */
    static synchronized Result capture(java.util.concurrent.Callable<Integer> command) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = command.call();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text.replace("\\n", "\n"));
    }

    @BeforeAll
    static void shareTheSession() {
        SharedSpark.get(); // commands pick up the default session instead of starting their own
    }

    @Test
    void planPrintsTrialsPerMethodAndWritesNothing() {
        Result r = main("plan", "conf/seed.conf");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("total: 40 trials, 70 rows"), r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s*2\\s+relu_net\\s+grid\\s+30\\s+60\\s.*"), r.out());
        Matcher total = Pattern.compile("about (\\d+) core-seconds \\(([0-9.e+-]+) core-hours; ").matcher(r.out());
        assertTrue(total.find(), r.out());
        assertEquals(Double.parseDouble(total.group(1)) / 3600, Double.parseDouble(total.group(2)),
                Double.parseDouble(total.group(1)) / 3600 * 1e-2 + 0.5 / 3600, r.out());
    }

    @Test
    void runThenQueryAsAUserWould() throws IOException {
        Path spec = write("user.conf", """
                sweep = user
                targets = [ { name = seed2d } ]
                test { points = 400, seeds = [0] }
                methods = [
                  { method = p1, data { sampler = grid, grid_n = [8, 16] } }
                  { method = relu_net, data { sampler = grid, grid_n = 8 }, width = 5, epochs = [2, 4], init_seeds = [0, 1] }
                ]
                """);
        Path out = dir.resolve("user-results");
        Result run = main("run", spec.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("median_mse"), run.out());
        // The progress line (plain, as stderr is not a terminal here) ends with every trial done.
        String progress = "\\nrelufem: 4/4 trials, 0 failed, \\d+:\\d\\d elapsed, ETA 0:00, \\d+ trials/min\\n";
        assertTrue(run.err().matches("(?s).*" + progress + ".*"), run.err());
        // header, rule, two p1 settings and two checkpoints of the net (its init seeds pooled);
        // a blank line; header, rule and one line per method
        String[] lines = run.out().strip().split("\n");
        assertEquals(2 + 2 + 2 + 1 + 2 + 2, lines.length, run.out());
        assertTrue(lines[9].matches("p1\\s+2\\s+2\\s+0\\s+0\\s.*"), lines[9]);
        assertTrue(lines[10].matches("relu_net\\s+2\\s+2\\s+0\\s+0\\s.*"), lines[10]);

        Result csv = main("query", "--out", out.toString(), "--format", "csv",
                "SELECT method, count(*) AS n FROM trials GROUP BY method ORDER BY method");
        assertEquals(0, csv.code(), csv.err());
        assertEquals("method,n\np1,2\nrelu_net,4\n", csv.out());

        Result json = main("query", "--out", out.toString(), "--format", "json",
                "SELECT grid_n, params FROM trials WHERE method = 'p1' ORDER BY grid_n");
        assertEquals("{\"grid_n\":8,\"params\":64}\n{\"grid_n\":16,\"params\":256}\n", json.out());

        for (String write : List.of("DROP TABLE trials", "CREATE TABLE t AS SELECT * FROM trials",
                "INSERT INTO trials SELECT * FROM trials", "SET spark.sql.shuffle.partitions = 3",
                "INSERT OVERWRITE DIRECTORY '/tmp/x' USING parquet SELECT * FROM trials")) {
            Result refused = main("query", "--out", out.toString(), write);
            assertEquals(2, refused.code(), write + ": " + refused.err());
            assertTrue(refused.err().contains("read-only"), refused.err());
            assertEquals("", refused.out());
        }
        assertEquals(0, main("query", "--out", out.toString(), "DESCRIBE trials").code());

        // A query failing in its tasks logs nothing from Spark's executor or scheduler either: only the
        // command's one line (log4j's console is not the command's stderr, so this listens to log4j)
        List<String> sparkLines = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.apache.logging.log4j.core.LoggerContext logs =
                (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        var probe = new org.apache.logging.log4j.core.appender.AbstractAppender("cli-test-probe", null, null, true,
                org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
            @Override
            public void append(org.apache.logging.log4j.core.LogEvent event) {
                sparkLines.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
            }
        };
        probe.start();
        logs.getConfiguration().getRootLogger().addAppender(probe, null, null);
        logs.updateLoggers();
        try {
            for (String logger : List.of("org.apache.spark.executor.Executor", "org.apache.spark.scheduler.TaskSetManager")) {
                org.apache.logging.log4j.core.config.Configurator.setLevel(logger, org.apache.logging.log4j.Level.WARN);
            }
            Result r = main("query", "--out", out.toString(), "SELECT mse / 0 FROM trials");
            assertEquals(2, r.code(), r.err());
        } finally {
            logs.getConfiguration().getRootLogger().removeAppender("cli-test-probe");
            logs.updateLoggers();
        }
        assertEquals(List.of(), sparkLines.stream().filter(line -> line.startsWith("org.apache.spark.executor")
                || line.startsWith("org.apache.spark.scheduler")).toList());

        // SQL that names what is not there, or fails on the data: bad input, one line, exit 2
        for (String[] bad : new String[][] {
            {"SELECT count(*) FROM results", "SQL failed: [TABLE_OR_VIEW_NOT_FOUND] The table or view `results` cannot be found."},
            {"SELECT nosuch FROM trials", "SQL failed: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `nosuch` cannot be resolved."},
            {"SELECT mse / 0 FROM trials", "SQL failed: [DIVIDE_BY_ZERO] Division by zero."},
            {"SELECT CAST(method AS INT) FROM trials", "SQL failed: [CAST_INVALID_INPUT] The value '"}, // the first row to fail
        }) {
            Result r = main("query", "--out", out.toString(), bad[0]);
            assertEquals(2, r.code(), bad[0] + ": " + r.err());
            assertTrue(r.err().startsWith("relufem: " + bad[1]) && r.err().strip().lines().count() == 1, bad[0] + ": " + r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void archiveTrainingRunsEveryCommand() {
        // jobs/relufem records its class-data archive from this workload: were its spec refused, every
        // later command would start without the archive, and nobody would notice.
        Result r = capture(ArchiveTraining::train);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("relu_net") && r.err().contains("report written to"), r.out() + r.err());
    }
}
