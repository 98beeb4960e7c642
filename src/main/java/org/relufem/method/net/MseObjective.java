package org.relufem.method.net;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.relufem.method.Rows;
import org.relufem.method.net.optim.LeastSquaresObjective;
import org.relufem.method.net.optim.Parameters;
import org.relufem.sample.SampleSet;

/**
 * Mean squared error of a network over a batch of training points, with the backward pass written
 * out: for L(z) = (1/B) sum (z_out - y)^2, dz_out = (2/B)(z_out - y); per layer
 * dW_l = dz_l^T a_l, db_l = column sums of dz_l, dz_(l-1) = da_l .* act'(z_(l-1)) (for ReLU the
 * mask [z_(l-1) &gt; 0], its derivative taken as 0 at 0, as torch does) with da_l = dz_l W_l, plus
 * da_(l+1) when layer l is a residual block (a_(l+1) = act(z_l) + a_l).
 *
 * <p>Every buffer is allocated in the constructor for the largest batch; {@link #evaluate()}
 * allocates nothing. With a batch size below the data size, {@link #nextBatch()} walks a seeded
 * permutation of the points, reshuffled each epoch.
 *
 * <p>As a {@link LeastSquaresObjective} the residuals are r_i = net(x_i) - y_i over the current batch;
 * the Jacobian comes from the same backward pass with the output sensitivity set to 1 per point and
 * nothing summed over points: with delta_l = d net(x_i) / d z_l, dr_i / dW_l^T[k][j] = a_l[i][k]
 * delta_l[i][j] and dr_i / db_l[j] = delta_l[i][j].
 */
final class MseObjective implements LeastSquaresObjective {
    private final Network net;
    private final SampleSet data;
    private final ForwardPass pass;
    /** dz[l][i]: the loss's sensitivity to z_l at point i (rows x fanOut(l)). */
    private final double[][][] dz;
    /** W_l by rows (fanOut x fanIn), transposed from the stored W_l^T for the backward products. */
    private final double[][][] weightsByRow;
    /** d(W_l^T) by rows (fanIn x fanOut), summed here and then copied into {@link #weightGradients}. */
    private final double[][][] gradientRows;
    private final DMatrixRMaj[] weightGradients;
    private final DMatrixRMaj[] biasGradients;
    private final Parameters parameters;
    private final double[] target;
    /** da[l][i]: the loss's sensitivity to layer l's input a_l at point i, kept for residual blocks only. */
    private final double[][][] da;
    /** act'(z) of one point's hidden layer, for the activations other than ReLU. */
    private final double[] slopes;
    /** The fused kernel for depth 1, else null. */
    private final ShallowKernel shallow;
    private final int batchSize;
    private final MiniBatchOrder order;

    /**
     * @param batchSize points per step; the data size (or more) means full batch
     * @param shuffle the stream that orders mini-batches; unused for full batch
     */
    MseObjective(Network net, SampleSet data, int batchSize, SplittableRandom shuffle) {
        if (data.count() < 1) {
            throw new IllegalArgumentException("the training set is empty");
        }
        if (data.dimension() != net.dimension()) {
            throw new IllegalArgumentException("training points have dimension " + data.dimension()
                    + ", the network takes " + net.dimension());
        }
        Network.requirePositive("batch_size", batchSize);
        this.net = net;
        this.data = data;
        this.batchSize = Math.min(batchSize, data.count());
        this.pass = new ForwardPass(net, this.batchSize);
        int layers = net.layers();
        this.dz = new double[layers][][];
        this.weightsByRow = new double[layers][][];
        this.gradientRows = new double[layers][][];
        this.weightGradients = new DMatrixRMaj[layers];
        this.biasGradients = new DMatrixRMaj[layers];
        double[][] values = new double[2 * layers][];
        double[][] gradients = new double[2 * layers][];
        for (int l = 0; l < layers; l++) {
            dz[l] = new double[this.batchSize][net.fanOut(l)];
            weightsByRow[l] = new double[net.fanOut(l)][net.fanIn(l)];
            gradientRows[l] = new double[net.fanIn(l)][net.fanOut(l)];
            weightGradients[l] = new DMatrixRMaj(net.fanIn(l), net.fanOut(l));
            biasGradients[l] = new DMatrixRMaj(1, net.fanOut(l));
            values[2 * l] = net.weights[l].data;
            values[2 * l + 1] = net.biases[l].data;
            gradients[2 * l] = weightGradients[l].data;
            gradients[2 * l + 1] = biasGradients[l].data;
        }
        this.parameters = new Parameters(values, gradients);
        this.target = new double[this.batchSize];
        this.slopes = new double[net.width()];
        this.da = new double[layers][][];
        if (net.architecture().residual()) {
            for (int l = 1; l < layers; l++) {
                da[l] = new double[this.batchSize][net.width()];
            }
        }
        this.shallow = net.depth() == 1 ? new ShallowKernel(net.dimension(), net.width(), net.activation()) : null;
        this.order = new MiniBatchOrder(data.count(), this.batchSize, shuffle);
        if (isFullBatch()) {
            System.arraycopy(data.points(), 0, pass.input, 0, data.points().length);
            System.arraycopy(data.values(), 0, target, 0, target.length);
        }
    }

