package org.relufem.method;

import java.util.List;

/**
 * The outcome of one fit: its stages (one per requested checkpoint; one for direct methods) and,
 * for trained methods, the training loss of every epoch.
 *
 * @param stages in increasing epoch order
 * @param lossHistory training loss per epoch (index e - 1 for epoch e), as long as training ran;
 *     null for methods that do not train
 * @param stopEpoch the epoch at which training stopped early because the loss reached its
 *     tolerance (the stages from there on hold the network of that epoch), else null
 */
public record Fit(List<Stage> stages, double[] lossHistory, Integer stopEpoch) {
    public Fit {
        stages = List.copyOf(stages);
    }

    /** A fit that did not stop early. */
    public Fit(List<Stage> stages, double[] lossHistory) {
        this(stages, lossHistory, null);
    }

    /** A direct method's single, successful stage. */
    public static Fit single(Approximant approximant, double fitSeconds) {
        return new Fit(List.of(Stage.ok(null, approximant, Double.NaN, fitSeconds)), null);
    }
}
