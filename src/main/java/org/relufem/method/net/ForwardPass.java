package org.relufem.method.net;

import org.relufem.method.Rows;

/**
 * Activation buffers for a batch of up to {@code capacity} points, allocated once; {@link #resize}
 * to fewer points reuses them. z[l] = a[l] W_l^T + b_l, a[l + 1] = act(z[l]) (+ a[l] in a residual
 * block); a[0] holds the points and the last layer's single output is {@link #out}.
 *
 * <p>Every matrix is an array of rows (one per point, or one per row of W_l^T), and every product
 * adds scaled rows ({@link Rows}), in the order of the EJML products that ran here before: the
 * values are bit for bit the same, a full-batch Adam step of 2 -> 100 x 3 -> 1 on 1024 points took
 * 11.7 ms instead of 35 (JMH). When the JVM has the Vector API ({@link Activation#LANES}) the
 * hidden layers' products run as {@link DenseLanes#product}, register-blocked, with the same bits.
 */
final class ForwardPass {
    /** Rows per chunk when evaluating many points: keeps buffers in cache and memory bounded. */
    static final int EVALUATION_CHUNK = 1024;

    /** The points, capacity x d, row-major: where callers put the batch. */
    final double[] input;
    /** a[l][i]: layer l's input at point i; a[0] is copied from {@link #input}. */
    final double[][][] a;
    /** z[l][i]: hidden layer l's pre-activation at point i (no entry for the output layer). */
    final double[][][] z;
    /** act(z[l][i]) of a residual block l, before its input is added (null for the other layers). */
    private final double[][][] activated;
    /** The network's output at each point. */
    final double[] out;
    /** W_l^T by rows (fanIn x fanOut), copied from the network at each run (hidden layers). */
    private final double[][][] weightRows;
    private final int dimension;
    private int rows;

    ForwardPass(Network net, int capacity) {
        int layers = net.layers();
        dimension = net.dimension();
        input = new double[capacity * dimension];
        a = new double[layers][][];
        z = new double[layers - 1][][];
        activated = new double[layers - 1][][];
        weightRows = new double[layers - 1][][];
        for (int l = 0; l < layers; l++) {
            a[l] = new double[capacity][net.fanIn(l)];
            if (l < layers - 1) {
                z[l] = new double[capacity][net.fanOut(l)];
                weightRows[l] = new double[net.fanIn(l)][net.fanOut(l)];
                if (net.skips(l)) {
                    activated[l] = new double[capacity][net.fanOut(l)];
                }
            }
        }
        out = new double[capacity];
        rows = capacity;
    }

    /** act(z[l][i]): hidden layer l's activation at point i, before a residual block adds its input. */
    double[] activation(int l, int i) {
        return activated[l] != null ? activated[l][i] : a[l + 1][i];
    }

    /** Points in the current batch. */
    int rows() {
        return rows;
    }

    /** Sets the batch to {@code rows} points; no allocation. */
    void resize(int rows) {
        if (rows > out.length) {
            throw new IllegalArgumentException("batch of " + rows + " points, capacity " + out.length);
        }
        this.rows = rows;
    }

    /** Runs the network on the points of {@link #input}; returns {@link #out}. */
    double[] run(Network net) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(input, i * dimension, a[0][i], 0, dimension);
        }
        int last = a.length - 1;
        for (int l = 0; l < last; l++) {
            double[][] w = weightRows[l];
            int fanOut = w[0].length;
            double[] flat = net.weights[l].data;
            for (int k = 0; k < w.length; k++) {
                System.arraycopy(flat, k * fanOut, w[k], 0, fanOut);
            }
            double[] b = net.biases[l].data;
            double[][] zl = z[l];
            double[][] next = a[l + 1];
            Activation activation = net.activation();
            product(a[l], rows, w, zl);
            for (int i = 0; i < rows; i++) {
                double[] zi = zl[i];
                double[] ni = next[i];
                if (activation == Activation.RELU && Activation.LANES) {
                    DenseLanes.biasRelu(zi, b, ni, fanOut);
                } else if (activation == Activation.RELU) {
                    for (int j = 0; j < fanOut; j++) {
                        double v = zi[j] + b[j];
                        zi[j] = v;
                        ni[j] = v > 0 ? v : 0;
                    }
                } else {
                    for (int j = 0; j < fanOut; j++) {
                        zi[j] += b[j];
                    }
                    activation.forward(zi, ni, fanOut);
                }
                if (net.skips(l)) {
                    System.arraycopy(ni, 0, activated[l][i], 0, fanOut);
                    double[] ai = a[l][i];
                    for (int j = 0; j < fanOut; j++) {
                        ni[j] += ai[j];
                    }
                }
            }
        }
        double[] w = net.weights[last].data; // W^T of the output layer: one column, fanIn long
        double b = net.biases[last].data[0];
        double[][] al = a[last];
        int i = 0;
        for (; i + 4 <= rows; i += 4) { // four points' sums at once, each in its order
            double[] a0 = al[i];
            double[] a1 = al[i + 1];
            double[] a2 = al[i + 2];
            double[] a3 = al[i + 3];
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            double t3 = 0;
            for (int k = 0; k < w.length; k++) {
                double wk = w[k];
                t0 += a0[k] * wk;
                t1 += a1[k] * wk;
                t2 += a2[k] * wk;
                t3 += a3[k] * wk;
            }
            out[i] = t0 + b;
            out[i + 1] = t1 + b;
            out[i + 2] = t2 + b;
            out[i + 3] = t3 + b;
        }
        for (; i < rows; i++) {
            double[] ai = al[i];
            double total = 0;
            for (int k = 0; k < w.length; k++) {
                total += ai[k] * w[k];
            }
            out[i] = total + b;
        }
        return out;
    }

    /**
     * c_i = a_i W for the first {@code rows} rows, each a sum of W's rows scaled by a_i's entries in
     * order from 0: {@link DenseLanes#product} when the JVM has the Vector API, else {@link Rows}'
     * loop; the same bits either way. The forward a_l W_l^T and the backward dz_l W_l.
     */
    static void product(double[][] a, int rows, double[][] w, double[][] c) {
        if (Activation.LANES) {
            DenseLanes.product(a, rows, w, c);
            return;
        }
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(c[i], 0.0);
            Rows.addScaled(a[i], w, c[i]);
        }
    }
}
