package org.relufem.sweep;

import java.io.Serializable;
import org.relufem.target.Box;
import org.relufem.target.TargetDefinition;

/**
 * One value of a spec's target axis: a target's definition (a registered name in one dimension,
 * a formula on a box, or a user's class), which executors rebuild the target from.
 */
public record TargetChoice(TargetDefinition definition) implements Serializable {
    /** The registered target {@code name} in dimension {@code dim}. */
    public TargetChoice(String name, int dim) {
        this(new TargetDefinition.Registered(name, dim));
    }

    /** The {@code target} column. */
    public String name() {
        return definition.name();
    }

    public int dim() {
        return definition.dim();
    }

    public Box domain() {
        return definition.domain();
    }
}
