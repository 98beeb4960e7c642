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
 * <p>The smooth ones (elu, tanh, sin, softplus, gelu) are computed by {@link Elementary}, not by
 * Math: a fixed sequence of IEEE-exact operations (tanh a minimax rational, elu's expm1 a quotient
 * of its polynomials, gelu from tanh, sin and cos minimax polynomials after Cody-Waite reduction,
 * softplus an exp and a rational log1p) within 1-7 ulp of StrictMath (ElementaryTest), and when
 * the JVM has the Vector API ({@link #LANES}) the loops ({@link #forward},
 * {@link #forwardAndSlopes}) run the same operations on SIMD lanes ({@link ElementaryLanes}), so
 * values never depend on the JIT tier, the machine or the path.
 *
 * <p>Cost per full-batch Adam step of 2 -&gt; W -&gt; 1 on 1024 points against ReLU's fused kernel
 * (ActivationStepBenchmark's main, the activations alternating in one JVM, fastest block of thread
 * CPU time, six JVMs with {@link JitOptions}; AVX-512, 8 double lanes, 2026-12-03), W = 100 /
 * 1000: relu 58-64 / 483-608 us; leaky_relu 1.2-1.5x / 1.4-1.6x; tanh 1.5-1.8x / 1.8-1.9x; sin
 * 1.7-1.9x / 2.0-2.2x; elu 1.8-2.1x / 2.2-2.4x; gelu 1.9-2.2x / 2.1-2.4x; softplus 2.2-2.7x /
 * 2.6-2.7x. The rest above leaky ReLU's step is the elementary function: 0.50 (tanh) to 0.99
 * (softplus, an exp and a log1p) ns per value and slope alone on 8 lanes
 * (ActivationFunctionBenchmark), against 0.5-0.6 ns for ReLU's whole step per unit and point.
 * Without the Vector API the same bits come from scalar loops, 5-7x slower than ReLU.
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
            if (LANES) {
                lanes(z, h, null, n);
                return;
            }
            for (int j = 0; j < n; j++) {
                h[j] = Math.max(z[j], LEAKY_SLOPE * z[j]);
            }
        }

        @Override
        public void slopes(double[] z, double[] h, double[] s, int n) {
            if (LANES) {
                lanes(z, null, s, n);
                return;
            }
            for (int j = 0; j < n; j++) {
                s[j] = Math.max(Math.ceil(Math.min(Math.max(z[j], 0), 1)), LEAKY_SLOPE);
            }
        }

        @Override
        void lanes(double[] z, double[] h, double[] s, int n) {
            ElementaryLanes.leakyRelu(z, h, s, n);
        }
    },
    /**
     * z for z &gt;= 0, else expm1(z) ({@link Elementary#expm1NonPositive}); the slope 1, or e^z = h + 1.
     * NaN stays NaN, and -0 gives -0.
     */
    ELU {
        @Override
        public double value(double z) {
            return z >= 0 ? z : Elementary.expm1NonPositive(z);
        }

        @Override
        public double slope(double z, double h) {
            return z > 0 ? 1 : h + 1;
        }

        @Override
        void lanes(double[] z, double[] h, double[] s, int n) {
            ElementaryLanes.elu(z, h, s, n);
        }
    },
    /** {@link Elementary#tanh}; the slope 1 - h^2. */
    TANH {
        @Override
        public double value(double z) {
            return Elementary.tanh(z);
        }

        @Override
        public double slope(double z, double h) {
            return 1 - h * h;
        }

        @Override
        void lanes(double[] z, double[] h, double[] s, int n) {
            ElementaryLanes.tanh(z, h, s, n);
        }
    },
    /** {@link Elementary#sin} and {@link Elementary#cos}, from one argument reduction in the loops. */
    SIN {
        @Override
        public double value(double z) {
            return Elementary.sin(z);
        }

        @Override
        public double slope(double z, double h) {
            return Elementary.cos(z);
        }

        @Override
        void lanes(double[] z, double[] h, double[] s, int n) {
            ElementaryLanes.sin(z, h, s, n);
        }
    },
    /**
     * (z &gt; 0 ? z : 0) + log1p(e), e = e^-|z| (e^-708 below -708), and the identity above 20; the
     * slope sigmoid(z) = (z &gt; 0 ? 1 : e) / (1 + e), from the same e in the loops.
     */
    SOFTPLUS {
        @Override
        public double value(double z) {
            return z > SOFTPLUS_LINEAR ? z : (z > 0 ? z : 0) + Elementary.log1pUnit(Elementary.expNegativeAbs(z));
        }

        @Override
        public double slope(double z, double h) {
            double e = Elementary.expNegativeAbs(z);
            return z > SOFTPLUS_LINEAR ? 1 : (z > 0 ? 1 : e) / (1 + e);
        }

        @Override
        void lanes(double[] z, double[] h, double[] s, int n) {
            ElementaryLanes.softplus(z, h, s, n);
        }
    },
    /**
     * 0.5 z (1 + tanh(u)) = z g, g = (1 + tanh(u)) / 2, u = sqrt(2/pi) (z + 0.044715 z^3), as torch
     * and JAX compute it, with the rational tanh: for z &lt;&lt; 0 the sum 1 + tanh(u) cancels, so gelu's
     * error there is absolute, below 1e-15 |z| (g is 0 from about z = -7, where gelu is -2e-15).
     * The slope g + z g (1 - g) du/dz = g + z (1 - t^2) sqrt(2/pi) (1 + 3 0.044715 z^2) / 2 with
     * t = tanh(u), t shared with the value in the loops.
     */
    GELU {
        @Override
        public double value(double z) {
            return z * Math.fma(geluTanh(z), 0.5, 0.5);
        }

        @Override
        public double slope(double z, double h) {
            double t = geluTanh(z);
            double du = Math.fma(z * z, GELU_SLOPE_CUBIC, GELU_HALF_SCALE); // (du/dz) / 2
            return Math.fma(z * Math.fma(-t, t, 1), du, Math.fma(t, 0.5, 0.5));
        }

        @Override
        void lanes(double[] z, double[] h, double[] s, int n) {
            ElementaryLanes.gelu(z, h, s, n);
        }
    };

    /** Leaky ReLU's slope below 0 (torch's default). */
    public static final double LEAKY_SLOPE = 0.01;
    /** Softplus is the identity above this (torch's threshold): log1p(exp(-z)) is below an ulp of z. */
    static final double SOFTPLUS_LINEAR = 20;
    static final double GELU_SCALE = 0.7978845608028654; // sqrt(2 / pi)
    static final double GELU_CUBIC = 0.044715;
    static final double GELU_SCALE_CUBIC = GELU_SCALE * GELU_CUBIC;
    static final double GELU_HALF_SCALE = 0.5 * GELU_SCALE;
    static final double GELU_SLOPE_CUBIC = 1.5 * GELU_SCALE * GELU_CUBIC;
    /**
     * Whether the JVM has the incubating Vector API ({@code --add-modules=jdk.incubator.vector},
     * part of Spark's module options): the smooth activations' loops then run on SIMD lanes,
     * otherwise on the scalar functions, with the same bits either way.
     */
    static final boolean LANES = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** act(z). */
    public abstract double value(double z);

    /** act'(z), given z and h = act(z). */
    public abstract double slope(double z, double h);

    /** h[j] = act(z[j]) for j &lt; n, z and h distinct; the same values as {@link #value}, bit for bit. */
    public void forward(double[] z, double[] h, int n) {
        if (LANES && smooth()) {
            lanes(z, h, null, n);
            return;
        }
        for (int j = 0; j < n; j++) {
            h[j] = value(z[j]);
        }
    }

    /** s[j] = act'(z[j]) given h[j] = act(z[j]), for j &lt; n. */
    public void slopes(double[] z, double[] h, double[] s, int n) {
        if (LANES && (this == SIN || this == SOFTPLUS || this == GELU)) { // slopes from z alone: on lanes
            lanes(z, null, s, n);
            return;
        }
        for (int j = 0; j < n; j++) {
            s[j] = slope(z[j], h[j]);
        }
    }

    /**
     * {@link #forward} and then {@link #slopes}, the same bits; the smooth activations share their
     * exponential or argument reduction between the two.
     */
    public void forwardAndSlopes(double[] z, double[] h, double[] s, int n) {
        if (LANES && smooth()) {
            lanes(z, h, s, n);
            return;
        }
        forward(z, h, n);
        slopes(z, h, s, n);
    }

    /** Whether this activation has loops in {@link ElementaryLanes}. */
    private boolean smooth() {
        return this != RELU;
    }

    /**
     * The loops on lanes: h (if not null) and s (if not null) from z. The smooth activations
     * override it with {@link ElementaryLanes}; this scalar form, the same bits as {@link #value}
     * and {@link #slope}, is what the piecewise-linear ones would run (their own loops, which C2
     * vectorises, are taken instead: see {@link #smooth}).
     */
    void lanes(double[] z, double[] h, double[] s, int n) {
        for (int j = 0; j < n; j++) {
            double v = value(z[j]);
            if (h != null) {
                h[j] = v;
            }
            if (s != null) {
                s[j] = slope(z[j], v);
            }
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

    /** tanh(u), u = z (sqrt(2/pi) + sqrt(2/pi) 0.044715 z^2), GELU's tanh. */
    private static double geluTanh(double z) {
        return Elementary.tanh(z * Math.fma(z * z, GELU_SCALE_CUBIC, GELU_SCALE));
    }
}
