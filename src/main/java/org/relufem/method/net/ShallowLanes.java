package org.relufem.method.net;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ShallowKernel}'s backward pass for the smooth activations in d = 2, a pair of points, as one SIMD loop (the
 * Vector API; C2 does not auto-vectorise a loop this big): per lane the same operations as the
 * scalar loops it replaces, so the same bits. Loaded only when {@link Activation#LANES}.
 */
final class ShallowLanes {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private ShallowLanes() {
    }

    /**
     * For points a and b, h = (ha, hb) and s = (sa, sb) each 2n long: gw2 = (gw2 + ga ha) + gb hb; dz = g w2 s for each; gb1 = (gb1 + dza) + dzb;
     * grad_k = (grad_k + xa_k dza) + xb_k dzb, for j &lt; n. gw2, gb1, grad0 and grad1 are modified.
     */
    static void backwardPairPlane(double ga, double gb, double xa0, double xa1, double xb0, double xb1, double[] h,
                                  double[] s, double[] w2, double[] gb1, double[] gw2,
                                  double[] grad0, double[] grad1, int n) {
        DoubleVector vga = DoubleVector.broadcast(SPECIES, ga);
        DoubleVector vgb = DoubleVector.broadcast(SPECIES, gb);
        DoubleVector vxa0 = DoubleVector.broadcast(SPECIES, xa0);
        DoubleVector vxa1 = DoubleVector.broadcast(SPECIES, xa1);
        DoubleVector vxb0 = DoubleVector.broadcast(SPECIES, xb0);
        DoubleVector vxb1 = DoubleVector.broadcast(SPECIES, xb1);
        int j = 0;
        for (int bound = SPECIES.loopBound(n); j < bound; j += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, gw2, j).add(vga.mul(DoubleVector.fromArray(SPECIES, h, j)))
                    .add(vgb.mul(DoubleVector.fromArray(SPECIES, h, n + j))).intoArray(gw2, j);
            DoubleVector w = DoubleVector.fromArray(SPECIES, w2, j);
            DoubleVector dza = vga.mul(w).mul(DoubleVector.fromArray(SPECIES, s, j));
            DoubleVector dzb = vgb.mul(w).mul(DoubleVector.fromArray(SPECIES, s, n + j));
            DoubleVector.fromArray(SPECIES, gb1, j).add(dza).add(dzb).intoArray(gb1, j);
            DoubleVector.fromArray(SPECIES, grad0, j).add(vxa0.mul(dza)).add(vxb0.mul(dzb)).intoArray(grad0, j);
            DoubleVector.fromArray(SPECIES, grad1, j).add(vxa1.mul(dza)).add(vxb1.mul(dzb)).intoArray(grad1, j);
        }
        for (; j < n; j++) {
            gw2[j] = (gw2[j] + ga * h[j]) + gb * h[n + j];
            double w = w2[j];
            double dza = ga * w * s[j];
            double dzb = gb * w * s[n + j];
            gb1[j] = (gb1[j] + dza) + dzb;
            grad0[j] = (grad0[j] + xa0 * dza) + xb0 * dzb;
            grad1[j] = (grad1[j] + xa1 * dza) + xb1 * dzb;
        }
    }
}
