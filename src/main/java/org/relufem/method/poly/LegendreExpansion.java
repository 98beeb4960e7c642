package org.relufem.method.poly;

import org.relufem.method.Approximant;

/**
 * A fitted polynomial sum_nu c_nu phi_nu(x) in a {@link LegendreBasis}. Thread-safe: evaluation
 * uses per-call scratch arrays.
 */
public final class LegendreExpansion implements Approximant {
    private final LegendreBasis basis;
    private final double[] coefficients;

    /**
     * The expansion with the given coefficients: rebuilds a fit from its {@link #parameterVector()}.
     *
     * @param coefficients one per basis function, in index-set order. Not modified.
     */
    public LegendreExpansion(LegendreBasis basis, double[] coefficients) {
        if (coefficients.length != basis.size()) {
            throw new IllegalArgumentException("need " + basis.size() + " coefficients, got " + coefficients.length);
        }
        this.basis = basis;
        this.coefficients = coefficients.clone();
    }

    public LegendreBasis basis() {
        return basis;
    }

    @Override
    public int dimension() {
        return basis.dimension();
    }

    /** The basis size N (every coefficient counts, also those a sparse fit set to zero). */
    @Override
    public long degreesOfFreedom() {
        return coefficients.length;
    }

    /** The Legendre coefficients c_nu in the index set's order. */
    @Override
    public double[] parameterVector() {
        return coefficients.clone();
    }

    @Override
    public double value(double[] x, int offset) {
        return valueWith(x, offset, new double[basis.scratchLength()], new double[coefficients.length]);
    }

    @Override
    public void values(double[] points, int count, double[] out) {
        double[] scratch = new double[basis.scratchLength()];
        double[] phi = new double[coefficients.length];
        int d = basis.dimension();
        for (int i = 0; i < count; i++) {
            out[i] = valueWith(points, i * d, scratch, phi);
        }
    }

    private double valueWith(double[] x, int offset, double[] scratch, double[] phi) {
        basis.values(x, offset, scratch, phi, 0);
        double s = 0;
        for (int j = 0; j < phi.length; j++) {
            s += coefficients[j] * phi[j];
        }
        return s;
    }
}
