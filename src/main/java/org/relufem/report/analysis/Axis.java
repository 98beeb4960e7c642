package org.relufem.report.analysis;

/**
 * What a chart's x axis is: the quantity a study sweeps. The views are drawn in this order, so a
 * sample-count or dimension study shows its own figure first.
 */
public enum Axis {
    /** Training samples m (Adcock & Dexter's error vs m), where m varies on its own, not with a grid. */
    SAMPLES("train_points", "training samples m"),
    /** Input dimension d (the curse of dimension); panels per target. */
    DIM("dim", "dimension d"),
    /** Degrees of freedom: refinement over grid_n, width or degree. */
    DOF("params", "degrees of freedom"),
    /** Epoch checkpoints of one training run: optimiser against optimiser. */
    EPOCHS("epochs", "epochs");

    private final String column;
    private final String label;

    Axis(String column, String label) {
        this.column = column;
        this.label = label;
    }

    /** The results column the axis reads ({@code params} is a measurement, the others settings). */
    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** The x of {@code o} on this axis. */
    public double x(Observation o) {
        return this == DOF ? o.params() : ((Number) o.get(column)).doubleValue();
    }
}
