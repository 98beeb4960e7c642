package org.relufem.sample;

import org.relufem.target.Box;

/**
 * A quadrature rule on a box for its uniform probability measure: integral of u ~ sum_i w_i u(x_i).
 *
 * @param points row-major, {@code count() * dimension} coordinates in the box
 * @param weights one per point, summing to 1 (some negative on a sparse grid)
 */
public record Quadrature(int dimension, double[] points, double[] weights) {

    public int count() {
        return weights.length;
    }

    /**
     * The tensor product of the {@code n}-point Clenshaw-Curtis rule on every axis: n^d points,
     * boundary included, exact for polynomials of degree n - 1 in each variable, positive weights.
     */
    public static Quadrature tensor(Box box, int n) {
        int d = box.dimension();
        double count = Math.pow(n, d);
        if (n < 1 || count > Integer.MAX_VALUE / Math.max(d, 1) - 8) {
            throw new IllegalArgumentException("a tensor rule needs n >= 1 and at most 2^31 / d points, got n = " + n
                    + " in d = " + d);
        }
        double[] t = ClenshawCurtis.nodes(n);
        double[] w = ClenshawCurtis.weights(n);
        int size = (int) count;
        double[] points = new double[size * d];
        double[] weights = new double[size];
        for (int i = 0; i < size; i++) {
            double weight = 1;
            int rest = i;
            for (int k = 0; k < d; k++) {
                int j = rest % n;
                rest /= n;
                points[i * d + k] = box.lower(k) + box.width(k) * (t[j] + 1) / 2;
                weight *= w[j];
            }
            weights[i] = weight;
        }
        return new Quadrature(d, points, weights);
    }
}
