package org.relufem.sweep;

import java.io.Serializable;

/**
 * Where one row of a trial sits in its fit: the boosting stage and the epoch count of a trained
 * method (both null for a method that gives one row). A row's id is its trial's canonical form
 * with these appended, stage 1 left out, so the rows of unboosted training keep their ids.
 *
 * @param boostStage the stage of a boosted fit, 1 for the first (or only) network; null for untrained methods
 * @param epochs the epoch count of the checkpoint; null for untrained methods
 */
public record Checkpoint(Integer boostStage, Integer epochs) implements Serializable {
    /** The single row of a method without checkpoints. */
    public static final Checkpoint NONE = new Checkpoint(null, null);

    /** What the row appends to its trial's canonical form before hashing. */
    String idSuffix() {
        return (boostStage != null && boostStage > 1 ? ";boost_stage=" + boostStage : "")
                + (epochs != null ? ";epochs=" + epochs : "");
    }
}
