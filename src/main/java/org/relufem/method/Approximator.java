package org.relufem.method;

import java.util.List;
import org.relufem.sample.SampleSet;

/** An approximation method with its settings fixed: fits sample sets. Immutable. */
public interface Approximator {
    /**
     * Fits {@code data}.
     *
     * @param data training points and values. Not modified.
     * @throws IllegalArgumentException if the method cannot use this data (e.g. grid-only methods
     *     given scattered points)
     */
    Approximant fit(SampleSet data);

    /**
     * Fits {@code data} and reports every stage a user asked for. Iterative methods override this
     * to report a checkpoint per requested epoch count from one run; the default is a single stage.
     */
    default Fit fitStages(SampleSet data) {
        long start = System.nanoTime();
        Approximant approximant = fit(data);
        return Fit.single(approximant, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * Like {@link #fitStages(SampleSet)}, but an iterative method stops once {@code budgetSeconds}
     * of fitting have passed and reports the stages it did not reach as FAILED with the reason.
     * One-step methods ignore the budget (the default).
     */
    default Fit fitStages(SampleSet data, double budgetSeconds) {
        return fitStages(data);
    }

    /**
     * The fits of a method that fits in rounds, each on what the ones before left (boosting), in
     * order; every other method has one round, {@link #fitStages(SampleSet, double)}.
     */
    default List<Fit> fitRounds(SampleSet data, double budgetSeconds) {
        return List.of(fitStages(data, budgetSeconds));
    }
}
