package org.relufem.target;

/**
 * f(x) = prod_i sin(pi x_i) on [-1, 1]^d: one period per coordinate, analytic, zero on the
 * boundary. In d = 1 it is the sin(pi x) of Michaud, Liu &amp; Tegmark's precision study
 * ("Precision machine learning", 2023), where tanh networks with second-order optimisers reach
 * errors near float64's.
 */
final class SinPi extends CubeTarget {
    SinPi(int dim) {
        super("sin_pi", dim, -1, 1);
    }

    @Override
    public double value(double[] x, int o) {
        double p = 1;
        for (int k = 0; k < domain.dimension(); k++) {
            p *= Math.sin(Math.PI * x[o + k]);
        }
        return p;
    }
}
