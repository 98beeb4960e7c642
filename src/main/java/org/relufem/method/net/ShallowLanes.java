package org.relufem.method.net;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ShallowKernel}'s backward pass for the smooth activations in d = 2 as one SIMD loop (the
 * Vector API; C2 does not auto-vectorise a loop this big): per lane the same operations as the
 * scalar loops it replaces, so the same bits. Loaded only when {@link Activation#LANES}.
 */
final class ShallowLanes {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private ShallowLanes() {
    }

    /**
     * gw2 += g h; dz = g w2 s; gb1 += dz; grad0 += x0 dz; grad1 += x1 dz, for j &lt; n.
     * gw2, gb1, grad0 and grad1 are modified.
     */
    static void backwardPlane(double g, double x0, double x1, double[] h, double[] s, double[] w2, double[] gb1,
                              double[] gw2, double[] grad0, double[] grad1, int n) {
        DoubleVector vg = DoubleVector.broadcast(SPECIES, g);
        DoubleVector vx0 = DoubleVector.broadcast(SPECIES, x0);
        DoubleVector vx1 = DoubleVector.broadcast(SPECIES, x1);
        int j = 0;
        for (int bound = SPECIES.loopBound(n); j < bound; j += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, gw2, j).add(vg.mul(DoubleVector.fromArray(SPECIES, h, j))).intoArray(gw2, j);
            DoubleVector dz = vg.mul(DoubleVector.fromArray(SPECIES, w2, j)).mul(DoubleVector.fromArray(SPECIES, s, j));
            DoubleVector.fromArray(SPECIES, gb1, j).add(dz).intoArray(gb1, j);
            DoubleVector.fromArray(SPECIES, grad0, j).add(vx0.mul(dz)).intoArray(grad0, j);
            DoubleVector.fromArray(SPECIES, grad1, j).add(vx1.mul(dz)).intoArray(grad1, j);
        }
        for (; j < n; j++) {
            gw2[j] += g * h[j];
            double dz = g * w2[j] * s[j];
            gb1[j] += dz;
            grad0[j] += x0 * dz;
            grad1[j] += x1 * dz;
        }
    }
}
