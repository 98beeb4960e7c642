package org.relufem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relufem.spark.SharedSpark;

/** The command line in-process: exit codes, messages, and an untouched output directory on bad input. */
class CliTest {
    @TempDir
    static Path dir;

    /** What one in-process command printed, and its exit code. */
    record Result(int code, String out, String err) {
    }

    static synchronized Result main(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing spec file | -                                                                                                   | spec file not found
            syntax error      | sweep = x\\ntargets = [ { name = seed2d }                                                           | cannot read spec
            unknown key       | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = 4}, colour = red}] | unknown key 'colour'
            wrong type        | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = four}}] | grid_n must be an integer
            empty axis        | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = relu_net, data {sampler = grid, grid_n = 4}, width = [], epochs = 1}] | empty axis
            negative width    | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = relu_net, data {sampler = grid, grid_n = 4}, width = -1, epochs = 1}] | width must be >= 1
            zero epochs       | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = relu_net, data {sampler = grid, grid_n = 4}, width = 3, epochs = 0}] | epochs must be >= 1
            unknown target    | sweep = x\\ntargets = [{name = nope}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = 4}}] | unknown target 'nope'
            unknown method    | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = fem, data {sampler = grid, grid_n = 4}}] | unknown method 'fem'
            sampler mismatch  | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = q1, data {sampler = uniform, points = 9}}] | cannot use sampler = uniform
            """)
    void badSpecsExitTwoWithTheReasonAndWriteNothing(String what, String text, String expected) throws IOException {
        String spec = text.equals("-") ? dir.resolve("absent.conf").toString() : write(what.replace(' ', '_') + ".conf", text).toString();
        Path out = dir.resolve("out-" + what.replace(' ', '_'));
        for (String command : List.of("run", "plan")) {
            Result r = command.equals("run") ? main("run", spec, "--out", out.toString()) : main("plan", spec);
            assertEquals(2, r.code(), command + " " + what + ": " + r.err());
            assertTrue(r.err().contains(expected), command + " " + what + ": " + r.err());
            assertTrue(r.err().startsWith("relufem: "), "one clear line, no stack trace: " + r.err());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(out), "no output directory was created");
    }

    @Test
    void anOutThatIsAFileOrAForeignDirectoryIsRefused() throws IOException {
        Path spec = write("ok.conf", "sweep = ok\\ntargets = [{name = seed2d}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = 4}}]");
        Path file = write("results.txt", "not a table");
        Result r = main("run", spec.toString(), "--out", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is a file"), r.err());
        assertEquals("not a table", Files.readString(file));
        Path foreign = Files.createDirectories(dir.resolve("home"));
        write("home/notes.md", "mine");
        Result f = main("run", spec.toString(), "--out", foreign.toString());
        assertEquals(2, f.code());
        assertTrue(f.err().contains("holds no relufem table"), f.err());
        try (var files = Files.list(foreign)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, main("run", "--nonsense").code());
        assertEquals(2, main("frobnicate").code());
        assertEquals(2, main().code());
        Result format = main("query", "--format", "xml", "SELECT 1");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("unknown format 'xml'"), format.err());
        Result missing = main("query", "--out", dir.resolve("nothing-here").toString(), "SELECT 1");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no relufem results"), missing.err());
    }

    @Test
    void planPrintsTrialsPerMethodAndWritesNothing() {
        Result r = main("plan", "conf/seed.conf");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("total: 40 trials, 70 rows"), r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s*2\\s+relu_net\\s+grid\\s+30\\s+60\\s.*"), r.out());
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
        // header, rule, two p1 settings and two checkpoints of the net (its init seeds pooled)
        assertEquals(2 + 2 + 2, run.out().strip().split("\n").length, run.out());

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
    }
}
