package org.relufem.method.net;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatShallowKernel}'s loops on SIMD lanes (the Vector API), 8 floats a vector (AVX2's
 * 256 bits, what this machine has; an AVX-512 machine runs them too): per lane the operations of
 * the kernel's scalar loops, the dot product's 16 partial sums two accumulators of 8, so the same
 * bits. Loaded only when {@link Activation#LANES}. Widths are multiples of 16 (the kernel pads them).
 */
final class FloatShallowLanes {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;
    private static final int L = SPECIES.length();

    private FloatShallowLanes() {
    }

    /** The machine's float lanes: below 8, SPECIES_256 would run in software. */
    static int preferredLanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    /**
     * For points a and b in d = 2: h = relu((b_1 + x_0 W_0) + x_1 W_1) into ha and hb, and the
     * partial sums of h . w_2 into partials[0, 16) for a and [16, 32) for b. Modifies ha, hb, partials.
     */
    static void forwardPairPlane(float xa0, float xa1, float xb0, float xb1, float[] w0, float[] w1, float[] b1,
                                 float[] w2, float[] ha, float[] hb, float[] partials, int n) {
        FloatVector accA = FloatVector.zero(SPECIES);
        FloatVector accB = FloatVector.zero(SPECIES);
        FloatVector accA2 = FloatVector.zero(SPECIES);
        FloatVector accB2 = FloatVector.zero(SPECIES);
        for (int j = 0; j < n; j += 2 * L) {
            FloatVector bias = FloatVector.fromArray(SPECIES, b1, j);
            FloatVector u0 = FloatVector.fromArray(SPECIES, w0, j);
            FloatVector u1 = FloatVector.fromArray(SPECIES, w1, j);
            FloatVector w = FloatVector.fromArray(SPECIES, w2, j);
            FloatVector hav = bias.add(u0.mul(xa0)).add(u1.mul(xa1)).max(0f);
            FloatVector hbv = bias.add(u0.mul(xb0)).add(u1.mul(xb1)).max(0f);
            hav.intoArray(ha, j);
            hbv.intoArray(hb, j);
            accA = accA.add(hav.mul(w));
            accB = accB.add(hbv.mul(w));
            int k = j + L;
            bias = FloatVector.fromArray(SPECIES, b1, k);
            u0 = FloatVector.fromArray(SPECIES, w0, k);
            u1 = FloatVector.fromArray(SPECIES, w1, k);
            w = FloatVector.fromArray(SPECIES, w2, k);
            hav = bias.add(u0.mul(xa0)).add(u1.mul(xa1)).max(0f);
            hbv = bias.add(u0.mul(xb0)).add(u1.mul(xb1)).max(0f);
            hav.intoArray(ha, k);
            hbv.intoArray(hb, k);
            accA2 = accA2.add(hav.mul(w));
            accB2 = accB2.add(hbv.mul(w));
        }
        accA.intoArray(partials, 0);
        accA2.intoArray(partials, L);
        accB.intoArray(partials, 2 * L);
        accB2.intoArray(partials, 3 * L);
    }

    /**
     * The pair's backward pass in d = 2, ReLU: gw2 = (gw2 + ga ha) + gb hb; dz = g w_2 [h &gt; 0]
     * for each point; gb1 = (gb1 + dza) + dzb; grad_k = (grad_k + xa_k dza) + xb_k dzb. Modifies
     * gb1, gw2, grad0, grad1.
     */
    static void backwardPairPlane(float ga, float gb, float xa0, float xa1, float xb0, float xb1, float[] ha,
                                  float[] hb, float[] w2, float[] gb1, float[] gw2, float[] grad0, float[] grad1,
                                  int n) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int j = 0; j < n; j += L) {
            FloatVector hav = FloatVector.fromArray(SPECIES, ha, j);
            FloatVector hbv = FloatVector.fromArray(SPECIES, hb, j);
            FloatVector w = FloatVector.fromArray(SPECIES, w2, j);
            FloatVector.fromArray(SPECIES, gw2, j).add(hav.mul(ga)).add(hbv.mul(gb)).intoArray(gw2, j);
            VectorMask<Float> onA = hav.compare(VectorOperators.GT, 0f);
            VectorMask<Float> onB = hbv.compare(VectorOperators.GT, 0f);
            FloatVector dza = zero.blend(w.mul(ga), onA);
            FloatVector dzb = zero.blend(w.mul(gb), onB);
            FloatVector.fromArray(SPECIES, gb1, j).add(dza).add(dzb).intoArray(gb1, j);
            FloatVector.fromArray(SPECIES, grad0, j).add(dza.mul(xa0)).add(dzb.mul(xb0)).intoArray(grad0, j);
            FloatVector.fromArray(SPECIES, grad1, j).add(dza.mul(xa1)).add(dzb.mul(xb1)).intoArray(grad1, j);
        }
    }

    /**
     * One point, any d: h = relu(((b_1 + x_0 W_0) + x_1 W_1) + ...) and the partial sums of h . w_2
     * into partials[0, 16). Modifies h, partials.
     */
    static void forwardRelu(float[] x, int xi, int d, float[][] w1, float[] b1, float[] w2, float[] h,
                            float[] partials, int n) {
        FloatVector acc = FloatVector.zero(SPECIES);
        FloatVector acc2 = FloatVector.zero(SPECIES);
        for (int j = 0; j < n; j += L) {
            FloatVector z = FloatVector.fromArray(SPECIES, b1, j);
            for (int k = 0; k < d; k++) {
                z = z.add(FloatVector.fromArray(SPECIES, w1[k], j).mul(x[xi + k]));
            }
            FloatVector hv = z.max(0f);
            hv.intoArray(h, j);
            FloatVector term = hv.mul(FloatVector.fromArray(SPECIES, w2, j));
            if ((j & L) == 0) {
                acc = acc.add(term);
            } else {
                acc2 = acc2.add(term);
            }
        }
        acc.intoArray(partials, 0);
        acc2.intoArray(partials, L);
    }

    /** The partial sums of h . w_2 into partials[0, 16). Modifies partials. */
    static void dot(float[] h, float[] w2, float[] partials, int n) {
        FloatVector acc = FloatVector.zero(SPECIES);
        FloatVector acc2 = FloatVector.zero(SPECIES);
        for (int j = 0; j < n; j += 2 * L) {
            acc = acc.add(FloatVector.fromArray(SPECIES, h, j).mul(FloatVector.fromArray(SPECIES, w2, j)));
            acc2 = acc2.add(FloatVector.fromArray(SPECIES, h, j + L).mul(FloatVector.fromArray(SPECIES, w2, j + L)));
        }
        acc.intoArray(partials, 0);
        acc2.intoArray(partials, L);
    }

    /**
     * One point's backward pass, any d: gw2 += g h; dz = g w_2 s (s the mask [h &gt; 0] when
     * {@code slopes} is null); gb1 += dz; grad_k += x_k dz. Modifies gb1, gw2, gw1.
     */
    static void backward(float g, float[] x, int xi, int d, float[] h, float[] slopes, float[] w2, float[] gb1,
                         float[] gw2, float[][] gw1, int n) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int j = 0; j < n; j += L) {
            FloatVector hv = FloatVector.fromArray(SPECIES, h, j);
            FloatVector.fromArray(SPECIES, gw2, j).add(hv.mul(g)).intoArray(gw2, j);
            FloatVector gw = FloatVector.fromArray(SPECIES, w2, j).mul(g);
            FloatVector dz = slopes == null
                    ? zero.blend(gw, hv.compare(VectorOperators.GT, 0f))
                    : gw.mul(FloatVector.fromArray(SPECIES, slopes, j));
            FloatVector.fromArray(SPECIES, gb1, j).add(dz).intoArray(gb1, j);
            for (int k = 0; k < d; k++) {
                float[] row = gw1[k];
                FloatVector.fromArray(SPECIES, row, j).add(dz.mul(x[xi + k])).intoArray(row, j);
            }
        }
    }
}
