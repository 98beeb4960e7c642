package org.relufem.target;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** A target given by a formula on a box, for tests that need a function of known form (affine, polynomial). */
public record Formula(Box domain, ToDoubleFunction<double[]> f) implements Target {
    /** A box with unequal, offset sides in d dimensions, so that no test passes by symmetry. */
    public static Box skewedBox(int d) {
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int k = 0; k < d; k++) {
            lo[k] = -0.5 + 0.3 * k;
            hi[k] = lo[k] + 1.0 + 0.7 * k;
        }
        return new Box(lo, hi);
    }

    @Override
    public String name() {
        return "formula";
    }

    @Override
    public double value(double[] x, int offset) {
        return f.applyAsDouble(Arrays.copyOfRange(x, offset, offset + domain.dimension()));
    }
}
