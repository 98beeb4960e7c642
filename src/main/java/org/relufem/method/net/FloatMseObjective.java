package org.relufem.method.net;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.relufem.method.net.optim.FloatObjective;
import org.relufem.sample.SampleSet;

/**
 * {@link MseObjective} in float32: the network's parameters rounded to float once, then the
 * forward and backward pass over a batch, the gradients and the points and targets all in
 * {@code float} (the loss is summed in double from the float residuals). Depth 1 runs
 * {@link FloatShallowKernel}; deeper networks the layered pass below, the same mathematics as
 * MseObjective's (plain and residual blocks, any activation: the smooth ones' values and slopes
 * from {@link Activation}'s double loops, widened and rounded back), with every matrix as an array
 * of rows so that C2 vectorises the products over float lanes.
 *
 * <p>Parameter blocks: per layer the rows of W_l^T (fanIn rows of fanOut; the hidden layer of a
 * depth-1 network padded with zero units to {@link FloatShallowKernel#padded}), then b_l; the output
 * layer's weights as one block (its one column). {@link #widenInto} writes them into a float64
 * {@link Network}. Every buffer is allocated in the constructor; {@link #evaluate()} and
 * {@link #nextBatch()} allocate nothing. Mini-batches walk the same seeded permutation as
 * MseObjective's.
 */
final class FloatMseObjective implements FloatObjective {
    private final Architecture architecture;
    private final int dimension;
    private final int layers;
    /** Units per hidden layer as stored: the width, padded at depth 1. */
    private final int units;
    /** wRows[l][k]: row k of W_l^T, hidden layers. */
    private final float[][][] wRows;
    private final float[][] bias;
    private final float[] outWeights;
    private final float[] outBias;
    private final float[][][] gRows;
    private final float[][] gBias;
    private final float[] gOutWeights;
    private final float[] gOutBias;
    private final float[][] values;
    private final float[][] gradients;
    private final FloatShallowKernel shallow;
    // the layered pass: a[l][i] layer l's input at point i, z[l][i] hidden layer l's pre-activation,
    // act[l][i] act(z) before a residual block adds its input, dz and da the loss's sensitivities
    private final float[][][] a;
    private final float[][][] z;
    private final float[][][] act;
    private final float[][][] dz;
    private final float[][][] da;
    /** W_l by rows (fanOut x fanIn) for the backward products, transposed at each evaluation. */
    private final float[][][] byOut;
    private final float[] out;
    /** z, act(z) and act'(z) of one point's layer in double, for the smooth activations' SIMD loops. */
    private final double[] wideZ;
    private final double[] wideH;
    private final double[] wideS;
    // the data and its batches
    private final SampleSet data;
    private final float[] points;
    private final float[] targets;
    private final float[] input;
    private final float[] target;
    private final int batchSize;
    private final MiniBatchOrder order;
    private int rows;

