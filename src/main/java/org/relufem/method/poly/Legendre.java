package org.relufem.method.poly;

/**
 * Orthonormal Legendre polynomials L_0 .. L_n on [-1, 1] for the uniform probability measure dt/2:
 * E[L_i L_j] = (1/2) int_{-1}^{1} L_i L_j dt = delta_ij, so L_k = sqrt(2k + 1) P_k with P_k the
 * classical Legendre polynomial (P_k(1) = 1). Immutable.
 *
 * <p>Evaluated by the three-term recurrence of the orthonormal family, obtained from Bonnet's
 * (k + 1) P_{k+1} = (2k + 1) t P_k - k P_{k-1}:
 * L_{k+1} = alpha_k t L_k - beta_k L_{k-1}, alpha_k = sqrt((2k + 1)(2k + 3)) / (k + 1),
 * beta_k = (k / (k + 1)) sqrt((2k + 3) / (2k - 1)). The recurrence is forward stable on [-1, 1]
 * (Gautschi, Orthogonal Polynomials: Computation and Approximation, 2004, section 2.1).
 */
public final class Legendre {
    private final int maxDegree;
    private final double[] alpha;
    private final double[] beta;

    /** The polynomials of degree 0 .. {@code maxDegree}. */
    public Legendre(int maxDegree) {
        if (maxDegree < 0) {
            throw new IllegalArgumentException("Legendre degree must be >= 0, got " + maxDegree);
        }
        this.maxDegree = maxDegree;
        this.alpha = new double[Math.max(maxDegree, 1)];
        this.beta = new double[Math.max(maxDegree, 1)];
        for (int k = 0; k < maxDegree; k++) {
            alpha[k] = Math.sqrt((2.0 * k + 1) * (2.0 * k + 3)) / (k + 1);
            beta[k] = k == 0 ? 0 : k / (k + 1.0) * Math.sqrt((2.0 * k + 3) / (2.0 * k - 1));
        }
    }

    public int maxDegree() {
        return maxDegree;
    }

    /**
     * Writes L_0(t) .. L_maxDegree(t) into {@code out[offset .. offset + maxDegree]}.
     *
     * @param out Modified.
     */
    public void values(double t, double[] out, int offset) {
        out[offset] = 1;
        if (maxDegree == 0) {
            return;
        }
        out[offset + 1] = alpha[0] * t;
        for (int k = 1; k < maxDegree; k++) {
            out[offset + k + 1] = alpha[k] * t * out[offset + k] - beta[k] * out[offset + k - 1];
        }
    }

    /**
     * The sup norm of L_k on [-1, 1]: sqrt(2k + 1), attained at t = +-1 since |P_k| &lt;= P_k(1) = 1.
     */
    public static double supNorm(int degree) {
        return Math.sqrt(2.0 * degree + 1);
    }
}
