package org.relufem.sample;

import org.relufem.target.Box;

/**
 * The Smolyak sparse grid of nested Clenshaw-Curtis rules and its quadrature weights, as Adcock &amp;
 * Dexter test on: the 1-D rule of level l has m_1 = 1 and m_l = 2^(l-1) + 1 points, and the grid of
 * level L in d dimensions is the union of the tensor grids of levels (l_1, ..., l_d) with
 * l_1 + ... + l_d &lt;= L + d - 1, weighted by the combination technique
 * Q = sum_{L &lt;= |i| &lt;= L+d-1} (-1)^(L+d-1-|i|) C(d-1, L+d-1-|i|) Q_{i_1} x ... x Q_{i_d}
 * (Gerstner &amp; Griebel 1998). Level L holds 2^(L-1) + 1 points in 1-D (65,537 at L = 17) and
 * 1,863,937 in d = 8 at L = 10, the sizes of Adcock &amp; Dexter's test sets; it integrates every
 * polynomial of total degree 2L - 1 exactly (Novak &amp; Ritter 1996). Weights sum to 1 (the
 * uniform probability measure of the box); in d &gt;= 2 some are negative.
 *
 * <p>Points are enumerated once each, by the level at which each coordinate first appears; a
 * point's weight is the sum over the levels i &gt;= its own of the combination coefficients times
 * the 1-D weights, the coefficient of z^s in prod_k (sum_i w_i(x_k) z^i), computed as a
 * polynomial product shared along the enumeration.
 */
public final class SparseGrid {
    private SparseGrid() {
    }

    /** The number of points of level {@code level} in {@code d} dimensions, without building them. */
    public static long size(int d, int level) {
        check(d, level);
        return count(d, level + d - 1);
    }

    private static long count(int axes, long budget) {
        if (axes == 0) {
            return 1;
        }
        long total = 0;
        for (int l = 1; l <= budget - (axes - 1); l++) {
            total += newPoints(l) * count(axes - 1, budget - l);
        }
        return total;
    }

    /** The points the 1-D rule of level l adds to level l - 1. */
    private static long newPoints(int l) {
        return l == 1 ? 1 : l == 2 ? 2 : 1L << (l - 2);
    }

    private static void check(int d, int level) {
        if (d < 1 || level < 1 || level > 30) {
            throw new IllegalArgumentException("a sparse grid needs d >= 1 and level in 1..30, got d = " + d
                    + ", level = " + level);
        }
    }

    /** The grid of {@code level} on {@code box}. */
    public static Quadrature of(Box box, int level) {
        int d = box.dimension();
        check(d, level);
        long size = size(d, level);
        if (size > Integer.MAX_VALUE / Math.max(d, 1) - 8) {
            throw new IllegalArgumentException("a sparse grid of level " + level + " in d = " + d + " has " + size
                    + " points, more than an array can hold");
        }
        return new Builder(box, level, (int) size).build();
    }

    private static final class Builder {
        final Box box;
        final int d;
        final int level;
        /** The largest total |i| = L + d - 1. */
        final int top;
        /** Combination coefficient of each |i| = s (0 outside L..top). */
        final double[] coefficient;
        /** ruleNodes[i], ruleWeights[i]: the 1-D rule of level i (1-based). */
        final double[][] ruleNodes;
        final double[][] ruleWeights;
        final double[] points;
        final double[] weights;
        /** prefix[k]: the polynomial product of the first k axes, coefficients 0..top. */
        final double[][] prefix;
        final double[] coordinate;
        int next;

        Builder(Box box, int level, int size) {
            this.box = box;
            this.d = box.dimension();
            this.level = level;
            this.top = level + d - 1;
            this.coefficient = new double[top + 1];
            for (int s = level; s <= top; s++) {
                int q = top - s;
                coefficient[s] = (q % 2 == 0 ? 1 : -1) * binomial(d - 1, q);
            }
            this.ruleNodes = new double[level + 1][];
            this.ruleWeights = new double[level + 1][];
            for (int i = 1; i <= level; i++) {
                int m = i == 1 ? 1 : (1 << (i - 1)) + 1;
                ruleNodes[i] = ClenshawCurtis.nodes(m);
                ruleWeights[i] = ClenshawCurtis.weights(m);
            }
            this.points = new double[size * d];
            this.weights = new double[size];
            this.prefix = new double[d + 1][top + 1];
            prefix[0][0] = 1;
            this.coordinate = new double[d];
        }

        Quadrature build() {
            enumerate(0, top);
            if (next != weights.length) {
                throw new IllegalStateException(next + " points built, " + weights.length + " counted");
            }
            return new Quadrature(d, points, weights);
        }

        /** Axis {@code k} onward, with {@code budget} = top minus the levels of the axes before it. */
        private void enumerate(int k, int budget) {
            if (k == d) {
                double w = 0;
                double[] p = prefix[d];
                for (int s = level; s <= top; s++) {
                    w += coefficient[s] * p[s];
                }
                System.arraycopy(coordinate, 0, points, next * d, d);
                weights[next++] = w;
                return;
            }
            int maxLevel = Math.min(level, budget - (d - 1 - k));
            for (int l = 1; l <= maxLevel; l++) {
                int m = l == 1 ? 1 : (1 << (l - 1)) + 1;
                // the nodes new at level l: the midpoint (l = 1), the two ends (l = 2), the odd ones after
                int first = l <= 2 ? 0 : 1;
                int step = 2;
                for (int j = first; j < m; j += step) {
                    double t = ruleNodes[l][j];
                    coordinate[k] = box.lower(k) + box.width(k) * (t + 1) / 2;
                    double[] from = prefix[k];
                    double[] to = prefix[k + 1];
                    java.util.Arrays.fill(to, 0);
                    // the node's weight in every rule i >= l, times z^i
                    for (int i = l; i <= level; i++) {
                        double wi = ruleWeights[i][indexIn(l, j, i)];
                        for (int s = 0; s + i <= top; s++) {
                            to[s + i] += from[s] * wi;
                        }
                    }
                    enumerate(k + 1, budget - l);
                }
            }
        }

        /** The position in the rule of level i of node j of the rule of level l (l &lt;= i). */
        private static int indexIn(int l, int j, int i) {
            if (l == 1) {
                return i == 1 ? 0 : 1 << (i - 2);
            }
            return j << (i - l);
        }

        private static double binomial(int n, int k) {
            double b = 1;
            for (int r = 1; r <= k; r++) {
                b = b * (n - k + r) / r;
            }
            return b;
        }
    }
}
