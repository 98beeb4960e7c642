package org.relufem.target;

import java.util.function.IntFunction;

/**
 * Adcock &amp; Dexter's further test functions on [-1,1]^d (issue #7), besides {@link ExpCos}: a
 * smooth but faster-varying one, a discontinuous one, and a 1-D oscillatory one.
 */
final class AdcockDexter extends CubeTarget {
    /** The families, with their registry names and dimension ranges. */
    enum Family {
        /** exp(-sum_i cos(5 x_i)): smooth, with 5/(2 pi) oscillations per unit in every direction. */
        EXP_COS5("exp_cos5", 1, Targets.MAX_DIM),
        /** 1 where sum_i x_i &gt;= 0, else 0: a jump across a hyperplane through the centre. */
        HALFSPACE("halfspace", 1, Targets.MAX_DIM),
        /** log(sin(10 x) + 2) + sin(x), 1-D only: smooth, oscillatory. */
        LOGSIN("logsin", 1, 1);

        final String registryName;
        final int minDim;
        final int maxDim;

        Family(String registryName, int minDim, int maxDim) {
            this.registryName = registryName;
            this.minDim = minDim;
            this.maxDim = maxDim;
        }

        IntFunction<Target> factory() {
            return d -> new AdcockDexter(this, d);
        }
    }

    private final Family family;

    AdcockDexter(Family family, int dim) {
        super(family.registryName, dim, -1, 1);
        this.family = family;
    }

    @Override
    public double value(double[] x, int o) {
        int d = domain.dimension();
        switch (family) {
            case EXP_COS5: {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += Math.cos(5 * x[o + k]);
                }
                return Math.exp(-s);
            }
            case HALFSPACE: {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += x[o + k];
                }
                return s >= 0 ? 1 : 0;
            }
            case LOGSIN:
                return Math.log(Math.sin(10 * x[o]) + 2) + Math.sin(x[o]);
            default:
                throw new IllegalStateException(family.toString());
        }
    }
}
