package org.relufem.target;

/**
 * Genz's test families on [0,1]^d (A. Genz, "Testing multidimensional integration routines", 1984;
 * "A package for testing multiple integration subroutines", 1987).
 *
 * <p>Coefficients are fixed so that every run is the same: a_i = b / d, where b is Genz's
 * difficulty for the family (the sum of the a_i), and the shift u_i = 1/phi = 0.6180339887...
 * on every axis. The shift is irrational on purpose: kinks and jumps then never sit on the nodes
 * or cell faces of a uniform grid, which would flatter grid interpolants.
 *
 * <table>
 * <caption>families</caption>
 * <tr><th>name</th><th>f(x)</th><th>b</th></tr>
 * <tr><td>oscillatory</td><td>cos(2 pi u_1 + sum a_i x_i)</td><td>9.0</td></tr>
 * <tr><td>product_peak</td><td>prod (a_i^-2 + (x_i - u_i)^2)^-1</td><td>7.25</td></tr>
 * <tr><td>corner_peak</td><td>(1 + sum a_i x_i)^-(d+1)</td><td>1.85</td></tr>
 * <tr><td>gaussian</td><td>exp(-sum a_i^2 (x_i - u_i)^2)</td><td>7.03</td></tr>
 * <tr><td>continuous</td><td>exp(-sum a_i |x_i - u_i|) (a C0 kink)</td><td>20.4</td></tr>
 * <tr><td>discontinuous</td><td>0 if x_1 &gt; u_1 or x_2 &gt; u_2, else exp(sum a_i x_i)</td><td>4.3</td></tr>
 * </table>
 *
 * The difficulties are those of Genz (1987). {@code discontinuous} only cuts axis 2 when d &gt;= 2.
 */
final class Genz extends CubeTarget {
    /** One of Genz's six families, with its difficulty b = sum_i a_i. */
    enum Family {
        OSCILLATORY("oscillatory", 9.0),
        PRODUCT_PEAK("product_peak", 7.25),
        CORNER_PEAK("corner_peak", 1.85),
        GAUSSIAN("gaussian", 7.03),
        CONTINUOUS("continuous", 20.4),
        DISCONTINUOUS("discontinuous", 4.3);

        final String registryName;
        final double difficulty;

        Family(String registryName, double difficulty) {
            this.registryName = registryName;
            this.difficulty = difficulty;
        }
    }

    static final double SHIFT = (Math.sqrt(5) - 1) / 2;

    private final Family family;
    private final double a;

    Genz(Family family, int dim) {
        super(family.registryName, dim, 0, 1);
        this.family = family;
        this.a = family.difficulty / dim;
    }

    @Override
    public double value(double[] x, int o) {
        int d = domain.dimension();
        double u = SHIFT;
        switch (family) {
            case OSCILLATORY: {
                double s = 2 * Math.PI * u;
                for (int k = 0; k < d; k++) {
                    s += a * x[o + k];
                }
                return Math.cos(s);
            }
            case PRODUCT_PEAK: {
                double p = 1;
                double inv = 1 / (a * a);
                for (int k = 0; k < d; k++) {
                    double t = x[o + k] - u;
                    p /= inv + t * t;
                }
                return p;
            }
            case CORNER_PEAK: {
                double s = 1;
                for (int k = 0; k < d; k++) {
                    s += a * x[o + k];
                }
                return Math.pow(s, -(d + 1));
            }
            case GAUSSIAN: {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double t = x[o + k] - u;
                    s += t * t;
                }
                return Math.exp(-a * a * s);
            }
            case CONTINUOUS: {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += Math.abs(x[o + k] - u);
                }
                return Math.exp(-a * s);
            }
            case DISCONTINUOUS: {
                if (x[o] > u || (d >= 2 && x[o + 1] > u)) {
                    return 0;
                }
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += x[o + k];
                }
                return Math.exp(a * s);
            }
            default:
                throw new AssertionError(family);
        }
    }
}
