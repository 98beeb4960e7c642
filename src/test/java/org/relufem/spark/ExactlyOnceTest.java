package org.relufem.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.BadInputException;
import org.relufem.report.ResultsTable;
import org.relufem.sweep.ResultRow;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialRunner;
import org.relufem.sweep.TrialSpace;
import org.relufem.sweep.family.NetworkParams;

/** Retrying failed and diverged trials, growing a sweep, and finishing a half-done replacement. */
class ExactlyOnceTest {
    @TempDir
    Path dir;
    static SparkSession spark;
    static SweepSpec spec;
    static TrialSpace space;

    @BeforeAll
    static void session() {
        spark = SharedSpark.get();
        spec = SpecParser.parse(ResumeTest.SPEC, "resume.conf");
        space = new TrialSpace(spec);
    }

    @TempDir
    static Path shared;
    private static List<String> fresh;

    /** The table a run without failures writes (computed once for the tests that compare with it). */
    private static synchronized List<String> fresh() {
        if (fresh == null) {
            Path out = shared.resolve("fresh");
            SweepJob.run(spark, spec, out.toString(), SweepJob.Options.DEFAULT);
            fresh = table(out);
        }
        return fresh;
    }

    /** Rows of the sweep as "trial_id status mse", sorted. */
    private static List<String> table(Path out) {
        return spark.read().parquet(out.toString()).selectExpr("concat_ws(' ', trial_id, status, cast(mse AS string))")
                .orderBy("trial_id").collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    private static Row counts(Path out) {
        return spark.read().parquet(out.toString()).selectExpr("count(*)", "count(DISTINCT trial_id)",
                "sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END)").first();
    }

    private static List<Path> partFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("sweep=resume"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    /** Init seed 1 throws (failed rows); width 5 with init seed 2 diverges: 2 + 1 of the 9 trials (trials 4, 7; 8). */
    static final SweepJob.TrialFunction INJECTED = (trial, budget) -> {
        if (trial.params() instanceof NetworkParams n && n.initSeed() == 1) {
            return TrialRunner.failedRows(trial, new IllegalStateException("injected"), Instant.now());
        }
        if (trial.params() instanceof NetworkParams n && n.initSeed() == 2 && n.width() == 5) {
            return TrialRunner.failedRows(trial, new IllegalStateException("x"), Instant.now()).stream()
                    .map(r -> new ResultRow(r.trialId(), r.trial(), r.epochs(), null, null, null, null, 0.0, null,
                            "diverged", "injected divergence", null, null, r.codeVersion(), r.startedAt(), r.host()))
                    .toList();
        }
        return TrialRunner.run(trial, budget);
    };

    @Test
    void retryReplacesTheRowsOfFailedAndDivergedTrialsAndOnlyThose() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(3, SweepJob.run(spark, spec, out.toString(), ResumeTest.ONE_PER_CHUNK, INJECTED).failed());
        assertEquals(space.rowCount() - 6, counts(out).getLong(2), "the two checkpoint rows of 3 trials are not ok");
        // The file of trial 0 (p1, grid 4: never retried). Not the first file by name: part files are
        // named by a random job UUID, so that one holds a retried trial in a third of the runs.
        String p1 = space.trial(0).rowIds().get(0);
        Path untouched = partFiles(out).stream().filter(f -> spark.read().parquet(f.toString())
                .filter("trial_id = '" + p1 + "'").count() == 1).findFirst().orElseThrow();
        byte[] before = Files.readAllBytes(untouched);

        SweepJob.Options onlyFailed = SweepJob.Options.DEFAULT.withRetry(Set.of("failed"));
        SweepJob.Outcome o = SweepJob.run(spark, spec, out.toString(), onlyFailed, INJECTED);
        assertEquals(2, o.retried(), "the two failed trials, not the diverged one");
        assertEquals(2, o.computed());
        assertEquals(7, o.present());

        SweepJob.Options both = SweepJob.Options.DEFAULT.withRetry(Set.of("failed", "diverged"));
        o = SweepJob.run(spark, spec, out.toString(), both);
        assertEquals(3, o.retried());
        assertEquals(0, o.failed());
        Row c = counts(out);
        assertEquals(space.rowCount(), c.getLong(0));
        assertEquals(space.rowCount(), c.getLong(1), "each trial_id once");
        assertEquals(space.rowCount(), c.getLong(2), "every row ok");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(untouched)), "files of trials not retried stay");
        assertEquals(0, SweepJob.run(spark, spec, out.toString(), both).computed(), "nothing left to retry");

