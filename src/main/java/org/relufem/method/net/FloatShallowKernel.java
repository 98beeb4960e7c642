package org.relufem.method.net;

import java.util.Arrays;

/**
 * {@link ShallowKernel} in float32: loss and gradient of a one-hidden-layer network point by
 * point, every value of the step a {@code float}. The width is padded to a multiple of
 * {@link #PARTIALS} with units whose weights are all zero (their value, output weight and
 * gradients stay exactly zero, so Adam leaves them zero), so that every loop runs whole vectors.
 *
 * <p>The dot product h . w_2 is summed as {@link #PARTIALS} partial sums, partial t taking the
 * units j = t mod 16 in order, then the partials in a fixed tree ({@link #sumPartials}): on a
 * machine with 8 float lanes (AVX2) that is two vector accumulators ({@link FloatShallowLanes}),
 * and the scalar loops here, taken without the Vector API or with fewer lanes, round every value
 * the same way, so the bits do not depend on the machine. The double kernel leaves this sum
 * scalar; in float it would then cost as much as the vectorised rest of the step.
 *
 * <p>ReLU's slope is the mask [h &gt; 0]; the other activations take their values and slopes from
 * {@link Activation#forwardAndSlopes} in double (its SIMD loops), z widened and the results
 * rounded back to float, one point at a time. That costs more than float64's step with the same
 * activation (tanh at 2 -&gt; 100 -&gt; 1: measured 4x float64's step when the scalar double functions
 * ran here, 1.3x with the SIMD loops): float32 pays off for ReLU.
 */
final class FloatShallowKernel {
    /** Partial sums of the output's dot product, and the multiple the width is padded to. */
    static final int PARTIALS = 16;
    /** Whether the vector loops run: the module is there and the machine has at least 8 float lanes. */
    static final boolean VECTOR = Activation.LANES && FloatShallowLanes.preferredLanes() >= 8;

    private final int d;
    private final int width;
    private final Activation activation;
    private final float[] z;
    private final float[] h;
    private final float[] hNext;
    private final float[] slopes;
    /** The partial sums of a point (and of the pair's second point from {@link #PARTIALS} on). */
    private final float[] partials = new float[2 * PARTIALS];
    private final boolean vector;
    /** z, act(z) and act'(z) of the smooth activations in double, for their SIMD loops. */
    private final double[] wideZ;
    private final double[] wideH;
    private final double[] wideS;

    /**
     * @param width the padded width, a multiple of {@link #PARTIALS}
     * @param vector whether to take the vector loops (when {@link #VECTOR}); the scalar loops give
     *     the same bits
     */
    FloatShallowKernel(int d, int width, Activation activation, boolean vector) {
        if (width % PARTIALS != 0) {
            throw new IllegalArgumentException("padded width " + width + " is not a multiple of " + PARTIALS);
        }
        this.d = d;
        this.width = width;
        this.activation = activation;
        this.vector = vector && VECTOR;
        this.z = new float[width];
        this.h = new float[width];
        this.hNext = new float[width];
        this.slopes = new float[width];
        int smooth = activation == Activation.RELU ? 0 : width;
        this.wideZ = new double[smooth];
        this.wideH = new double[smooth];
        this.wideS = new double[smooth];
    }

    /** {@code width} rounded up to a multiple of {@link #PARTIALS}. */
    static int padded(int width) {
        return (width + PARTIALS - 1) / PARTIALS * PARTIALS;
    }

    /**
     * @param x rows x d inputs, row-major. Not modified.
     * @param y rows targets. Not modified.
     * @param w1 W_1 by input coordinate: d rows of the padded width. Not modified.
     * @param gw1 receives dL/dW_1, same layout. Modified.
     * @param gb1 receives dL/db_1. Modified.
     * @param gw2 receives dL/dw_2. Modified.
     * @param gb2 receives dL/db_2 in entry 0. Modified.
     * @return the mean squared error over the rows, summed in double
     */
    double lossAndGradient(int rows, float[] x, float[] y, float[][] w1, float[] b1, float[] w2, float b2,
                           float[][] gw1, float[] gb1, float[] gw2, float[] gb2) {
        for (float[] row : gw1) {
            Arrays.fill(row, 0f);
        }
        Arrays.fill(gb1, 0f);
        Arrays.fill(gw2, 0f);
        float scale = 2f / rows;
        double sum = 0;
        float gradientB2 = 0;
        int i = 0;
        if (vector && d == 2 && activation == Activation.RELU) {
            for (; i + 1 < rows; i += 2) {
                int xa = 2 * i;
                FloatShallowLanes.forwardPairPlane(x[xa], x[xa + 1], x[xa + 2], x[xa + 3], w1[0], w1[1],
                        b1, w2, h, hNext, partials, width);
                float residualA = (b2 + sumPartials(partials, 0)) - y[i];
                float residualB = (b2 + sumPartials(partials, PARTIALS)) - y[i + 1];
                sum += (double) residualA * residualA;
                sum += (double) residualB * residualB;
                float ga = scale * residualA;
                float gb = scale * residualB;
                gradientB2 += ga;
                gradientB2 += gb;
                FloatShallowLanes.backwardPairPlane(ga, gb, x[xa], x[xa + 1], x[xa + 2], x[xa + 3], h, hNext, w2,
                        gb1, gw2, gw1[0], gw1[1], width);
            }
        }
        for (; i < rows; i++) {
            int xi = i * d;
            float dot = activation == Activation.RELU ? forwardRelu(x, xi, w1, b1, w2) : forwardSmooth(x, xi, w1, b1, w2);
            float residual = (b2 + dot) - y[i];
            sum += (double) residual * residual;
            float g = scale * residual;
            gradientB2 += g;
            if (vector) {
                FloatShallowLanes.backward(g, x, xi, d, h, activation == Activation.RELU ? null : slopes, w2, gb1, gw2,
                        gw1, width);
            } else {
                backward(g, x, xi, w2, gb1, gw2, gw1);
            }
        }
        gb2[0] = gradientB2;
        return sum / rows;
    }

