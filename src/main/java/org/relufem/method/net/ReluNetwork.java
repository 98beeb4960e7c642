package org.relufem.method.net;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.relufem.method.Approximant;

/**
 * A fully connected network x -> W_L relu(... relu(W_1 x + b_1) ...) + b_L with {@code depth}
 * hidden layers of {@code width} ReLU units and a linear scalar output, in float64. W_l is
 * out x in (PyTorch's layout), b_l is 1 x out.
 *
 * <p>Training mutates the weights in place; {@link #copy()} takes a snapshot. Evaluation is
 * thread-safe as long as nothing trains the instance at the same time.
 */
public final class ReluNetwork implements Approximant {
    private final int inputs;
    private final int width;
    private final int depth;
    final DMatrixRMaj[] weights;
    final DMatrixRMaj[] biases;

    private ReluNetwork(int inputs, int width, int depth) {
        requirePositive("input dimension d", inputs);
        requirePositive("width", width);
        requirePositive("depth", depth);
        this.inputs = inputs;
        this.width = width;
        this.depth = depth;
        this.weights = new DMatrixRMaj[depth + 1];
        this.biases = new DMatrixRMaj[depth + 1];
        for (int l = 0; l <= depth; l++) {
            weights[l] = new DMatrixRMaj(fanOut(l), fanIn(l));
            biases[l] = new DMatrixRMaj(1, fanOut(l));
        }
    }

    /**
     * PyTorch's {@code nn.Linear} default: every W_l and b_l entry ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
     * drawn layer by layer, W row-major before b.
     */
    public static ReluNetwork torchDefault(int inputs, int width, int depth, SplittableRandom random) {
        ReluNetwork net = new ReluNetwork(inputs, width, depth);
        for (int l = 0; l <= depth; l++) {
            double bound = 1 / Math.sqrt(net.fanIn(l));
            for (double[] block : new double[][] {net.weights[l].data, net.biases[l].data}) {
                for (int i = 0; i < block.length; i++) {
                    block[i] = bound * (2 * random.nextDouble() - 1);
                }
            }
        }
        return net;
    }

    /** A network with the given parameters in {@link #parameterVector()} order. */
    public static ReluNetwork of(int inputs, int width, int depth, double[] parameters) {
        ReluNetwork net = new ReluNetwork(inputs, width, depth);
        if (parameters.length != net.degreesOfFreedom()) {
            throw new IllegalArgumentException("a " + inputs + " -> " + width + " x " + depth + " -> 1 network has "
                    + net.degreesOfFreedom() + " parameters, got " + parameters.length);
        }
        int at = 0;
        for (int l = 0; l <= depth; l++) {
            for (double[] block : new double[][] {net.weights[l].data, net.biases[l].data}) {
                System.arraycopy(parameters, at, block, 0, block.length);
                at += block.length;
            }
        }
        return net;
    }

    /** A deep copy. */
    public ReluNetwork copy() {
        return of(inputs, width, depth, parameterVector());
    }

    /** All parameters: W_1 row-major, b_1, W_2, b_2, ..., W_L, b_L. A new array. */
    public double[] parameterVector() {
        double[] out = new double[(int) degreesOfFreedom()];
        int at = 0;
        for (int l = 0; l <= depth; l++) {
            for (double[] block : new double[][] {weights[l].data, biases[l].data}) {
                System.arraycopy(block, 0, out, at, block.length);
                at += block.length;
            }
        }
        return out;
    }

    public int width() {
        return width;
    }

    public int depth() {
        return depth;
    }

    /** Number of affine layers, depth + 1. */
    int layers() {
        return depth + 1;
    }

    int fanIn(int layer) {
        return layer == 0 ? inputs : width;
    }

    int fanOut(int layer) {
        return layer == depth ? 1 : width;
    }

    @Override
    public int dimension() {
        return inputs;
    }

    @Override
    public long degreesOfFreedom() {
        return (long) width * (inputs + 1) + (long) (depth - 1) * width * (width + 1) + width + 1;
    }

    @Override
    public double value(double[] x, int offset) {
        double[] in = new double[inputs];
        System.arraycopy(x, offset, in, 0, inputs);
        for (int l = 0; l <= depth; l++) {
            double[] w = weights[l].data;
            double[] b = biases[l].data;
            int fanIn = fanIn(l);
            double[] out = new double[fanOut(l)];
            for (int j = 0; j < out.length; j++) {
                double s = b[j];
                for (int k = 0; k < fanIn; k++) {
                    s += w[j * fanIn + k] * in[k];
                }
                out[j] = l < depth ? Math.max(s, 0) : s;
            }
            in = out;
        }
        return in[0];
    }

    @Override
    public void values(double[] points, int count, double[] out) {
        ForwardPass pass = new ForwardPass(this, Math.min(count, ForwardPass.EVALUATION_CHUNK));
        for (int start = 0; start < count; start += ForwardPass.EVALUATION_CHUNK) {
            int rows = Math.min(ForwardPass.EVALUATION_CHUNK, count - start);
            pass.resize(rows);
            System.arraycopy(points, start * inputs, pass.input().data, 0, rows * inputs);
            DMatrixRMaj result = pass.run(this);
            System.arraycopy(result.data, 0, out, start, rows);
        }
    }

    @Override
    public String toString() {
        return inputs + " -> " + (depth == 1 ? "" : depth + " x ") + width + " ReLU -> 1";
    }

    static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
