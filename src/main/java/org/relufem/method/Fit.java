package org.relufem.method;

import java.util.List;

/**
 * The outcome of one fit: its stages (one per requested checkpoint; one for direct methods) and,
 * for trained methods, the training loss of every epoch.
 *
 * @param stages in increasing epoch order
 * @param lossHistory training loss per epoch (index e - 1 for epoch e), as long as training ran;
 *     null for methods that do not train
 * @param stopEpoch the epoch at which training stopped early (the stages from there on hold the
 *     network of that epoch), else null
 * @param stopReason why it stopped there: {@link #LOSS_TOL}, or the optimiser's reason
 *     ({@code Optimizer.stopped()}); null with {@code stopEpoch}
 */
public record Fit(List<Stage> stages, double[] lossHistory, Integer stopEpoch, String stopReason) {
    /** The stop reason of a training loss at or below its tolerance. */
    public static final String LOSS_TOL = "loss_tol";

    public Fit {
        stages = List.copyOf(stages);
        if ((stopEpoch == null) != (stopReason == null)) {
            throw new IllegalArgumentException("a stop epoch goes with a stop reason, got " + stopEpoch + " and "
                    + stopReason);
        }
    }

    /** A fit that did not stop early. */
    public Fit(List<Stage> stages, double[] lossHistory) {
        this(stages, lossHistory, null, null);
    }

    /** A direct method's single, successful stage. */
    public static Fit single(Approximant approximant, double fitSeconds) {
        return new Fit(List.of(Stage.ok(null, approximant, Double.NaN, fitSeconds)), null);
    }
}