    /** h = relu(W_1 x_i + b_1) into {@link #h}; returns h . w_2. */
    private float forwardRelu(float[] x, int xi, float[][] w1, float[] b1, float[] w2) {
        if (vector) {
            FloatShallowLanes.forwardRelu(x, xi, d, w1, b1, w2, h, partials, width);
            return sumPartials(partials, 0);
        }
        preActivation(x, xi, w1, b1);
        for (int j = 0; j < width; j++) {
            h[j] = Math.max(z[j], 0f);
        }
        return dot(w2);
    }

    /** h = act(W_1 x_i + b_1) into {@link #h} and act' into {@link #slopes}; returns h . w_2. */
    private float forwardSmooth(float[] x, int xi, float[][] w1, float[] b1, float[] w2) {
        preActivation(x, xi, w1, b1);
        for (int j = 0; j < width; j++) {
            wideZ[j] = z[j];
        }
        activation.forwardAndSlopes(wideZ, wideH, wideS, width);
        for (int j = 0; j < width; j++) {
            h[j] = (float) wideH[j];
            slopes[j] = (float) wideS[j];
        }
        if (vector) {
            FloatShallowLanes.dot(h, w2, partials, width);
            return sumPartials(partials, 0);
        }
        return dot(w2);
    }

    /** z = ((b_1 + x_0 W_1[0]) + x_1 W_1[1]) + ... for one point. */
    private void preActivation(float[] x, int xi, float[][] w1, float[] b1) {
        System.arraycopy(b1, 0, z, 0, width);
        for (int k = 0; k < d; k++) {
            float xk = x[xi + k];
            float[] row = w1[k];
            for (int j = 0; j < width; j++) {
                z[j] += xk * row[j];
            }
        }
    }

    /** h . w_2 as the vector loop sums it: partial t over j = t mod 16, then the tree. */
    private float dot(float[] w2) {
        Arrays.fill(partials, 0f);
        for (int j = 0; j < width; j += PARTIALS) {
            for (int t = 0; t < PARTIALS; t++) {
                partials[t] += h[j + t] * w2[j + t];
            }
        }
        return sumPartials(partials, 0);
    }

    /** One point's accumulations with output sensitivity g, the slopes [h &gt; 0] or {@link #slopes}. */
    private void backward(float g, float[] x, int xi, float[] w2, float[] gb1, float[] gw2, float[][] gw1) {
        boolean relu = activation == Activation.RELU;
        for (int j = 0; j < width; j++) {
            gw2[j] += g * h[j];
            float gw = g * w2[j];
            float dz = relu ? (h[j] > 0 ? gw : 0f) : gw * slopes[j];
            gb1[j] += dz;
            z[j] = dz;
        }
        for (int k = 0; k < d; k++) {
            float xk = x[xi + k];
            float[] row = gw1[k];
            for (int j = 0; j < width; j++) {
                row[j] += xk * z[j];
            }
        }
    }

    /** The sum of p[from .. from + 16) in a fixed tree of pairs. */
    static float sumPartials(float[] p, int from) {
        int f = from;
        float s0 = (p[f] + p[f + 1]) + (p[f + 2] + p[f + 3]);
        float s1 = (p[f + 4] + p[f + 5]) + (p[f + 6] + p[f + 7]);
        float s2 = (p[f + 8] + p[f + 9]) + (p[f + 10] + p[f + 11]);
        float s3 = (p[f + 12] + p[f + 13]) + (p[f + 14] + p[f + 15]);
        return (s0 + s1) + (s2 + s3);
    }
}