    /**
     * @param net the network to train from, rounded to float. Not modified.
     * @param batchSize points per step; the data size (or more) means full batch
     * @param shuffle the stream that orders mini-batches; unused for full batch
     * @param vector whether depth 1 may take the kernel's vector loops (the same bits either way)
     */
    FloatMseObjective(Network net, SampleSet data, int batchSize, SplittableRandom shuffle, boolean vector) {
        if (data.count() < 1) {
            throw new IllegalArgumentException("the training set is empty");
        }
        if (data.dimension() != net.dimension()) {
            throw new IllegalArgumentException("training points have dimension " + data.dimension()
                    + ", the network takes " + net.dimension());
        }
        Network.requirePositive("batch_size", batchSize);
        this.architecture = net.architecture();
        this.dimension = net.dimension();
        this.layers = net.layers();
        int depth = net.depth();
        this.units = depth == 1 ? FloatShallowKernel.padded(net.width()) : net.width();
        int hidden = layers - 1;
        wRows = new float[hidden][][];
        gRows = new float[hidden][][];
        bias = new float[hidden][];
        gBias = new float[hidden][];
        int blocks = 2;
        for (int l = 0; l < hidden; l++) {
            int fanIn = l == 0 ? dimension : units;
            wRows[l] = new float[fanIn][units];
            gRows[l] = new float[fanIn][units];
            bias[l] = new float[units];
            gBias[l] = new float[units];
            blocks += fanIn + 1;
        }
        outWeights = new float[units];
        gOutWeights = new float[units];
        outBias = new float[1];
        gOutBias = new float[1];
        values = new float[blocks][];
        gradients = new float[blocks][];
        int at = 0;
        for (int l = 0; l < hidden; l++) {
            for (int k = 0; k < wRows[l].length; k++) {
                values[at] = wRows[l][k];
                gradients[at++] = gRows[l][k];
            }
            values[at] = bias[l];
            gradients[at++] = gBias[l];
        }
        values[at] = outWeights;
        gradients[at++] = gOutWeights;
        values[at] = outBias;
        gradients[at] = gOutBias;
        narrowFrom(net);

        this.data = data;
        this.batchSize = Math.min(batchSize, data.count());
        this.rows = this.batchSize;
        this.points = toFloat(data.points());
        this.targets = toFloat(data.values());
        this.input = new float[this.batchSize * dimension];
        this.target = new float[this.batchSize];
        System.arraycopy(points, 0, input, 0, input.length);
        System.arraycopy(targets, 0, target, 0, target.length);
        this.order = new MiniBatchOrder(data.count(), this.batchSize, shuffle);

        this.shallow = depth == 1 ? new FloatShallowKernel(dimension, units, net.activation(), vector) : null;
        int b = depth == 1 ? 0 : this.batchSize;
        a = new float[layers][][];
        z = new float[hidden][][];
        act = new float[hidden][][];
        dz = new float[layers][][];
        da = new float[layers][][];
        byOut = new float[layers][][];
        for (int l = 0; l < layers; l++) {
            int fanIn = l == 0 ? dimension : units;
            a[l] = new float[b][fanIn];
            if (l < hidden) {
                z[l] = new float[b][units];
                dz[l] = new float[b][units];
                if (architecture.skips(l)) {
                    act[l] = new float[b][units];
                }
                byOut[l] = new float[units][fanIn];
            }
            if (architecture.residual() && l >= 1) {
                da[l] = new float[b][units];
            }
        }
        out = new float[b];
        int smooth = architecture.activation() == Activation.RELU || depth == 1 ? 0 : units;
        wideZ = new double[smooth];
        wideH = new double[smooth];
        wideS = new double[smooth];
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /** Sets the parameters to those of {@code net} rounded to float. Not modified: net. */
    private void narrowFrom(Network net) {
        for (int l = 0; l < layers - 1; l++) {
            double[] w = net.weights[l].data;
            int fanOut = net.fanOut(l);
            for (int k = 0; k < wRows[l].length; k++) {
                for (int j = 0; j < fanOut; j++) {
                    wRows[l][k][j] = (float) w[k * fanOut + j];
                }
            }
            double[] bl = net.biases[l].data;
            for (int j = 0; j < fanOut; j++) {
                bias[l][j] = (float) bl[j];
            }
        }
        double[] w = net.weights[layers - 1].data;
        for (int k = 0; k < w.length; k++) {
            outWeights[k] = (float) w[k];
        }
        outBias[0] = (float) net.biases[layers - 1].data[0];
    }

    /** Writes the parameters, widened to double, into {@code net} (of this shape). Modified: net. */
    void widenInto(Network net) {
        for (int l = 0; l < layers - 1; l++) {
            double[] w = net.weights[l].data;
            int fanOut = net.fanOut(l);
            for (int k = 0; k < wRows[l].length; k++) {
                for (int j = 0; j < fanOut; j++) {
                    w[k * fanOut + j] = wRows[l][k][j];
                }
            }
            double[] bl = net.biases[l].data;
            for (int j = 0; j < fanOut; j++) {
                bl[j] = bias[l][j];
            }
        }
        double[] w = net.weights[layers - 1].data;
        for (int k = 0; k < w.length; k++) {
            w[k] = outWeights[k];
        }
        net.biases[layers - 1].data[0] = outBias[0];
    }

    @Override
    public float[][] values() {
        return values;
    }

    @Override
    public float[][] gradients() {
        return gradients;
    }

    boolean isFullBatch() {
        return order.fullBatch();
    }

    /** Number of optimiser steps in one pass over the data. */
    int batchesPerEpoch() {
        return order.batchesPerEpoch();
    }

    /** As {@link MseObjective#nextBatch()}: the same permutation from the same stream. */
    int nextBatch() {
        if (isFullBatch()) {
            return batchSize;
        }
        rows = order.next();
        for (int r = 0; r < rows; r++) {
            int i = order.point(r);
            System.arraycopy(points, i * dimension, input, r * dimension, dimension);
            target[r] = targets[i];
        }
        return rows;
    }

    @Override
    public double evaluate() {
        if (shallow != null) {
            return shallow.lossAndGradient(rows, input, target, wRows[0], bias[0], outWeights, outBias[0], gRows[0],
                    gBias[0], gOutWeights, gOutBias);
        }
        return evaluateLayered();
    }

    /** The layer-by-layer pass over the batch, depth &gt;= 2. */
    private double evaluateLayered() {
        int last = layers - 1;
        Activation activation = architecture.activation();
        for (int i = 0; i < rows; i++) {
            System.arraycopy(input, i * dimension, a[0][i], 0, dimension);
        }
        for (int l = 0; l < last; l++) {
            float[] bl = bias[l];
            for (int i = 0; i < rows; i++) {
                float[] zi = z[l][i];
                Arrays.fill(zi, 0f);
                addScaled(a[l][i], wRows[l], zi);
                float[] next = a[l + 1][i];
                for (int j = 0; j < units; j++) {
                    zi[j] += bl[j];
                }
                if (activation == Activation.RELU) {
                    for (int j = 0; j < units; j++) {
                        next[j] = Math.max(zi[j], 0f);
                    }
                } else {
                    for (int j = 0; j < units; j++) {
                        wideZ[j] = zi[j];
                    }
                    activation.forward(wideZ, wideH, units);
                    for (int j = 0; j < units; j++) {
                        next[j] = (float) wideH[j];
                    }
                }
                if (architecture.skips(l)) {
                    System.arraycopy(next, 0, act[l][i], 0, units);
                    float[] ai = a[l][i];
                    for (int j = 0; j < units; j++) {
                        next[j] += ai[j];
                    }
                }
            }
        }
        float scale = 2f / rows;
        double sum = 0;
        float gradientBias = 0;
        Arrays.fill(gOutWeights, 0f);
        for (int i = 0; i < rows; i++) {
            float[] ai = a[last][i];
            float total = 0;
            for (int k = 0; k < units; k++) {
                total += ai[k] * outWeights[k];
            }
            float r = (total + outBias[0]) - target[i];
            sum += (double) r * r;
            float g = scale * r;
            out[i] = g;
            gradientBias += g;
            for (int k = 0; k < units; k++) {
                gOutWeights[k] += g * ai[k];
            }
        }
        gOutBias[0] = gradientBias;
        // dz of the last hidden layer: g w_out .* act'(z), plus nothing skipped past the output layer
        for (int i = 0; i < rows; i++) {
            float g = out[i];
            float[] previous = dz[last - 1][i];
            for (int k = 0; k < units; k++) {
                previous[k] = g * outWeights[k];
            }
            if (da[last] != null) {
                System.arraycopy(previous, 0, da[last][i], 0, units);
            }
            applySlopes(last - 1, i, previous);
        }
        for (int l = last - 1; l >= 0; l--) {
            float[][] g = gRows[l];
            for (float[] row : g) {
                Arrays.fill(row, 0f);
            }
            float[] gb = gBias[l];
            Arrays.fill(gb, 0f);
            for (int i = 0; i < rows; i++) {
                float[] delta = dz[l][i];
                float[] ai = a[l][i];
                for (int k = 0; k < g.length; k++) {
                    float s = ai[k];
                    float[] gk = g[k];
                    for (int j = 0; j < units; j++) {
                        gk[j] += s * delta[j];
                    }
                }
                for (int j = 0; j < units; j++) {
                    gb[j] += delta[j];
                }
            }
            if (l > 0) {
                backpropagate(l);
            }
        }
        return sum / rows;
    }

    /** dz_{l-1} = (dz_l W_l (+ da_{l+1} if layer l skips)) .* act'(z_{l-1}), into dz[l - 1]. */
    private void backpropagate(int l) {
        float[][] w = byOut[l];
        float[][] rowsOfT = wRows[l];
        for (int j = 0; j < units; j++) {
            float[] wj = w[j];
            for (int k = 0; k < units; k++) {
                wj[k] = rowsOfT[k][j];
            }
        }
        for (int i = 0; i < rows; i++) {
            float[] previous = dz[l - 1][i];
            Arrays.fill(previous, 0f);
            addScaled(dz[l][i], w, previous);
            if (architecture.residual()) {
                if (architecture.skips(l)) {
                    float[] skipped = da[l + 1][i];
                    for (int k = 0; k < units; k++) {
                        previous[k] += skipped[k];
                    }
                }
                System.arraycopy(previous, 0, da[l][i], 0, units);
            }
            applySlopes(l - 1, i, previous);
        }
    }

    /** v .*= act'(z_l) at point i (the mask [z &gt; 0] for ReLU). Modified: v. */
    private void applySlopes(int l, int i, float[] v) {
        float[] zi = z[l][i];
        Activation activation = architecture.activation();
        if (activation == Activation.RELU) {
            for (int k = 0; k < units; k++) {
                v[k] = zi[k] > 0 ? v[k] : 0f;
            }
            return;
        }
        float[] h = act[l] != null ? act[l][i] : a[l + 1][i];
        for (int k = 0; k < units; k++) {
            wideZ[k] = zi[k];
            wideH[k] = h[k];
        }
        activation.slopes(wideZ, wideH, wideS, units);
        for (int k = 0; k < units; k++) {
            v[k] *= (float) wideS[k];
        }
    }

    /** target += sum_k scale[k] rows[k], k in order. Modified: target. */
    private static void addScaled(float[] scale, float[][] rows, float[] target) {
        for (int k = 0; k < rows.length; k++) {
            float s = scale[k];
            float[] row = rows[k];
            for (int j = 0; j < target.length; j++) {
                target[j] += s * row[j];
            }
        }
    }
}
