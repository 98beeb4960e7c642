package org.relufem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.spark.SharedSpark;
import org.relufem.sweep.BuildInfo;

/** verify and --repair, a held sweep, and a full disk, through the command line in-process. */
class ExactlyOnceCliTest {
    static final String SPEC = """
            sweep = guard
            targets = [ { name = seed2d } ]
            test { points = 200 }
            methods = [
              { method = p1, data { sampler = grid, grid_n = [4, 6, 8, 10, 12, 14] } }
              { method = relu_net, data { sampler = grid, grid_n = 6 }, width = 3, epochs = [2, 3], init_seeds = [0, 1] }
            ]
            """;
    /** 6 p1 trials of one row, 2 nets of two: 8 trials, 10 rows. */
    static final String PLANNED = "n,ids\n10,10\n";

    @TempDir
    static Path dir;
    static Path spec;

    @BeforeAll
    static void setUp() throws IOException {
        SharedSpark.get().sparkContext().hadoopConfiguration().set("fs.fullfs.impl", FullDiskFileSystem.class.getName());
        spec = Files.writeString(dir.resolve("guard.conf"), SPEC);
    }

    private static CliTest.Result main(String... args) {
        return CliTest.main(args);
    }

    private static String counts(String out) {
        CliTest.Result q = main("query", "--out", out, "--format", "csv", "SELECT count(*) AS n, count(DISTINCT trial_id) AS ids FROM trials");
        assertEquals(0, q.code(), q.err());
        return q.out();
    }

    private static List<Path> parts(Path sweepDir) throws IOException {
        try (Stream<Path> s = Files.list(sweepDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    /** The lines of stderr that are neither progress nor the run's own start and end lines. */
    private static List<String> errorLines(String err) {
        return err.lines().filter(l -> !l.startsWith("relufem: sweep ") && !l.startsWith("relufem: Spark session")
                && !l.matches("relufem: \\d+/\\d+ trials.*") && !l.isBlank()).toList();
    }

    @Test
    void verifyNamesATruncatedFileAndADuplicateRepairMovesAndRemovesThemAndTheNextRunRestoresThePlan() throws IOException {
        String out = dir.resolve("torn").toString();
        assertEquals(0, main("run", spec.toString(), "--out", out, "--chunk-seconds", "1e-9").code());
        Path sweepDir = Path.of(out, "sweep=guard");
        List<Path> files = parts(sweepDir);
        assertEquals(8, files.size(), "one file per one-trial chunk");
        Path torn = files.get(3);
        try (RandomAccessFile f = new RandomAccessFile(torn.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        Path copy = Files.copy(files.get(5), sweepDir.resolve("part-99999-injected-duplicate.snappy.parquet"));
        String tornName = torn.getFileName().toString();

        CliTest.Result q = main("query", "--out", out, "SELECT count(*) FROM trials");
        assertEquals(1, q.code());
        assertEquals(1, q.err().lines().count(), q.err());
        assertTrue(q.err().startsWith("relufem: cannot read ") && q.err().contains(tornName)
                && q.err().contains("jobs/relufem verify --out " + out + " --repair"), q.err());
        CliTest.Result run = main("run", spec.toString(), "--out", out);
        assertEquals(1, run.code());
        assertEquals(1, errorLines(run.err()).size(), run.err());
        assertTrue(errorLines(run.err()).get(0).contains(tornName) && run.err().contains("--repair"), run.err());

        CliTest.Result v = main("verify", "--out", out);
        assertEquals(1, v.code(), v.out() + v.err());
        long duplicated = Files.exists(copy) ? SharedSpark.get().read().parquet(copy.toString()).count() : -1;
        assertTrue(v.out().contains("unreadable file " + tornName + ": "), v.out());
        assertTrue(v.out().contains(duplicated + " duplicate trial_ids"), v.out());
        assertTrue(v.out().contains("in " + files.get(5).getFileName() + ", part-99999-injected-duplicate"), v.out());

        CliTest.Result r = main("verify", "--out", out, "--repair");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.exists(Path.of(out, "_damaged", "guard", tornName)), "moved aside, not deleted");
        assertFalse(Files.exists(torn));
        assertTrue(r.out().contains("sweep guard (after repair): 7 of 8 planned trials present"), r.out());
        assertTrue(r.out().contains("1 planned trials are missing"), r.out());

        CliTest.Result again = main("run", spec.toString(), "--out", out);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains(": 1 trials computed in 1 chunks (0 of them retried), 7 already present"), again.err());
        assertEquals(PLANNED, counts(out));
        CliTest.Result clean = main("verify", "--out", out, "--sweep", "guard");
        assertEquals(0, clean.code(), clean.out());
        assertTrue(clean.out().startsWith("sweep guard: 8 of 8 planned trials present, 10 rows; 0 duplicate trial_ids"), clean.out());
    }

    @Test
    void aSweepHeldByALiveRunIsRefusedWithTheHolderNamedAndNothingWritten() throws IOException {
        Path out = dir.resolve("held");
        Files.createDirectories(out.resolve("sweep=guard"));
        long pid = ProcessHandle.current().pid(); // alive, on this host
        Files.writeString(out.resolve("sweep=guard/_lease"), "run=other\nhost=" + BuildInfo.host() + "\npid=" + pid
                + "\nstarted=2026-12-01T10:00:00Z\n");
        CliTest.Result r = main("run", spec.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("relufem: sweep guard is being written by run other (pid " + pid + " on "
                + BuildInfo.host() + ", started 2026-12-01T10:00:00Z"), r.err());
        try (Stream<Path> s = Files.list(out.resolve("sweep=guard"))) {
            assertEquals(List.of("_lease"), s.map(p -> p.getFileName().toString()).toList());
        }
        CliTest.Result bad = main("run", spec.toString(), "--out", out.toString(), "--retry", "failed,slow");
        assertEquals(2, bad.code());
        assertEquals("relufem: --retry takes failed, diverged or failed,diverged; got 'slow'\n", bad.err());
    }

    @Test
    void aFullDiskEndsTheRunWithOneLineKeepsTheCommittedChunksAndARerunCompletes() throws IOException {
        Path local = dir.resolve("full");
        String out = "fullfs://" + local.toAbsolutePath();
        FullDiskFileSystem.PARTS_LEFT.set(3);
        CliTest.Result r;
        try {
            r = main("run", spec.toString(), "--out", out, "--chunk-seconds", "1e-9");
        } finally {
            FullDiskFileSystem.PARTS_LEFT.set(Integer.MAX_VALUE);
        }
        assertEquals(1, r.code(), r.err());
        List<String> errors = errorLines(r.err());
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("relufem: storage failed: no space left on device (fullfs:" + local), errors.get(0));
        assertTrue(errors.get(0).endsWith("the chunks committed before are kept, and rerunning this command once that"
                + " is fixed resumes the sweep"), errors.get(0));
        assertEquals(3, parts(local.resolve("sweep=guard")).size(), "the three chunks committed before the disk filled");
        try (Stream<Path> s = Files.walk(local)) {
            assertTrue(s.noneMatch(p -> p.toString().contains("sweep=guard") && p.getFileName().toString().startsWith("part-")
                    && p.toFile().length() == 0), "no half-written file among the rows");
        }

        CliTest.Result again = main("run", spec.toString(), "--out", out);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains(": 5 trials computed in 1 chunks (0 of them retried), 3 already present"), again.err());
        assertEquals(PLANNED, counts(out));
    }
}