    boolean isFullBatch() {
        return order.fullBatch();
    }

    /** Number of optimiser steps in one pass over the data. */
    int batchesPerEpoch() {
        return order.batchesPerEpoch();
    }

    /**
     * Loads the next mini-batch (the last of an epoch may be smaller) and returns its size; the
     * first batch of each epoch reshuffles. A no-op for full batch.
     */
    int nextBatch() {
        if (isFullBatch()) {
            return batchSize;
        }
        int rows = order.next();
        pass.resize(rows);
        int d = data.dimension();
        double[] input = pass.input;
        for (int r = 0; r < rows; r++) {
            int i = order.point(r);
            System.arraycopy(data.points(), i * d, input, r * d, d);
            target[r] = data.values()[i];
        }
        return rows;
    }

    @Override
    public boolean isMiniBatch() {
        return !isFullBatch();
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public double evaluate() {
        if (shallow != null) {
            return shallow.lossAndGradient(pass.rows(), pass.input, target,
                    net.weights[0].data, net.biases[0].data, net.weights[1].data, net.biases[1].data[0],
                    weightGradients[0].data, biasGradients[0].data, weightGradients[1].data,
                    biasGradients[1].data);
        }
        return evaluateLayered();
    }

    /** The layer-by-layer pass over the batch, for any depth. */
    double evaluateLayered() {
        double[] out = pass.run(net);
        int rows = pass.rows();
        int last = dz.length - 1;
        double sum = 0;
        double scale = 2.0 / rows;
        for (int i = 0; i < rows; i++) {
            double r = out[i] - target[i];
            sum += r * r;
            dz[last][i][0] = scale * r;
        }
        for (int l = last; l >= 0; l--) {
            weightGradient(l, rows);
            double[] gb = biasGradients[l].data;
            java.util.Arrays.fill(gb, 0.0);
            for (int i = 0; i < rows; i++) {
                double[] delta = dz[l][i];
                for (int j = 0; j < gb.length; j++) {
                    gb[j] += delta[j];
                }
            }
            if (l > 0) {
                backpropagate(l, rows);
            }
        }
        return sum / rows;
    }

    /**
     * d(W_l^T) = a_l^T dz_l, summed over the points in order, into {@link #weightGradients}[l]
     * ({@link DenseLanes#transposeProduct} with the Vector API, the same bits).
     */
    private void weightGradient(int l, int rows) {
        double[][] g = gradientRows[l];
        if (Activation.LANES && g.length >= 4) { // the input layer's two rows: the loop below is faster
            DenseLanes.transposeProduct(pass.a[l], dz[l], rows, weightGradients[l].data, g.length, g[0].length);
            return;
        }
        for (double[] row : g) {
            java.util.Arrays.fill(row, 0.0);
        }
        double[][] al = pass.a[l];
        double[][] dl = dz[l];
        for (int i = 0; i < rows; i++) {
            double[] ai = al[i];
            double[] delta = dl[i];
            for (int k = 0; k < g.length; k++) {
                double s = ai[k];
                double[] gk = g[k];
                for (int j = 0; j < gk.length; j++) {
                    gk[j] += s * delta[j];
                }
            }
        }
        double[] flat = weightGradients[l].data;
        for (int k = 0; k < g.length; k++) {
            System.arraycopy(g[k], 0, flat, k * g[k].length, g[k].length);
        }
    }

    @Override
    public int residualCount() {
        return pass.rows();
    }

    @Override
    public void residualsAndJacobian(double[] residuals, DMatrixRMaj jacobian) {
        int rows = residualCount();
        if (residuals.length != rows || jacobian.numRows != rows || jacobian.numCols != parameters.size()) {
            throw new IllegalArgumentException("expected " + rows + " residuals and a " + rows + " x "
                    + parameters.size() + " Jacobian, got " + residuals.length + " and " + jacobian.numRows + " x "
                    + jacobian.numCols);
        }
        double[] out = pass.run(net);
        for (int i = 0; i < rows; i++) {
            residuals[i] = out[i] - target[i];
        }
        int last = dz.length - 1;
        for (int i = 0; i < rows; i++) {
            dz[last][i][0] = 1.0;
        }
        int columns = jacobian.numCols;
        double[] jd = jacobian.data;
        int offset = columns; // the first column of layer l's block, found from the end
        for (int l = last; l >= 0; l--) {
            int in = net.fanIn(l);
            int fanOut = net.fanOut(l);
            offset -= in * fanOut + fanOut;
            for (int i = 0; i < rows; i++) {
                double[] ai = pass.a[l][i];
                double[] delta = dz[l][i];
                int row = i * columns + offset;
                for (int k = 0; k < in; k++) {
                    double a = ai[k];
                    int at = row + k * fanOut;
                    for (int j = 0; j < fanOut; j++) {
                        jd[at + j] = a * delta[j];
                    }
                }
                System.arraycopy(delta, 0, jd, row + in * fanOut, fanOut);
            }
            if (l > 0) {
                backpropagate(l, rows);
            }
        }
    }

    /**
     * dz_{l-1} = (dz_l W_l) .* act'(z_{l-1}) (masked by [z_{l-1} &gt; 0] for ReLU), into
     * {@code dz[l - 1]}; allocation-free. Each
     * row is a sum of W_l's rows scaled by dz_l's entries ({@link Rows}), in the
     * order of EJML's multTransB(dz_l, W_l^T) that ran here before, on a transposed copy of W_l^T
     * ({@link DenseLanes#product} with the Vector API, the same bits).
     */
    private void backpropagate(int l, int rows) {
        double[][] w = weightsByRow[l];
        int fanIn = w[0].length;
        double[] flat = net.weights[l].data;
        for (int j = 0; j < w.length; j++) {
            double[] wj = w[j];
            for (int k = 0; k < fanIn; k++) {
                wj[k] = flat[k * w.length + j];
            }
        }
        boolean residual = net.architecture().residual();
        ForwardPass.product(dz[l], rows, w, dz[l - 1]);
        for (int i = 0; i < rows; i++) {
            double[] previous = dz[l - 1][i];
            if (residual) {
                if (net.skips(l)) {
                    double[] skipped = da[l + 1][i];
                    for (int k = 0; k < fanIn; k++) {
                        previous[k] += skipped[k];
                    }
                }
                System.arraycopy(previous, 0, da[l][i], 0, fanIn);
            }
            double[] zi = pass.z[l - 1][i];
            if (net.activation() == Activation.RELU && Activation.LANES) {
                DenseLanes.reluMask(previous, zi, fanIn);
            } else if (net.activation() == Activation.RELU) {
                for (int k = 0; k < fanIn; k++) {
                    if (!(zi[k] > 0)) {
                        previous[k] = 0;
                    }
                }
            } else {
                net.activation().slopes(zi, pass.activation(l - 1, i), slopes, fanIn);
                for (int k = 0; k < fanIn; k++) {
                    previous[k] *= slopes[k];
                }
            }
        }
    }
}
