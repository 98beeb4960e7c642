package org.relufem.target;

/** A target function f: domain -> R. Implementations are immutable and thread-safe. */
public interface Target {
    /** Registry name, e.g. {@code seed2d}. */
    String name();

    /** Input dimension d. */
    default int dimension() {
        return domain().dimension();
    }

    /** The box the function is approximated on. */
    Box domain();

    /**
     * f at the point {@code x[offset .. offset + d)}.
     *
     * @param x points, row-major. Not modified.
     */
    double value(double[] x, int offset);

    /** f at a single point of length d. */
    default double value(double[] x) {
        return value(x, 0);
    }

    /**
     * f at {@code count} row-major points.
     *
     * @param points count * d coordinates. Not modified.
     * @param out receives f at each point. Modified.
     */
    default void values(double[] points, int count, double[] out) {
        int d = dimension();
        for (int i = 0; i < count; i++) {
            out[i] = value(points, i * d);
        }
    }
}
