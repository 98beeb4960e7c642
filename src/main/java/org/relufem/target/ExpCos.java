package org.relufem.target;

/**
 * Adcock &amp; Dexter (2021), smooth test function: f(x) = exp(-(1/(8d)) sum_i cos(x_i)) on [-1,1]^d.
 */
final class ExpCos extends CubeTarget {
    ExpCos(int dim) {
        super("exp_cos", dim, -1, 1);
    }

    @Override
    public double value(double[] x, int o) {
        int d = domain.dimension();
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += Math.cos(x[o + k]);
        }
        return Math.exp(-s / (8.0 * d));
    }
}
