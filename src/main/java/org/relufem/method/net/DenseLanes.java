package org.relufem.method.net;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The layered pass's dense products on SIMD lanes (the Vector API), register-blocked: four points
 * (or four rows of the gradient) by two vectors of outputs stay in registers over the whole inner
 * sum, where {@link org.relufem.method.Rows#addScaled} loads and stores its target row once per
 * term. Each entry is still the sum of the same products, in the same order, from 0, multiplied
 * and added apart (no fused multiply-add): the same bits as the scalar loops, on any lane count.
 * Loaded only when {@link Activation#LANES}.
 *
 * <p>Measured here (AVX2, 4 double lanes; two cores shared at load 6-8; fastest blocks): 1000 x W
 * by W x W at 15-20 GFLOP/s against 4-14 for the Rows loops, W = 20..100; the weight gradient at
 * 13-22 against 2-10 once its points went in blocks (unblocked, with the 800 KB of a_l and dz_l
 * rows at W = 50 more than L2 holds, 6-11). A full-batch Adam step of 2 -&gt; 20 x 2 .. 50 x 5
 * -&gt; 1 on 1000 points and 2 -&gt; 100 x 3 -&gt; 1 on 1024 took 1.6-2.9x less time (README,
 * Benchmarks).
 */
final class DenseLanes {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    static {
        CompileUnits.install();
    }

    private DenseLanes() {
    }

    /**
     * c[i][j] = sum_k a[i][k] b[k][j] for i &lt; rows, k in order from 0: row i of A B, as
     * Rows.addScaled(a[i], b, c[i]) into a zeroed c[i]. The forward a_l W_l^T and the backward
     * dz_l W_l. c is modified; a and b are not.
     *
     * <p>Four rows at a time by one kernel per width: n &gt;= 2L by {@link #wide}, L &lt;= n &lt; 2L
     * by {@link #narrow}, fewer columns by {@link #scalar}; the rows past the last four by Rows. A
     * kernel's last block of columns ends at n and overlaps the one before (the overlapped entries
     * are written twice with the same bits), so no width has a tail of scalar columns. Each kernel
     * holds one vector path and is a compile unit of its own ({@link CompileUnits}): when one method
     * held every path, a JVM that had multiplied both kinds of width compiled it past C2's inlining
     * budget, its vectors boxed.
     */
    static void product(double[][] a, int rows, double[][] b, double[][] c) {
        int n = b[0].length;
        int blocks = rows - rows % 4;
        if (n >= 2 * L) {
            wide(a, blocks, b, c, n);
        } else if (n >= L) {
            narrow(a, blocks, b, c, n);
        } else {
            scalar(a, blocks, b, c, n);
        }
        for (int i = blocks; i < rows; i++) {
            double[] ci = c[i];
            java.util.Arrays.fill(ci, 0, n, 0.0);
            org.relufem.method.Rows.addScaled(a[i], b, ci);
        }
    }

    /** {@link #product}'s rows below {@code blocks} (a multiple of 4), n &gt;= 2L: four rows by two vectors. */
    private static void wide(double[][] a, int blocks, double[][] b, double[][] c, int n) {
        int inner = b.length;
        for (int i = 0; i < blocks; i += 4) {
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            double[] a2 = a[i + 2];
            double[] a3 = a[i + 3];
            double[] c0 = c[i];
            double[] c1 = c[i + 1];
            double[] c2 = c[i + 2];
            double[] c3 = c[i + 3];
            for (int from = 0; from < n; from += 2 * L) {
                int j = Math.min(from, n - 2 * L);
                DoubleVector s00 = DoubleVector.zero(SPECIES);
                DoubleVector s01 = s00;
                DoubleVector s10 = s00;
                DoubleVector s11 = s00;
                DoubleVector s20 = s00;
                DoubleVector s21 = s00;
                DoubleVector s30 = s00;
                DoubleVector s31 = s00;
                for (int k = 0; k < inner; k++) {
                    double[] bk = b[k];
                    DoubleVector u = DoubleVector.fromArray(SPECIES, bk, j);
                    DoubleVector v = DoubleVector.fromArray(SPECIES, bk, j + L);
                    DoubleVector x = DoubleVector.broadcast(SPECIES, a0[k]);
                    s00 = s00.add(x.mul(u));
                    s01 = s01.add(x.mul(v));
                    x = DoubleVector.broadcast(SPECIES, a1[k]);
                    s10 = s10.add(x.mul(u));
                    s11 = s11.add(x.mul(v));
                    x = DoubleVector.broadcast(SPECIES, a2[k]);
                    s20 = s20.add(x.mul(u));
                    s21 = s21.add(x.mul(v));
                    x = DoubleVector.broadcast(SPECIES, a3[k]);
                    s30 = s30.add(x.mul(u));
                    s31 = s31.add(x.mul(v));
                }
                s00.intoArray(c0, j);
                s01.intoArray(c0, j + L);
                s10.intoArray(c1, j);
                s11.intoArray(c1, j + L);
                s20.intoArray(c2, j);
                s21.intoArray(c2, j + L);
                s30.intoArray(c3, j);
                s31.intoArray(c3, j + L);
            }
        }
    }

    /** {@link #product}'s rows below {@code blocks}, L &lt;= n &lt; 2L: four rows by one vector, twice. */
    private static void narrow(double[][] a, int blocks, double[][] b, double[][] c, int n) {
        int inner = b.length;
        for (int i = 0; i < blocks; i += 4) {
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            double[] a2 = a[i + 2];
            double[] a3 = a[i + 3];
            for (int from = 0; from < n; from += L) {
                int j = Math.min(from, n - L);
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                DoubleVector s1 = s0;
                DoubleVector s2 = s0;
                DoubleVector s3 = s0;
                for (int k = 0; k < inner; k++) {
                    DoubleVector u = DoubleVector.fromArray(SPECIES, b[k], j);
                    s0 = s0.add(DoubleVector.broadcast(SPECIES, a0[k]).mul(u));
                    s1 = s1.add(DoubleVector.broadcast(SPECIES, a1[k]).mul(u));
                    s2 = s2.add(DoubleVector.broadcast(SPECIES, a2[k]).mul(u));
                    s3 = s3.add(DoubleVector.broadcast(SPECIES, a3[k]).mul(u));
                }
                s0.intoArray(c[i], j);
                s1.intoArray(c[i + 1], j);
                s2.intoArray(c[i + 2], j);
                s3.intoArray(c[i + 3], j);
            }
        }
    }

    /** {@link #product}'s rows below {@code blocks}, n &lt; L (the output layer, a 2-input layer's backward). */
    private static void scalar(double[][] a, int blocks, double[][] b, double[][] c, int n) {
        int inner = b.length;
        for (int i = 0; i < blocks; i += 4) {
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            double[] a2 = a[i + 2];
            double[] a3 = a[i + 3];
            for (int j = 0; j < n; j++) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int k = 0; k < inner; k++) {
                    double u = b[k][j];
                    s0 += a0[k] * u;
                    s1 += a1[k] * u;
                    s2 += a2[k] * u;
                    s3 += a3[k] * u;
                }
                c[i][j] = s0;
                c[i + 1][j] = s1;
                c[i + 2][j] = s2;
                c[i + 3][j] = s3;
            }
        }
    }

    /**
     * g[k * n + j] = sum_i a[i][k] d[i][j] for k &lt; fanIn, j &lt; n, i &lt; rows in order from 0:
     * d(W_l^T) = a_l^T dz_l row-major, as adding each point's outer product to a zeroed gradient
     * point by point. The points go in blocks of {@link #POINT_BLOCK}, each block's rows of a and d
     * staying in L1 while every block of g sums over them; g holds the partial sums between blocks,
     * which continues each sum in the same order. g is modified; a and d are not.
     */
    static void transposeProduct(double[][] a, double[][] d, int rows, double[] g, int fanIn, int n) {
        java.util.Arrays.fill(g, 0, fanIn * n, 0.0); // the blocks add to g, the first to these zeros
        for (int from = 0; from < rows; from += POINT_BLOCK) {
            transposeBlock(a, d, from, Math.min(rows, from + POINT_BLOCK), g, fanIn, n);
        }
        for (int k = fanIn - fanIn % 4; k < fanIn; k++) {
            lastRow(a, d, rows, g, k, n);
        }
        for (int j = n - n % L; j < n; j++) {
            lastColumn(a, d, rows, g, fanIn, n, j);
        }
    }

    /**
     * Row k of {@link #transposeProduct}'s g past the last block of four, over all the points, its
     * full vectors of columns (the last columns are {@link #lastColumn}'s), two at once.
     */
    private static void lastRow(double[][] a, double[][] d, int rows, double[] g, int k, int n) {
        int j = 0;
        for (; j + 2 * L <= n; j += 2 * L) {
            DoubleVector s0 = DoubleVector.zero(SPECIES);
            DoubleVector s1 = s0;
            for (int i = 0; i < rows; i++) {
                double[] di = d[i];
                DoubleVector x = DoubleVector.broadcast(SPECIES, a[i][k]);
                s0 = s0.add(x.mul(DoubleVector.fromArray(SPECIES, di, j)));
                s1 = s1.add(x.mul(DoubleVector.fromArray(SPECIES, di, j + L)));
            }
            s0.intoArray(g, k * n + j);
            s1.intoArray(g, k * n + j + L);
        }
        for (; j + L <= n; j += L) {
            DoubleVector s = DoubleVector.zero(SPECIES);
            for (int i = 0; i < rows; i++) {
                s = s.add(DoubleVector.broadcast(SPECIES, a[i][k]).mul(DoubleVector.fromArray(SPECIES, d[i], j)));
            }
            s.intoArray(g, k * n + j);
        }
    }

    /** Rows of a and d per block of {@link #transposeProduct}: 32 x (50 + 50) doubles are 25 KB. */
    static final int POINT_BLOCK = 32;

    /**
     * {@link #transposeProduct}'s sums over points from &lt;= i &lt; to, added to g's: its rows of g in blocks of four, {@link #transposeWide}'s columns and then {@link #transposeNarrow}'s
     * (each entry's sum is its own, so the order of the two does not matter).
     */
    private static void transposeBlock(double[][] a, double[][] d, int from, int to, double[] g, int fanIn, int n) {
        int wide = n - n % (2 * L);
        if (wide > 0) {
            transposeWide(a, d, from, to, g, fanIn, n);
        }
        if (n - wide >= L) {
            transposeNarrow(a, d, from, to, g, fanIn, n, wide);
        }
    }

    /** {@link #transposeBlock}'s columns j &lt; n - n % 2L: four rows of g by two vectors. */
    private static void transposeWide(double[][] a, double[][] d, int from, int to, double[] g, int fanIn, int n) {
        for (int k = 0; k + 4 <= fanIn; k += 4) {
            for (int j = 0; j + 2 * L <= n; j += 2 * L) {
                int at = k * n + j;
                DoubleVector s00 = DoubleVector.fromArray(SPECIES, g, at);
                DoubleVector s01 = DoubleVector.fromArray(SPECIES, g, at + L);
                DoubleVector s10 = DoubleVector.fromArray(SPECIES, g, at + n);
                DoubleVector s11 = DoubleVector.fromArray(SPECIES, g, at + n + L);
                DoubleVector s20 = DoubleVector.fromArray(SPECIES, g, at + 2 * n);
                DoubleVector s21 = DoubleVector.fromArray(SPECIES, g, at + 2 * n + L);
                DoubleVector s30 = DoubleVector.fromArray(SPECIES, g, at + 3 * n);
                DoubleVector s31 = DoubleVector.fromArray(SPECIES, g, at + 3 * n + L);
                for (int i = from; i < to; i++) {
                    double[] ai = a[i];
                    double[] di = d[i];
                    DoubleVector u = DoubleVector.fromArray(SPECIES, di, j);
                    DoubleVector v = DoubleVector.fromArray(SPECIES, di, j + L);
                    DoubleVector x = DoubleVector.broadcast(SPECIES, ai[k]);
                    s00 = s00.add(x.mul(u));
                    s01 = s01.add(x.mul(v));
                    x = DoubleVector.broadcast(SPECIES, ai[k + 1]);
                    s10 = s10.add(x.mul(u));
                    s11 = s11.add(x.mul(v));
                    x = DoubleVector.broadcast(SPECIES, ai[k + 2]);
                    s20 = s20.add(x.mul(u));
                    s21 = s21.add(x.mul(v));
                    x = DoubleVector.broadcast(SPECIES, ai[k + 3]);
                    s30 = s30.add(x.mul(u));
                    s31 = s31.add(x.mul(v));
                }
                s00.intoArray(g, at);
                s01.intoArray(g, at + L);
                s10.intoArray(g, at + n);
                s11.intoArray(g, at + n + L);
                s20.intoArray(g, at + 2 * n);
                s21.intoArray(g, at + 2 * n + L);
                s30.intoArray(g, at + 3 * n);
                s31.intoArray(g, at + 3 * n + L);
            }
        }
    }

    /** {@link #transposeBlock}'s vector of columns from j (n - n % 2L, at least L left): four rows of g at once. */
    private static void transposeNarrow(double[][] a, double[][] d, int from, int to, double[] g, int fanIn, int n,
            int j) {
        for (int k = 0; k + 4 <= fanIn; k += 4) {
            int at = k * n + j;
            DoubleVector s0 = DoubleVector.fromArray(SPECIES, g, at);
            DoubleVector s1 = DoubleVector.fromArray(SPECIES, g, at + n);
            DoubleVector s2 = DoubleVector.fromArray(SPECIES, g, at + 2 * n);
            DoubleVector s3 = DoubleVector.fromArray(SPECIES, g, at + 3 * n);
            for (int i = from; i < to; i++) {
                double[] ai = a[i];
                DoubleVector u = DoubleVector.fromArray(SPECIES, d[i], j);
                s0 = s0.add(DoubleVector.broadcast(SPECIES, ai[k]).mul(u));
                s1 = s1.add(DoubleVector.broadcast(SPECIES, ai[k + 1]).mul(u));
                s2 = s2.add(DoubleVector.broadcast(SPECIES, ai[k + 2]).mul(u));
                s3 = s3.add(DoubleVector.broadcast(SPECIES, ai[k + 3]).mul(u));
            }
            s0.intoArray(g, at);
            s1.intoArray(g, at + n);
            s2.intoArray(g, at + 2 * n);
            s3.intoArray(g, at + 3 * n);
        }
    }

    /**
     * Column j of {@link #transposeProduct}'s g (j past the last full vector of columns, or the
     * output layer's only one), over all the points, on lanes over k: two vectors of rows of g at
     * once.
     */
    private static void lastColumn(double[][] a, double[][] d, int rows, double[] g, int fanIn, int n, int j) {
        int k = 0;
        for (; k + 2 * L <= fanIn; k += 2 * L) {
            DoubleVector s0 = DoubleVector.zero(SPECIES);
            DoubleVector s1 = s0;
            for (int i = 0; i < rows; i++) {
                double[] ai = a[i];
                DoubleVector x = DoubleVector.broadcast(SPECIES, d[i][j]);
                s0 = s0.add(DoubleVector.fromArray(SPECIES, ai, k).mul(x));
                s1 = s1.add(DoubleVector.fromArray(SPECIES, ai, k + L).mul(x));
            }
            for (int m = 0; m < L; m++) {
                g[(k + m) * n + j] = s0.lane(m);
                g[(k + L + m) * n + j] = s1.lane(m);
            }
        }
        for (; k + L <= fanIn; k += L) {
            DoubleVector s = DoubleVector.zero(SPECIES);
            for (int i = 0; i < rows; i++) {
                s = s.add(DoubleVector.fromArray(SPECIES, a[i], k).mul(DoubleVector.broadcast(SPECIES, d[i][j])));
            }
            for (int m = 0; m < L; m++) {
                g[(k + m) * n + j] = s.lane(m);
            }
        }
        for (; k < fanIn; k++) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                s += a[i][k] * d[i][j];
            }
            g[k * n + j] = s;
        }
    }

    /**
     * z[j] += b[j], then next[j] = z[j] &gt; 0 ? z[j] : 0 (a NaN to 0 as well), j &lt; n: ForwardPass's
     * ReLU loop without its branch. z and next are modified.
     */
    static void biasRelu(double[] z, double[] b, double[] next, int n) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int j = 0;
        for (; j + L <= n; j += L) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, z, j).add(DoubleVector.fromArray(SPECIES, b, j));
            v.intoArray(z, j);
            zero.blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(next, j);
        }
        for (; j < n; j++) {
            double v = z[j] + b[j];
            z[j] = v;
            next[j] = v > 0 ? v : 0;
        }
    }

    /** d[k] = 0 where !(z[k] &gt; 0), k &lt; n: ReLU's derivative mask, without a branch. d is modified. */
    static void reluMask(double[] d, double[] z, int n) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int k = 0;
        for (; k + L <= n; k += L) {
            VectorMask<Double> positive = DoubleVector.fromArray(SPECIES, z, k).compare(VectorOperators.GT, 0.0);
            zero.blend(DoubleVector.fromArray(SPECIES, d, k), positive).intoArray(d, k);
        }
        for (; k < n; k++) {
            if (!(z[k] > 0)) {
                d[k] = 0;
            }
        }
    }
}
