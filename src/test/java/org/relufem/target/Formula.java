package org.relufem.target;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** A target given by a formula on a box, for tests that need a function of known form (affine, polynomial). */
public record Formula(Box domain, ToDoubleFunction<double[]> f) implements Target {
    @Override
    public String name() {
        return "formula";
    }

    @Override
    public double value(double[] x, int offset) {
        return f.applyAsDouble(Arrays.copyOfRange(x, offset, offset + domain.dimension()));
    }
}
