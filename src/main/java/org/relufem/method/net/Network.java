package org.relufem.method.net;

import java.util.Objects;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.relufem.method.Approximant;

/**
 * A fully connected network x -> W_L act(... act(W_1 x + b_1) ...) + b_L with {@code depth}
 * hidden layers of {@code width} units of one {@link Activation} (ReLU unless said otherwise),
 * plain or with residual hidden-to-hidden blocks ({@link Architecture}), and a linear scalar
 * output, in float64. Weights are
 * stored transposed, W_l^T as in x out, so that a batch with points as rows runs through row-major
 * products whose inner loops are contiguous (z = a W_l^T + b_l); b_l is 1 x out. Parameter vectors
 * and initialisation use PyTorch's out x in order.
 *
 * <p>Training mutates the weights in place; {@link #copy()} takes a snapshot. Evaluation is
 * thread-safe as long as nothing trains the instance at the same time.
 */
public final class Network implements Approximant {
    private final int inputs;
    private final int width;
    private final int depth;
    private final Architecture architecture;
    final DMatrixRMaj[] weights;
    final DMatrixRMaj[] biases;

    private Network(int inputs, Architecture architecture) {
        requirePositive("input dimension d", inputs);
        this.inputs = inputs;
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.width = architecture.width();
        this.depth = architecture.depth();
        this.weights = new DMatrixRMaj[depth + 1];
        this.biases = new DMatrixRMaj[depth + 1];
        for (int l = 0; l <= depth; l++) {
            weights[l] = new DMatrixRMaj(fanIn(l), fanOut(l));
            biases[l] = new DMatrixRMaj(1, fanOut(l));
        }
    }

    /**
     * PyTorch's {@code nn.Linear} default: every W_l and b_l entry ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
     * drawn layer by layer, W row-major before b.
     */
    public static Network torchDefault(int inputs, int width, int depth, SplittableRandom random) {
        Network net = new Network(inputs, Architecture.relu(width, depth));
        double[] parameters = new double[(int) net.degreesOfFreedom()];
        int at = 0;
        for (int l = 0; l <= depth; l++) {
            double bound = 1 / Math.sqrt(net.fanIn(l));
            int layerSize = net.fanIn(l) * net.fanOut(l) + net.fanOut(l);
            for (int i = 0; i < layerSize; i++) {
                parameters[at++] = bound * (2 * random.nextDouble() - 1);
            }
        }
        net.setParameters(parameters);
        return net;
    }

    /** A ReLU network with the given parameters in {@link #parameterVector()} order. */
    public static Network of(int inputs, int width, int depth, double[] parameters) {
        return of(inputs, Architecture.relu(width, depth), parameters);
    }

    /** A network with the given parameters in {@link #parameterVector()} order. */
    public static Network of(int inputs, Architecture architecture, double[] parameters) {
        Network net = new Network(inputs, architecture);
        if (parameters.length != net.degreesOfFreedom()) {
            throw new IllegalArgumentException("a " + net + " network has "
                    + net.degreesOfFreedom() + " parameters, got " + parameters.length);
        }
        net.setParameters(parameters);
        return net;
    }

    /** Loads parameters given in {@link #parameterVector()} order. */
    private void setParameters(double[] parameters) {
        int at = 0;
        for (int l = 0; l <= depth; l++) {
            int in = fanIn(l);
            int out = fanOut(l);
            double[] w = weights[l].data;
            for (int j = 0; j < out; j++) {
                for (int k = 0; k < in; k++) {
                    w[k * out + j] = parameters[at++];
                }
            }
            System.arraycopy(parameters, at, biases[l].data, 0, out);
            at += out;
        }
    }

    /** A deep copy. */
    public Network copy() {
        return with(architecture);
    }

    /** A network with this one's parameters and {@code activation}, its blocks as they are. */
    public Network withActivation(Activation activation) {
        return with(new Architecture(width, depth, activation, architecture.residual()));
    }

    /** A network with this one's parameters in {@code architecture}, of the same width and depth. */
    public Network with(Architecture architecture) {
        if (architecture.width() != width || architecture.depth() != depth) {
            throw new IllegalArgumentException("a " + this + " network's parameters do not fit " + architecture);
        }
        return of(inputs, architecture, parameterVector());
    }

    /** All parameters: W_1 (out x in, row-major, PyTorch's order), b_1, W_2, b_2, ..., W_L, b_L. A new array. */
    @Override
    public double[] parameterVector() {
        double[] out = new double[(int) degreesOfFreedom()];
        copyParameters(out);
        return out;
    }

    /** {@link #parameterVector()} into {@code out}, without allocating. */
    void copyParameters(double[] out) {
        int at = 0;
        for (int l = 0; l <= depth; l++) {
            int in = fanIn(l);
            int fanOut = fanOut(l);
            double[] w = weights[l].data;
            for (int j = 0; j < fanOut; j++) {
                for (int k = 0; k < in; k++) {
                    out[at++] = w[k * fanOut + j];
                }
            }
            System.arraycopy(biases[l].data, 0, out, at, fanOut);
            at += fanOut;
        }
    }

    public int width() {
        return width;
    }

    public int depth() {
        return depth;
    }

    public Activation activation() {
        return architecture.activation();
    }

    public Architecture architecture() {
        return architecture;
    }

    /** Whether hidden layer l (0-based) is a residual block, adding its input to its output. */
    boolean skips(int layer) {
        return architecture.skips(layer);
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
        return parameterCount(inputs, width, depth);
    }

    /** Weights and biases of an inputs -> width x depth -> 1 network. */
    public static long parameterCount(int inputs, int width, int depth) {
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
            double[] out = b.clone();
            for (int k = 0; k < fanIn; k++) {
                for (int j = 0; j < out.length; j++) {
                    out[j] += in[k] * w[k * out.length + j];
                }
            }
            if (l < depth && activation() == Activation.RELU) {
                for (int j = 0; j < out.length; j++) {
                    out[j] = Math.max(out[j], 0);
                }
            } else if (l < depth) {
                double[] h = new double[out.length];
                activation().forward(out, h, out.length);
                out = h;
            }
            if (skips(l)) {
                for (int j = 0; j < out.length; j++) {
                    out[j] += in[j];
                }
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
            System.arraycopy(points, start * inputs, pass.input, 0, rows * inputs);
            System.arraycopy(pass.run(this), 0, out, start, rows);
        }
    }

    @Override
    public String toString() {
        String units = activation() == Activation.RELU ? "ReLU" : activation().label();
        return inputs + " -> " + (depth == 1 ? "" : depth + " x ") + width + " " + units
                + (architecture.residual() ? " residual" : "") + " -> 1";
    }

    static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
