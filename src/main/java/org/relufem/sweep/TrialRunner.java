package org.relufem.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.relufem.method.Approximant;
import org.relufem.method.Fit;
import org.relufem.method.Stage;
import org.relufem.metric.Errors;
import org.relufem.metric.MaxNormSearch;
import org.relufem.sample.DataSplit;
import org.relufem.sample.SampleSet;
import org.relufem.sample.TensorGrid;
import org.relufem.target.Target;
import org.relufem.target.TargetDefinition;

/**
 * Runs one trial: builds its target, training and test sets, fits, and measures every stage. A
 * pure function of the trial except for timings and provenance. A trial that throws yields its
 * planned rows with status {@code failed} and the exception as message; one that diverges yields
 * {@code diverged} rows. Either way the number of rows and their ids are those planned.
 */
public final class TrialRunner {
    /** The message of a data target's rows. */
    static final String NO_SEARCH = "max_abs_err_search is null: a data target has values only at its rows";

    private TrialRunner() {
    }

    public static List<ResultRow> run(Trial trial) {
        return run(trial, Double.POSITIVE_INFINITY);
    }

    /**
     * Runs {@code trial}, stopping an iterative fit after {@code budgetSeconds}: checkpoints it
     * reached are rows as usual, the rest are {@code failed} rows saying the budget ran out.
     */
    public static List<ResultRow> run(Trial trial, double budgetSeconds) {
        Instant started = Instant.now();
        List<String> ids = trial.rowIds();
        List<Checkpoint> checkpoints = trial.checkpoints();
        try {
            Target target = trial.targetDefinition().create();
            SampleSet train = trial.data().draw(trial.targetDefinition(), target, trial.params().samplingSpace(trial.dim()));
            TestDesign.TestSet test = trial.targetDefinition() instanceof TargetDefinition.OfData data
                    ? new TestDesign.TestSet(DataSplit.test(data), null) : trial.test().draw(target, trial.testSeed());
            List<Fit> rounds = trial.params().approximator(trial).fitRounds(train, budgetSeconds);
            int stages = rounds.stream().mapToInt(f -> f.stages().size()).sum();
            if (stages != ids.size()) {
                throw new IllegalStateException(stages + " stages for " + ids.size() + " planned rows");
            }
            List<ResultRow> rows = new ArrayList<>(ids.size());
            for (Fit fit : rounds) {
                for (Stage stage : fit.stages()) {
                    int i = rows.size();
                    rows.add(row(trial, target, ids.get(i), checkpoints.get(i).boostStage(), fit, stage, test,
                            started));
                }
            }
            return rows;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return failedRows(trial, e, started);
        }
    }

    /** The planned rows of a trial that threw {@code e}: status {@code failed}, the exception as message. */
    public static List<ResultRow> failedRows(Trial trial, Throwable e, Instant started) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        List<String> ids = trial.rowIds();
        List<ResultRow> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            rows.add(failed(trial, ids.get(i), trial.checkpoints().get(i), message, started));
        }
        return rows;
    }

    private static ResultRow row(Trial t, Target target, String id, Integer boostStage, Fit fit, Stage stage,
                                 TestDesign.TestSet testSet, Instant started) {
        double[] curve = fit.lossHistory() == null ? null
                : LossCurve.sample(fit.lossHistory(), stage.epochs() == null ? fit.lossHistory().length : stage.epochs());
        Double trainMse = Double.isNaN(stage.trainMse()) ? null : stage.trainMse();
        Approximant a = stage.approximant();
        if (stage.status() != Stage.Status.OK) {
            return new ResultRow(id, t, stage.epochs(), null, null, null, trainMse, stage.fitSeconds(), null,
                    stage.status().label(), stage.message(), curve, null, BuildInfo.version(), started, BuildInfo.host(),
                    null, null, boostStage, null);
        }
        SampleSet test = testSet.samples();
        long start = System.nanoTime();
        double[] predicted = new double[test.count()];
        a.values(test.points(), test.count(), predicted);
        Errors errors = Errors.of(test.values(), predicted, testSet.weights());
        double evalSeconds = (System.nanoTime() - start) * 1e-9;
        // A data target has no values between its rows: no search, and the message says why.
        boolean data = t.targetDefinition() instanceof TargetDefinition.OfData;
        MaxNormSearch search = data ? null
                : MaxNormSearch.of(target, a, target.domain(), test.points(), test.values(), predicted);
        boolean stopped = fit.stopEpoch() != null && stage.epochs() != null && stage.epochs() >= fit.stopEpoch();
        return new ResultRow(id, t, stage.epochs(), a.degreesOfFreedom(), errors, search, trainMse, stage.fitSeconds(),
                evalSeconds, Stage.Status.OK.label(), data ? NO_SEARCH : null, curve,
                t.params().keepWeights() ? a.parameterVector() : null, BuildInfo.version(), started, BuildInfo.host(),
                stopped ? fit.stopEpoch() : null, stopped ? fit.stopReason() : null, boostStage, field(t, a));
    }

    /** g at the nodes of the field grid when the spec asks and d &lt;= 2, else null (after the timed evaluation). */
    private static double[] field(Trial t, Approximant a) {
        TensorGrid grid = t.test().field() ? TestDesign.fieldGrid(t.domain()) : null;
        if (grid == null) {
            return null;
        }
        double[] g = new double[grid.nodeCount()];
        a.values(grid.nodes(), g.length, g);
        return g;
    }

    private static ResultRow failed(Trial t, String id, Checkpoint at, String message, Instant started) {
        return new ResultRow(id, t, at.epochs(), null, null, null, null, null, null, Stage.Status.FAILED.label(), message,
                null, null, BuildInfo.version(), started, BuildInfo.host(), null, null, at.boostStage(), null);
    }
}
