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
     * pairZ = (W_1 x_a + b_1, W_1 x_b + b_1), point a's into [0, n) and b's into [n, 2n), rounded as
     * {@link ShallowKernel}'s scalar loop rounds them: (b + x_0 w_0) + x_1 w_1, then + x_k w_k. C2 (JDK 17)
     * leaves that loop scalar, since it stores at an offset (n + j).
     */
    static void preActivationPair(double[][] w1Rows, int d, double[] x, int xa, int xb, double[] b1,
                                  double[] pairZ, int n) {
        DoubleVector a0 = DoubleVector.broadcast(SPECIES, x[xa]);
        DoubleVector b0 = DoubleVector.broadcast(SPECIES, x[xb]);
        double[] row0 = w1Rows[0];
        int j = 0;
        if (d >= 2) {
            DoubleVector a1 = DoubleVector.broadcast(SPECIES, x[xa + 1]);
            DoubleVector b1x = DoubleVector.broadcast(SPECIES, x[xb + 1]);
            double[] row1 = w1Rows[1];
            for (int bound = SPECIES.loopBound(n); j < bound; j += SPECIES.length()) {
                DoubleVector bias = DoubleVector.fromArray(SPECIES, b1, j);
                DoubleVector w0 = DoubleVector.fromArray(SPECIES, row0, j);
                DoubleVector w1 = DoubleVector.fromArray(SPECIES, row1, j);
                bias.add(a0.mul(w0)).add(a1.mul(w1)).intoArray(pairZ, j);
                bias.add(b0.mul(w0)).add(b1x.mul(w1)).intoArray(pairZ, n + j);
            }
        } else {
            for (int bound = SPECIES.loopBound(n); j < bound; j += SPECIES.length()) {
                DoubleVector bias = DoubleVector.fromArray(SPECIES, b1, j);
                DoubleVector w0 = DoubleVector.fromArray(SPECIES, row0, j);
                bias.add(a0.mul(w0)).intoArray(pairZ, j);
                bias.add(b0.mul(w0)).intoArray(pairZ, n + j);
            }
        }
        for (int k = 2; k < d; k++) {
            DoubleVector ak = DoubleVector.broadcast(SPECIES, x[xa + k]);
            DoubleVector bk = DoubleVector.broadcast(SPECIES, x[xb + k]);
            double[] row = w1Rows[k];
            for (int i = 0, bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
                DoubleVector w = DoubleVector.fromArray(SPECIES, row, i);
                DoubleVector.fromArray(SPECIES, pairZ, i).add(ak.mul(w)).intoArray(pairZ, i);
                DoubleVector.fromArray(SPECIES, pairZ, n + i).add(bk.mul(w)).intoArray(pairZ, n + i);
            }
        }
        for (; j < n; j++) { // the tail, every coordinate
            double za = b1[j] + x[xa] * row0[j];
            double zb = b1[j] + x[xb] * row0[j];
            for (int k = 1; k < d; k++) {
                za += x[xa + k] * w1Rows[k][j];
                zb += x[xb + k] * w1Rows[k][j];
            }
            pairZ[j] = za;
            pairZ[n + j] = zb;
        }
    }

    /** Whether {@link #dotPair} can keep its eight partial sums in lanes: vectors of 8 or 4 doubles. */
    static final boolean DOT_LANES = SPECIES.length() == 8 || SPECIES.length() == 4;

    /**
     * The dot products (h_a . w2, h_b . w2) of a pair into out[0] and out[1], h_a the first n entries
     * of ha and h_b the n from bOffset in hb, rounded as {@link ShallowKernel}'s eight partial sums of
     * the rounded products round them: sum k
     * takes the terms j = k mod 8 below the last multiple of 8, sum 0 the rest, and the total is
     * ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)). Here the sums are the lanes of one 8-lane
     * vector (or two of 4) per point, so no product goes through memory and no scalar add chain is
     * left. The species is the one every other loop uses: a second one makes the Vector API's shared
     * code polymorphic, and C2 then leaves its calls virtual (measured: the tanh step 3x slower).
     * Only when {@link #DOT_LANES}.
     */
    static void dotPair(double[] ha, double[] hb, int bOffset, double[] w2, int n, double[] out) {
        int j = 0;
        double sa;
        double sb;
        if (SPECIES.length() == 8) {
            DoubleVector a = DoubleVector.zero(SPECIES);
            DoubleVector b = a;
            for (; j + 7 < n; j += 8) {
                DoubleVector w = DoubleVector.fromArray(SPECIES, w2, j);
                a = a.add(DoubleVector.fromArray(SPECIES, ha, j).mul(w));
                b = b.add(DoubleVector.fromArray(SPECIES, hb, bOffset + j).mul(w));
            }
            sa = tail(a.lane(0), ha, 0, w2, j, n);
            sb = tail(b.lane(0), hb, bOffset, w2, j, n);
            out[0] = ((sa + a.lane(1)) + (a.lane(2) + a.lane(3))) + ((a.lane(4) + a.lane(5)) + (a.lane(6) + a.lane(7)));
            out[1] = ((sb + b.lane(1)) + (b.lane(2) + b.lane(3))) + ((b.lane(4) + b.lane(5)) + (b.lane(6) + b.lane(7)));
        } else {
            DoubleVector a0 = DoubleVector.zero(SPECIES);
            DoubleVector a1 = a0;
            DoubleVector b0 = a0;
            DoubleVector b1 = a0;
            for (; j + 7 < n; j += 8) {
                DoubleVector w0 = DoubleVector.fromArray(SPECIES, w2, j);
                DoubleVector w1 = DoubleVector.fromArray(SPECIES, w2, j + 4);
                a0 = a0.add(DoubleVector.fromArray(SPECIES, ha, j).mul(w0));
                a1 = a1.add(DoubleVector.fromArray(SPECIES, ha, j + 4).mul(w1));
                b0 = b0.add(DoubleVector.fromArray(SPECIES, hb, bOffset + j).mul(w0));
                b1 = b1.add(DoubleVector.fromArray(SPECIES, hb, bOffset + j + 4).mul(w1));
            }
            sa = tail(a0.lane(0), ha, 0, w2, j, n);
            sb = tail(b0.lane(0), hb, bOffset, w2, j, n);
            out[0] = ((sa + a0.lane(1)) + (a0.lane(2) + a0.lane(3))) + ((a1.lane(0) + a1.lane(1)) + (a1.lane(2) + a1.lane(3)));
            out[1] = ((sb + b0.lane(1)) + (b0.lane(2) + b0.lane(3))) + ((b1.lane(0) + b1.lane(1)) + (b1.lane(2) + b1.lane(3)));
        }
    }

    /** s0 plus the products h[offset + j] w2[j] for j from {@code from} to n, in order. */
    private static double tail(double s0, double[] h, int offset, double[] w2, int from, int n) {
        for (int j = from; j < n; j++) {
            s0 += h[offset + j] * w2[j];
        }
        return s0;
    }

    /**
     * For points a and b, h = (ha, hb) and s = (sa, sb) each 2n long: gw2 = (gw2 + ga ha) + gb hb; dz = g w2 s for each; gb1 = (gb1 + dza) + dzb;
     * grad_k = (grad_k + xa_k dza) + xb_k dzb, for j &lt; n. gw2, gb1, grad0 and grad1 are modified.
     * The units run from the last down to the first (each is independent, so the bits are the same):
     * the forward pass and the dot products have just run upwards, so at width 1000, where a pair's
     * arrays do not all fit in L1, the first units this loop reads are the ones still in it
     * (leaky ReLU's step 914 to 788 us, tanh's 1475 to 1357; a forward pass in blocks of units was
     * tried instead and was slower).
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
        int bound = SPECIES.loopBound(n);
        for (int j = bound; j < n; j++) {
            gw2[j] = (gw2[j] + ga * h[j]) + gb * h[n + j];
            double w = w2[j];
            double dza = ga * w * s[j];
            double dzb = gb * w * s[n + j];
            gb1[j] = (gb1[j] + dza) + dzb;
            grad0[j] = (grad0[j] + xa0 * dza) + xb0 * dzb;
            grad1[j] = (grad1[j] + xa1 * dza) + xb1 * dzb;
        }
        for (int j = bound - SPECIES.length(); j >= 0; j -= SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, gw2, j).add(vga.mul(DoubleVector.fromArray(SPECIES, h, j)))
                    .add(vgb.mul(DoubleVector.fromArray(SPECIES, h, n + j))).intoArray(gw2, j);
            DoubleVector w = DoubleVector.fromArray(SPECIES, w2, j);
            DoubleVector dza = vga.mul(w).mul(DoubleVector.fromArray(SPECIES, s, j));
            DoubleVector dzb = vgb.mul(w).mul(DoubleVector.fromArray(SPECIES, s, n + j));
            DoubleVector.fromArray(SPECIES, gb1, j).add(dza).add(dzb).intoArray(gb1, j);
            DoubleVector.fromArray(SPECIES, grad0, j).add(vxa0.mul(dza)).add(vxb0.mul(dzb)).intoArray(grad0, j);
            DoubleVector.fromArray(SPECIES, grad1, j).add(vxa1.mul(dza)).add(vxb1.mul(dzb)).intoArray(grad1, j);
        }
    }
}
