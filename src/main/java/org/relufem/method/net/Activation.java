package org.relufem.method.net;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The hidden units' nonlinearity, applied elementwise. Each activation has its value, its slope
 * (the derivative, from the pre-activation z and the value h = act(z), whichever is cheaper), and
 * loops over a layer's units that the training passes call once per point and layer.
 *
 * <p>The parameters of the piecewise ones are PyTorch's defaults: leaky ReLU's negative slope
 * 0.01, ELU's alpha 1, softplus with beta 1 (and, as torch does, the identity above z = 20);
 * {@code gelu} is the tanh form of Hendrycks and Gimpel, JAX's default {@code jax.nn.gelu} and
 * torch's {@code GELU(approximate='tanh')}. ReLU's slope at 0 is 0, as torch takes it.
 *
 * <p>{@code tanh} is computed by {@link #tanh(double)}, not
 * {@link Math#tanh}: JDK 17 has no intrinsic for it, and Math.tanh took 28-37 ns per value here
 * against 2.9-3.3 ns for the vectorised loops of {@link #forward}, within 6.7e-16 of Math.tanh
 * (measured on 2,000,000 points in [-25, 25]); ELU's expm1 and GELU's sigmoid the same way. The
 * others call Math's sin, cos, exp and log1p per unit.
 */
public enum Activation {
    RELU {
        @Override
        public double value(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        public double slope(double z, double h) {
            return z > 0 ? 1 : 0;
        }
    },
    /**
     * max(z, 0.01 z), the slope max([z &gt; 0], 0.01) with [z &gt; 0] = ceil(min(max(z, 0), 1)):
     * branch-free, so that the loops vectorise.
     */
    LEAKY_RELU {
        @Override
        public double value(double z) {
            return Math.max(z, LEAKY_SLOPE * z);
        }

        @Override
        public double slope(double z, double h) {
            return Math.max(Math.ceil(Math.min(Math.max(z, 0), 1)), LEAKY_SLOPE);
        }

        @Override
        public void forward(double[] z, double[] h, int n) {
            for (int j = 0; j < n; j++) {
                h[j] = Math.max(z[j], LEAKY_SLOPE * z[j]);
            }
        }

        @Override
        public void slopes(double[] z, double[] h, double[] s, int n) {
            for (int j = 0; j < n; j++) {
                s[j] = Math.max(Math.ceil(Math.min(Math.max(z[j], 0), 1)), LEAKY_SLOPE);
            }
        }
    },
    /**
     * z for z &gt; 0, else expm1(z): max(z, expm1(min(z, 0))) (expm1(z) &gt;= z), with expm1 from
     * {@link #expm1(double)}; the slope 1 or e^z = h + 1 is min(h + 1, 1). Branch-free, so that
     * the loops vectorise.
     */
    ELU {
        @Override
        public double value(double z) {
            return Math.max(z, expm1(Math.min(z, 0)));
        }

        @Override
        public double slope(double z, double h) {
            return Math.min(h + 1, 1);
        }

        @Override
        public void forward(double[] z, double[] h, int n) {
            for (int j = 0; j < n; j++) {
                h[j] = lowTerms(reducedNegative(z[j]));
            }
            for (int j = 0; j < n; j++) {
                h[j] += highTerms(reducedNegative(z[j]));
            }
            for (int j = 0; j < n; j++) {
                h[j] = squareThrice(h[j]);
            }
            for (int j = 0; j < n; j++) {
                h[j] = Math.max(z[j], squareThrice(h[j]));
            }
        }

        @Override
        public void slopes(double[] z, double[] h, double[] s, int n) {
            for (int j = 0; j < n; j++) {
                s[j] = Math.min(h[j] + 1, 1);
            }
        }
    },
    TANH {
        @Override
        public double value(double z) {
            return tanh(z);
        }

        @Override
        public double slope(double z, double h) {
            return 1 - h * h;
        }

        @Override
        public void forward(double[] z, double[] h, int n) {
            for (int j = 0; j < n; j++) {
                h[j] = lowTerms(reduced(z[j]));
            }
            for (int j = 0; j < n; j++) {
                h[j] += highTerms(reduced(z[j]));
            }
            for (int j = 0; j < n; j++) {
                h[j] = squareThrice(h[j]);
            }
            for (int j = 0; j < n; j++) {
                h[j] = tanhOfExpm1(squareThrice(h[j]));
            }
        }

        @Override
        public void slopes(double[] z, double[] h, double[] s, int n) {
            for (int j = 0; j < n; j++) {
                double v = h[j];
                s[j] = 1 - v * v;
            }
        }
    },
    SIN {
        @Override
        public double value(double z) {
            return Math.sin(z);
        }

        @Override
        public double slope(double z, double h) {
            return Math.cos(z);
        }
    },
    SOFTPLUS {
        @Override
        public double value(double z) {
            return z > SOFTPLUS_LINEAR ? z : Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
        }

        @Override
        public double slope(double z, double h) {
            return z > SOFTPLUS_LINEAR ? 1 : 1 / (1 + Math.exp(-z));
        }
    },
    /**
     * 0.5 z (1 + tanh(u)) = z sigmoid(2u), u = sqrt(2/pi) (z + 0.044715 z^3), the sigmoid form
     * having no cancellation for z &lt;&lt; 0: sigmoid(2u) = 1 / (2 + expm1(-2u)) with expm1 as
     * {@link #tanh} computes it, so for |u| &gt; 20 (z &lt; -7.3 or z &gt; 7.3) sigmoid(2u) is taken
     * at |u| = 20, 4e-18 or 1 (an absolute error below 2e-16 |z|).
     */
    GELU {
        @Override
        public double value(double z) {
            return z * geluSigmoid(z);
        }

        @Override
        public double slope(double z, double h) {
            double s = geluSigmoid(z);
            return s + z * s * (1 - s) * 2 * GELU_SCALE * (1 + 3 * GELU_CUBIC * z * z);
        }

        @Override
        public void forward(double[] z, double[] h, int n) {
            sigmoids(z, h, n);
            for (int j = 0; j < n; j++) {
                h[j] *= z[j];
            }
        }

        @Override
        public void slopes(double[] z, double[] h, double[] s, int n) {
            sigmoids(z, s, n);
            for (int j = 0; j < n; j++) {
                double v = z[j];
                double g = s[j];
                s[j] = g + v * g * (1 - g) * 2 * GELU_SCALE * (1 + 3 * GELU_CUBIC * v * v);
            }
        }

        /** out[j] = sigmoid(2u(z[j])), in the steps of {@link #geluSigmoid}. */
        private void sigmoids(double[] z, double[] out, int n) {
            for (int j = 0; j < n; j++) {
                out[j] = lowTerms(reduced(geluMinusU(z[j])));
            }
            for (int j = 0; j < n; j++) {
                out[j] += highTerms(reduced(geluMinusU(z[j])));
            }
            for (int j = 0; j < n; j++) {
                out[j] = squareThrice(out[j]);
            }
            for (int j = 0; j < n; j++) {
                out[j] = 1 / (2 + squareThrice(out[j]));
            }
        }
    };

    /** Leaky ReLU's slope below 0 (torch's default). */
    public static final double LEAKY_SLOPE = 0.01;
    /** Softplus is the identity above this (torch's threshold): log1p(exp(-z)) is below an ulp of z. */
    static final double SOFTPLUS_LINEAR = 20;
    static final double GELU_SCALE = 0.7978845608028654; // sqrt(2 / pi)
    static final double GELU_CUBIC = 0.044715;

    /** act(z). */
    public abstract double value(double z);

    /** act'(z), given z and h = act(z). */
    public abstract double slope(double z, double h);

    /** h[j] = act(z[j]) for j &lt; n, z and h distinct; the same values as {@link #value}, bit for bit. */
    public void forward(double[] z, double[] h, int n) {
        for (int j = 0; j < n; j++) {
            h[j] = value(z[j]);
        }
    }

    /** s[j] = act'(z[j]) given h[j] = act(z[j]), for j &lt; n. */
    public void slopes(double[] z, double[] h, double[] s, int n) {
        for (int j = 0; j < n; j++) {
            s[j] = slope(z[j], h[j]);
        }
    }

    /** The name in specs and the results table: {@code relu}, {@code leaky_relu}, .... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label, as spec settings are written in messages. */
    @Override
    public String toString() {
        return label();
    }

    /** The activation named {@code label}, or null. */
    public static Activation of(String label) {
        return Arrays.stream(values()).filter(a -> a.label().equals(label)).findFirst().orElse(null);
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Activation::label).toList();
    }

    /**
     * tanh(z) = q / (q + 2) with q = expm1(2z), which keeps tanh's relative accuracy near 0. For
     * |z| &lt;= 20 (beyond, tanh is +-1 in float64), q is expm1(2z / 64) from its Taylor series to
     * degree 15 (truncation below 3e-17 relative), squared up six times by expm1(2y) = q (q + 2).
     * Written as the steps of {@link #TANH}'s {@link #forward}, so that both give the same bits.
     */
    static double tanh(double z) {
        double y = reduced(z);
        return tanhOfExpm1(squareThrice(squareThrice(lowTerms(y) + highTerms(y))));
    }

    private static double reduced(double z) {
        return Math.min(Math.max(z, -20), 20) * (2.0 / 64);
    }

    /**
     * expm1(z) for z &lt;= 0 the way {@link #tanh} computes expm1(2z): the Taylor series at z / 64
     * squared up six times (below -40, expm1 is -1 in float64).
     */
    static double expm1(double z) {
        double y = reducedNegative(z);
        return squareThrice(squareThrice(lowTerms(y) + highTerms(y)));
    }

    /** z clamped to [-40, 0], over 64. */
    private static double reducedNegative(double z) {
        return Math.min(Math.max(z, -40), 0) * (1.0 / 64);
    }

    /** The Taylor terms of expm1 of degree 1 to 8. */
    private static double lowTerms(double y) {
        return y * (1 + y * (1 / 2.0 + y * (1 / 6.0 + y * (1 / 24.0 + y * (1 / 120.0 + y * (1 / 720.0
                + y * (1 / 5040.0 + y * (1 / 40320.0))))))));
    }

    /** The Taylor terms of expm1 of degree 9 to 15 (two loops of few nodes vectorise; one big one did not). */
    private static double highTerms(double y) {
        double y8 = y * y;
        y8 *= y8;
        y8 *= y8;
        return y8 * (y / 362880.0 + y * y * (1 / 3628800.0 + y * (1 / 39916800.0 + y * (1 / 479001600.0
                + y * (1 / 6227020800.0 + y * (1 / 87178291200.0 + y * (1 / 1307674368000.0)))))));
    }

    /** expm1(8y) from q = expm1(y). */
    private static double squareThrice(double q) {
        q = q * (q + 2);
        q = q * (q + 2);
        return q * (q + 2);
    }

    private static double tanhOfExpm1(double q) {
        return q / (q + 2);
    }

    /** sigmoid(2u) = 1 / (2 + expm1(-2u)) of GELU's tanh argument u. */
    private static double geluSigmoid(double z) {
        double y = reduced(geluMinusU(z));
        return 1 / (2 + squareThrice(squareThrice(lowTerms(y) + highTerms(y))));
    }

    /** -u = -sqrt(2/pi) (z + 0.044715 z^3). */
    private static double geluMinusU(double z) {
        return -GELU_SCALE * (z + GELU_CUBIC * z * z * z);
    }
}
