package org.relufem.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.BadInputException;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialRunner;
import org.relufem.sweep.TrialSpace;
import org.relufem.sweep.family.NetworkParams;

/** Chunked commits, resume, changed specs, task retries and failures as rows, on the shared session. */
class ResumeTest {
    static final String SPEC = """
            sweep = resume
            targets = [ { name = seed2d } ]
            test { points = 200 }
            methods = [
              { method = p1, data { sampler = grid, grid_n = [4, 8, 16] } }
              { method = relu_net, data { sampler = grid, grid_n = 8 }, width = [3, 5], epochs = [2, 5], init_seeds = [0, 1, 2] }
            ]
            """;
    /** A chunk budget below any trial's cost: one trial per chunk. */
    static final SweepJob.Options ONE_PER_CHUNK = new SweepJob.Options(1e-9, false, Double.POSITIVE_INFINITY, false,
                SweepJob.ProgressMode.NONE);

    @TempDir
    Path dir;
    static SparkSession spark;
    static SweepSpec spec;
    static TrialSpace space;

    @BeforeAll
    static void session() {
        spark = SharedSpark.get();
        spec = SpecParser.parse(SPEC, "resume.conf");
        space = new TrialSpace(spec);
    }

    private Row counts(Path out, String sweep) {
        return spark.read().parquet(out.toString()).where("sweep = '" + sweep + "'")
                .selectExpr("count(*)", "count(DISTINCT trial_id)").first();
    }

