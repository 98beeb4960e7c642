package org.relufem.sweep;

import java.io.Serializable;

/** A target name with one dimension: one value of a spec's target axis. */
public record TargetChoice(String name, int dim) implements Serializable {
}
