package org.relufem.target;

/** A real function of d variables, evaluated at one row-major point or a batch of them. */
public interface PointFunction {
    /** Input dimension d. */
    int dimension();

    /**
     * The value at the point {@code x[offset .. offset + d)}.
     *
     * @param x points, row-major. Not modified.
     */
    double value(double[] x, int offset);

    /** The value at a single point of length d. */
    default double value(double[] x) {
        return value(x, 0);
    }

    /**
     * The values at {@code count} row-major points.
     *
     * @param points count * d coordinates. Not modified.
     * @param out receives one value per point. Modified.
     */
    default void values(double[] points, int count, double[] out) {
        int d = dimension();
        for (int i = 0; i < count; i++) {
            out[i] = value(points, i * d);
        }
    }
}