    private static List<Path> partFiles(Path out, String sweep) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("sweep=" + sweep))) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    @Test
    void aRerunComputesOnlyTheTrialsWhoseRowsAreMissing() throws IOException {
        Path out = dir.resolve("out");
        SweepJob.Outcome first = SweepJob.run(spark, spec, out.toString(), ONE_PER_CHUNK);
        assertEquals(new SweepJob.Outcome(9, 0, 9, 0, 9), first);
        List<Path> files = partFiles(out, "resume");
        assertEquals(9, files.size(), "one file per one-trial chunk");

        // As if the run had died before two of its chunks were committed.
        Files.delete(files.get(2));
        Files.delete(files.get(7));
        assertEquals(space.rowCount() - 2, counts(out, "resume").getLong(0), 2);
        SweepJob.Outcome resumed = SweepJob.run(spark, spec, out.toString(), ONE_PER_CHUNK);
        assertEquals(new SweepJob.Outcome(9, 7, 2, 0, 2), resumed);
        Row c = counts(out, "resume");
        assertEquals(space.rowCount(), c.getLong(0));
        assertEquals(space.rowCount(), c.getLong(1));

        assertEquals(new SweepJob.Outcome(9, 9, 0, 0, 0), SweepJob.run(spark, spec, out.toString(), SweepJob.Options.DEFAULT));
        assertEquals(space.rowCount(), counts(out, "resume").getLong(0));
        assertTrue(Files.notExists(out.resolve("_staging")), "staging is cleared after a run");
    }

    @Test
    void aChangedSpecThatDropsStoredTrialsIsRefusedWithWhatChangedAndReplaceStartsOver() throws IOException {
        Path out = dir.resolve("out");
        SweepSpec other = SpecParser.parse(SPEC.replace("sweep = resume", "sweep = other"), "other.conf");
        SweepJob.run(spark, spec, out.toString(), SweepJob.Options.DEFAULT);
        SweepJob.run(spark, other, out.toString(), SweepJob.Options.DEFAULT);
        List<Path> before = partFiles(out, "resume");

        SweepSpec wider = SpecParser.parse(SPEC.replace("width = [3, 5]", "width = [3, 7, 9]"), "wider.conf");
        BadInputException e = assertThrows(BadInputException.class,
                () -> SweepJob.run(spark, wider, out.toString(), SweepJob.Options.DEFAULT));
        assertTrue(e.getMessage().contains("methods[1].width: [3,5] -> [3,7,9]"), e.getMessage());
        assertTrue(e.getMessage().contains("--replace"), e.getMessage());
        assertEquals(before, partFiles(out, "resume"), "a refused run touches nothing");

        SweepJob.Options replace = new SweepJob.Options(60, false, Double.POSITIVE_INFINITY, true,
                SweepJob.ProgressMode.NONE);
        assertEquals(12, SweepJob.run(spark, wider, out.toString(), replace).computed());
        assertEquals(new TrialSpace(wider).rowCount(), counts(out, "resume").getLong(1));
        assertEquals(space.rowCount(), counts(out, "other").getLong(1), "other sweeps are left alone");
    }

    @Test
    void aTaskThatFailsOnItsFirstAttemptIsRetriedWithoutDuplicateRows() {
        Path out = dir.resolve("out");
        String victim = space.trial(4).rowIds().get(0);
        SweepJob.TrialFunction flaky = (trial, budget) -> {
            if (trial.rowIds().get(0).equals(victim) && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("a failure outside the trial, on the first attempt only");
            }
            return TrialRunner.run(trial, budget);
        };
        SweepJob.Outcome o = SweepJob.run(spark, spec, out.toString(), SweepJob.Options.DEFAULT, flaky);
        assertEquals(9, o.computed());
        Row c = counts(out, "resume");
        assertEquals(space.rowCount(), c.getLong(0));
        assertEquals(space.rowCount(), c.getLong(1));
    }

    @Test
    void failedAndDivergedTrialsAreRowsWhileTheOthersFinish() {
        Path out = dir.resolve("out");
        SweepSpec wild = SpecParser.parse(SPEC.replace("epochs = [2, 5]", "epochs = [2, 5], lr = [1e-3, 10]"), "wild.conf");
        SweepJob.TrialFunction throwing = (trial, budget) -> trial.params() instanceof NetworkParams n && n.initSeed() == 1
                ? TrialRunner.failedRows(trial, new IllegalStateException("injected"), Instant.now())
                : TrialRunner.run(trial, budget);
        SweepJob.Outcome o = SweepJob.run(spark, wild, out.toString(), SweepJob.Options.DEFAULT, throwing);
        assertEquals(15, o.computed());
        assertEquals(4 + 4, o.failed(), "4 trials with init seed 1 threw, 4 more diverged");
        List<Row> byStatus = spark.read().parquet(out.toString())
                .groupBy("status").count().orderBy("status").collectAsList();
        // 3 p1 rows; nets: 12 trials x 2 checkpoints, of which init seed 1 failed and lr 10 diverged
        assertEquals("[[diverged,8], [failed,8], [ok,11]]", byStatus.toString());
        assertEquals(0, spark.read().parquet(out.toString()).where("status <> 'ok' AND message IS NULL").count());
    }

    @Test
    void failFastStopsTheSweepAtTheFirstFailedTrialAndNamesIt() {
        Path out = dir.resolve("out");
        String victim = space.trial(5).rowIds().get(0);
        SweepJob.TrialFunction throwing = (trial, budget) -> trial.rowIds().get(0).equals(victim)
                ? TrialRunner.failedRows(trial, new IllegalStateException("injected"), Instant.now())
                : TrialRunner.run(trial, budget);
        SweepJob.Options failFast = new SweepJob.Options(1e-9, true, Double.POSITIVE_INFINITY, false,
                SweepJob.ProgressMode.NONE);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SweepJob.run(spark, spec, out.toString(), failFast, throwing));
        assertTrue(e.getMessage().startsWith("trial " + victim), e.getMessage());
        assertTrue(e.getMessage().contains("IllegalStateException: injected"), e.getMessage());
        // One trial per chunk, in index order: the five before the victim are committed, nothing after.
        long committed = 0;
        for (long i = 0; i < 5; i++) {
            committed += space.trial(i).rowIds().size();
        }
        assertEquals(committed, spark.read().parquet(out.toString()).count());
    }
}
