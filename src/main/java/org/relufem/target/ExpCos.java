package org.relufem.target;

/**
 * Adcock &amp; Dexter (2021), smooth test function: f(x) = exp(-(1/(8d)) sum_i cos(x_i)) on [-1,1]^d.
 */
final class ExpCos implements Target {
    private final Box domain;

    ExpCos(int dim) {
        this.domain = Box.cube(dim, -1, 1);
    }

    @Override
    public String name() {
        return "exp_cos";
    }

    @Override
    public Box domain() {
        return domain;
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
