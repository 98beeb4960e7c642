package org.relufem.target;

import java.io.Serializable;
import java.util.Arrays;

/** An axis-aligned box [lower_1, upper_1] x ... x [lower_d, upper_d]. Immutable and serializable. */
public final class Box implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] lower;
    private final double[] upper;

    public Box(double[] lower, double[] upper) {
        if (lower.length < 1 || lower.length != upper.length) {
            throw new IllegalArgumentException("box bounds must have the same dimension >= 1, got "
                    + lower.length + " and " + upper.length);
        }
        for (int k = 0; k < lower.length; k++) {
            if (!(lower[k] < upper[k])) {
                throw new IllegalArgumentException("box needs lower < upper on axis " + k + ", got ["
                        + lower[k] + ", " + upper[k] + "]");
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /** The cube [a, b]^d. */
    public static Box cube(int dim, double a, double b) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        Arrays.fill(lo, a);
        Arrays.fill(hi, b);
        return new Box(lo, hi);
    }

    public int dimension() {
        return lower.length;
    }

    public double lower(int axis) {
        return lower[axis];
    }

    public double upper(int axis) {
        return upper[axis];
    }

    public double width(int axis) {
        return upper[axis] - lower[axis];
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < lower.length; k++) {
            s.append(k == 0 ? "" : " x ").append('[').append(lower[k]).append(", ").append(upper[k]).append(']');
        }
        return s.toString();
    }
}