        assertEquals(fresh(), table(out), "the retried table is the one a run without failures writes");
    }

    @Test
    void aRetryKilledMidwayAndRunAgainGivesTheSameTable() {
        Path out = dir.resolve("out");
        SweepJob.run(spark, spec, out.toString(), ResumeTest.ONE_PER_CHUNK, INJECTED);
        SweepJob.Options retry = ResumeTest.ONE_PER_CHUNK.withRetry(Set.of("failed", "diverged"));
        // The driver dies in the second retried trial's chunk: a failure outside any trial, on every attempt.
        SweepJob.TrialFunction dying = (trial, budget) -> {
            if (trial.index() == 7) {
                throw new IllegalStateException("the driver is gone");
            }
            return TrialRunner.run(trial, budget);
        };
        assertThrows(RuntimeException.class, () -> SweepJob.run(spark, spec, out.toString(), retry, dying));
        Row mid = counts(out);
        assertEquals(space.rowCount(), mid.getLong(1), "every trial_id once after the kill");
        assertEquals(space.rowCount(), mid.getLong(0));

        SweepJob.Outcome o = SweepJob.run(spark, spec, out.toString(), retry);
        assertEquals(2, o.retried(), "trial 4, retried before the kill, is ok now; 7 and 8 are left");
        assertEquals(fresh(), table(out));
    }

    @Test
    void aReplacementLeftHalfDoneIsReadWholeOrNotAtAllAndFinishedByTheNextRun() throws IOException {
        Path out = dir.resolve("out");
        SweepJob.run(spark, spec, out.toString(), ResumeTest.ONE_PER_CHUNK, INJECTED);
        List<Path> files = partFiles(out);
        // A retry killed inside its swap of two files for two new ones: the list is in place, and the
        // swap is stopped after each of its steps in turn.
        List<Path> old = List.of(files.get(4), files.get(5));
        Path staged = Files.createDirectories(out.resolve("_staging/resume/dead-0"));
        List<Path> copies = List.of(Files.copy(old.get(0), staged.resolve("part-99998-copy.snappy.parquet")),
                Files.copy(old.get(1), staged.resolve("part-99999-copy.snappy.parquet")));
        Files.writeString(out.resolve("sweep=resume/_commit-dead-0"), "add\t" + copies.get(0).toUri() + "\nadd\t"
                + copies.get(1).toUri() + "\nremove\t" + old.get(0).toUri() + "\nremove\t" + old.get(1).toUri() + "\n");
        long[] sizes = {spark.read().parquet(old.get(0).toString()).count(), spark.read().parquet(old.get(1).toString()).count()};
        Runnable[] steps = {
            () -> move(copies.get(0), out.resolve("sweep=resume")),
            () -> move(copies.get(1), out.resolve("sweep=resume")),
            () -> delete(old.get(0)),
        };
        long[] raw = {space.rowCount() + sizes[0], space.rowCount() + sizes[0] + sizes[1], space.rowCount() + sizes[1]};
        for (int i = 0; i < steps.length; i++) {
            steps[i].run();
            assertEquals(raw[i], counts(out).getLong(0), "the directory after step " + i + " holds both sides");
            Row seen = ResultsTable.register(spark, out.toString())
                    .selectExpr("count(*)", "count(DISTINCT trial_id)").first();
            assertEquals(space.rowCount(), seen.getLong(0), "relufem's readers after step " + i);
            assertEquals(space.rowCount(), seen.getLong(1), "relufem's readers after step " + i);
        }

        assertEquals(0, SweepJob.run(spark, spec, out.toString(), SweepJob.Options.DEFAULT).computed());
        Row c = counts(out);
        assertEquals(space.rowCount(), c.getLong(0));
        assertEquals(space.rowCount(), c.getLong(1));
        assertTrue(old.stream().allMatch(Files::notExists) && Files.notExists(out.resolve("sweep=resume/_commit-dead-0")));
        assertEquals(Optional.empty(), CommitList.visibleFiles(spark.sparkContext().hadoopConfiguration(), out.toString()));
    }

    private static void move(Path file, Path dir) {
        try {
            Files.move(file, dir.resolve(file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aGrownSpecRunsOnlyItsNewTrialsAndAnyOtherChangeIsStillRefused() throws IOException {
        Path out = dir.resolve("out");
        SweepJob.run(spark, spec, out.toString(), SweepJob.Options.DEFAULT);
        SweepSpec grown = SpecParser.parse(ResumeTest.SPEC.replace("width = [3, 5]", "width = [3, 5, 7]")
                .replace("init_seeds = [0, 1, 2]", "init_seeds = [0, 1, 2, 3, 4, 5, 6, 7]"), "grown.conf");
        TrialSpace grownSpace = new TrialSpace(grown);
        assertEquals(3 + 3 * 8, grownSpace.size());
        SweepJob.Outcome o = SweepJob.run(spark, grown, out.toString(), SweepJob.Options.DEFAULT);
        assertEquals(new SweepJob.Outcome(27, 9, 18, 0, 1, 0, 9), o);
        Row c = counts(out);
        assertEquals(grownSpace.rowCount(), c.getLong(0));
        assertEquals(grownSpace.rowCount(), c.getLong(1));
        assertEquals(grown.canonical(), Files.readString(out.resolve("sweep=resume/_spec.json")), "the stored spec is the grown one");

        List<Path> before = partFiles(out);
        BadInputException e = assertThrows(BadInputException.class, () -> SweepJob.run(spark, spec, out.toString(),
                SweepJob.Options.DEFAULT));
        assertTrue(e.getMessage().contains("methods[1].init_seeds: [0,1,2,3,4,5,6,7] -> [0,1,2]"), e.getMessage());
        SweepSpec kept = SpecParser.parse(ResumeTest.SPEC.replace("width = [3, 5]", "width = [3, 5, 7]")
                .replace("init_seeds = [0, 1, 2]", "init_seeds = [0, 1, 2, 3, 4, 5, 6, 7], keep_weights = true"), "k.conf");
        e = assertThrows(BadInputException.class, () -> SweepJob.run(spark, kept, out.toString(), SweepJob.Options.DEFAULT));
        assertTrue(e.getMessage().contains("methods[1].keep_weights: (none) -> true"), e.getMessage());
        assertEquals(before, partFiles(out), "a refused run touches nothing");
    }
}
