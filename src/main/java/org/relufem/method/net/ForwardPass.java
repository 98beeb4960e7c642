package org.relufem.method.net;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Activation buffers for a batch of up to {@code capacity} rows (points as rows), allocated once;
 * {@link #resize} to fewer rows reuses them. z[l] = a[l] W_l^T + b_l, a[l + 1] = relu(z[l]);
 * a[0] is the input.
 */
final class ForwardPass {
    /** Rows per chunk when evaluating many points: keeps buffers in cache and memory bounded. */
    static final int EVALUATION_CHUNK = 1024;

    final DMatrixRMaj[] a;
    final DMatrixRMaj[] z;

    ForwardPass(ReluNetwork net, int capacity) {
        int layers = net.layers();
        a = new DMatrixRMaj[layers];
        z = new DMatrixRMaj[layers];
        for (int l = 0; l < layers; l++) {
            a[l] = new DMatrixRMaj(capacity, net.fanIn(l));
            z[l] = new DMatrixRMaj(capacity, net.fanOut(l));
        }
    }

    DMatrixRMaj input() {
        return a[0];
    }

    /** Sets the batch to {@code rows} rows without allocating when rows &lt;= capacity. */
    void resize(int rows) {
        for (int l = 0; l < a.length; l++) {
            a[l].reshape(rows, a[l].numCols);
            z[l].reshape(rows, z[l].numCols);
        }
    }

    /** Runs the network on the rows of {@link #input()}; returns the output column z[L-1]. */
    DMatrixRMaj run(ReluNetwork net) {
        int last = a.length - 1;
        for (int l = 0; l <= last; l++) {
            DMatrixRMaj zl = z[l];
            CommonOps_DDRM.mult(a[l], net.weights[l], zl); // weights hold W_l^T
            double[] b = net.biases[l].data;
            double[] zd = zl.data;
            int cols = zl.numCols;
            int size = zl.numRows * cols;
            if (l < last) {
                double[] next = a[l + 1].data;
                for (int i = 0; i < size; i += cols) {
                    for (int j = 0; j < cols; j++) {
                        double v = zd[i + j] + b[j];
                        zd[i + j] = v;
                        next[i + j] = v > 0 ? v : 0;
                    }
                }
            } else {
                for (int i = 0; i < size; i += cols) {
                    for (int j = 0; j < cols; j++) {
                        zd[i + j] += b[j];
                    }
                }
            }
        }
        return z[last];
    }
}
