package org.relufem.method.poly;

import java.util.SplittableRandom;
import org.relufem.target.Box;

/**
 * Optimal sampling for weighted least squares in a Legendre space (Cohen &amp; Migliorati, SMAI J.
 * Comput. Math. 3, 2017): points drawn from the density k_N(x) / N with respect to the uniform
 * probability measure, where k_N(x) = sum_nu phi_nu(x)^2 is the inverse Christoffel function of the
 * N-dimensional space, and the weights w(x) = N / k_N(x) that make the weighted discrete norm an
 * unbiased estimate of the L2 norm. With m &gt;= c N log N such samples the weighted least-squares fit
 * is stable and quasi-optimal with high probability, for any index set, where uniform samples need
 * m of order K(N) log N with K(N) = sup k_N &gt;= N^2 (in 1-D) and more in higher dimension.
 *
 * <p>The density is a mixture: k_N / N = (1/N) sum_nu prod_k L_{nu_k}(t_k)^2, so a point draws
 * nu uniformly from the index set, then each coordinate from the 1-D density L_n(t)^2 dt/2 by
 * rejection from the arcsine (Chebyshev) density 1/(pi sqrt(1 - t^2)): Bernstein's inequality
 * sqrt(sin theta) |P_n(cos theta)| &lt; sqrt(2 / (pi n)) bounds the ratio by (2n + 1)/n &lt;= 3, so a
 * coordinate costs at most three proposals on average (n = 0 is uniform). Deterministic given the
 * random stream.
 */
public final class ChristoffelSampling {
    private ChristoffelSampling() {
    }

    /**
     * {@code count} points of {@code box} from the optimal density of {@code indexSet}, row-major.
     *
     * @param random the stream to draw from. Advanced.
     */
    public static double[] points(Box box, IndexSet indexSet, int count, SplittableRandom random) {
        if (count < 1) {
            throw new IllegalArgumentException("points must be >= 1, got " + count);
        }
        int d = box.dimension();
        Legendre legendre = new Legendre(indexSet.maxDegree());
        double[] scratch = new double[indexSet.maxDegree() + 1];
        double[] out = new double[count * d];
        for (int i = 0; i < count; i++) {
            int j = random.nextInt(indexSet.size());
            for (int k = 0; k < d; k++) {
                double t = coordinate(indexSet.degree(j, k), legendre, scratch, random);
                out[i * d + k] = box.lower(k) + box.width(k) * (t + 1) / 2;
            }
        }
        return out;
    }

    /** One draw from L_n(t)^2 dt/2 on [-1, 1]. */
    private static double coordinate(int n, Legendre legendre, double[] scratch, SplittableRandom random) {
        if (n == 0) {
            return 2 * random.nextDouble() - 1;
        }
        double bound = (2.0 * n + 1) / n;
        while (true) {
            double theta = Math.PI * random.nextDouble();
            double t = Math.cos(theta);
            legendre.values(t, scratch, 0);
            double l = scratch[n];
            // density / arcsine density = (L_n^2 / 2) / (1 / (pi sin theta))
            double ratio = Math.PI * Math.sin(theta) * l * l / 2;
            if (random.nextDouble() * bound < ratio) {
                return t;
            }
        }
    }

    /**
     * The weights w(x_i) = N / sum_nu phi_nu(x_i)^2 at {@code count} points: the rows of the design
     * matrix {@code a} (count x N, row-major, as {@link LegendreBasis#designMatrix} makes it).
     */
    public static double[] weights(double[] a, int count, int n) {
        double[] w = new double[count];
        for (int i = 0; i < count; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                double v = a[i * n + j];
                s += v * v;
            }
            w[i] = n / s;
        }
        return w;
    }
}
