package org.relufem.method;

/** A fitted function: evaluates at points, reports its degrees of freedom. Thread-safe once built. */
public interface Approximant {
    /** Input dimension d. */
    int dimension();

    /**
     * The approximation at the point {@code x[offset .. offset + d)}.
     *
     * @param x points, row-major. Not modified.
     */
    double value(double[] x, int offset);

    /** The approximation at a single point of length d. */
    default double value(double[] x) {
        return value(x, 0);
    }

    /**
     * The approximation at {@code count} row-major points.
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

    /** Degrees of freedom: nodal values of an interpolant, trainable parameters of a network. */
    long degreesOfFreedom();

    /**
     * The fitted parameters as one vector of length {@link #degreesOfFreedom()} (nodal values,
     * network weights in the method's documented order), enough to rebuild the approximant.
     *
     * @return a new array
     */
    double[] parameterVector();
}
