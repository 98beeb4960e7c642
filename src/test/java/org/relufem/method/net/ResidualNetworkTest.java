package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A residual network computes h_{l+1} = h_l + act(W_l h_l + b_l) between hidden layers, and only there. */
class ResidualNetworkTest {
    @Test
    void residualBlocksAddTheirInputToTheHiddenToHiddenLayersOnly() {
        Architecture shape = new Architecture(3, 3, Activation.TANH, true);
        Network net = Network.torchDefault(2, 3, 3, new SplittableRandom(5)).with(shape);
        double[] p = net.parameterVector(); // W_1 (3 x 2), b_1, W_2 (3 x 3), b_2, W_3 (3 x 3), b_3, W_4 (1 x 3), b_4
        double[] x = {0.3, -0.7};
        double[] h1 = layer(p, 0, x, 3);
        double[] h2 = add(h1, layer(p, 9, h1, 3));
        double[] h3 = add(h2, layer(p, 21, h2, 3));
        double out = p[33 + 3];
        for (int k = 0; k < 3; k++) {
            out += p[33 + k] * h3[k];
        }
        assertEquals(out, net.value(x, 0), 1e-15);
        double[] batch = new double[1];
        net.values(x, 1, batch);
        assertEquals(out, batch[0], 1e-15);
        assertNotEquals(out, net.withActivation(Activation.TANH).with(new Architecture(3, 3, Activation.TANH))
                .value(x, 0), "the plain network of the same parameters differs");
    }

    /** tanh(W h + b) for the out x in block of W at {@code at}, b after it. */
    private static double[] layer(double[] p, int at, double[] in, int out) {
        double[] h = new double[out];
        for (int j = 0; j < out; j++) {
            double z = p[at + out * in.length + j];
            for (int k = 0; k < in.length; k++) {
                z += p[at + j * in.length + k] * in[k];
            }
            h[j] = Math.tanh(z);
        }
        return h;
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    @Test
    void aResidualBlockNeedsAHiddenToHiddenLayer() {
        assertThrows(IllegalArgumentException.class, () -> new Architecture(10, 1, Activation.RELU, true));
    }
}
