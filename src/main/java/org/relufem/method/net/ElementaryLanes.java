package org.relufem.method.net;

import static org.relufem.method.net.Elementary.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementary}'s functions and the smooth activations' loops on SIMD lanes (the incubating
 * Vector API), operation for operation as the scalar code, so that lanes and scalars give the same
 * bits. Only IEEE-exact lanewise operations are used (no Vector API transcendentals, which may be
 * SVML in C2 and Math in the interpreter). Loaded only when the JVM has the module
 * (see {@link Activation#LANES}); each loop ends on the scalar functions.
 *
 * <p>Clamps are a compare and a blend, not {@code min} or {@code max}: C2 (JDK 17) compiles a lane
 * min or max of doubles, with Java's rules for NaN and signed zeros, into a sequence of several
 * instructions. Each blend gives the clamp's value bit for bit, NaN and -0 included (ActivationTest
 * checks both), and the functions' loops ran 9-26% faster per value than with min and max. A blend
 * is still dear: JDK 17 keeps a mask as a vector between its compare and its use, so a compare and
 * a blend are four instructions (the compare into a mask register, a masked load of ones, a compare
 * back into a mask register, the blend; disassembled with hsdis). The loops therefore use as few
 * masks as the definitions allow, one compare serving several selections (elu's z &gt;= 0 for its
 * expm1, value and slope: 1.06 to 0.68 ns per value and slope; tanh's |z| &gt; limit for both its
 * clamps: 0.63 to 0.46; softplus's z &gt; 0 and z &gt; 20 for value and slope), selections on the
 * integer bits by xor where a lane of ones is at hand (sin's quadrant), and branch-free rationals
 * where a reduction had a branch (softplus's log1p).
 */
final class ElementaryLanes {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private static final DoubleVector V_ZERO = c(0);
    private static final DoubleVector V_ONE = c(1);
    private static final DoubleVector V_ROUNDER = c(ROUNDER);
    private static final DoubleVector V_TWO_OVER_PI = c(TWO_OVER_PI);
    private static final DoubleVector V_MINUS_PIO2_1 = c(-PIO2_1);
    private static final DoubleVector V_MINUS_PIO2_2 = c(-PIO2_2);
    private static final DoubleVector V_MINUS_PIO2_3 = c(-PIO2_3);
    private static final DoubleVector V_TRIG_LIMIT = c(TRIG_LIMIT);
    private static final DoubleVector V_LEAKY_SLOPE = c(Activation.LEAKY_SLOPE);
    private static final DoubleVector V_SOFTPLUS_LINEAR = c(Activation.SOFTPLUS_LINEAR);
    private static final LongVector V_ONE_BITS = LongVector.broadcast(LongVector.SPECIES_PREFERRED, ONE_BITS);
    private static final LongVector V_SIGN_BIT = LongVector.broadcast(LongVector.SPECIES_PREFERRED, SIGN_BIT);
    private static final LongVector V_LONG_ONE = LongVector.broadcast(LongVector.SPECIES_PREFERRED, 1);
    private static final LongVector V_LONG_TWO = LongVector.broadcast(LongVector.SPECIES_PREFERRED, 2);

    static {
        CompileUnits.install();
    }

    private ElementaryLanes() {
    }

    /**
     * A constant on every lane: the V_ fields, and in place where the loop stays within C2's node
     * budget, where it stays in a register (see {@link #tanh(DoubleVector)}): tanh's and its
     * polynomials (in elu's and gelu's loops too), sin's and cos's polynomials (sin 0.87 to 0.63 ns
     * a value and slope; its reduction's constants too, and it ran at 2.1), softplus's exp and
     * log1p, gelu's u. Beyond the budget C2 stops inlining the Vector API and a loop runs 3-10x
     * slower, so softplus and gelu run two loops each, every loop a compile unit of its own
     * ({@link CompileUnits}); the V_ fields left are the few constants of the loops' selections.
     */
    private static DoubleVector c(double value) {
        return DoubleVector.broadcast(SPECIES, value);
    }

    static DoubleVector powerOfTwo(DoubleVector t) {
        return t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).add(V_ONE_BITS).reinterpretAsDoubles();
    }

    static DoubleVector expm1Reduced(DoubleVector r) {
        DoubleVector r2 = r.mul(r);
        DoubleVector r4 = r2.mul(r2);
        DoubleVector b0 = r.fma(c(E5), c(E4)).fma(r2, r.fma(c(E3), c(E2)));
        DoubleVector b1 = r.fma(c(E9), c(E8)).fma(r2, r.fma(c(E7), c(E6)));
        DoubleVector b2 = r.fma(c(E13), c(E12)).fma(r2, r.fma(c(E11), c(E10)));
        DoubleVector q = b2.fma(r4.mul(r4), b1.fma(r4, b0));
        return r.fma(r.mul(q), r);
    }

    static DoubleVector reduced(DoubleVector x, DoubleVector t) {
        DoubleVector n = t.sub(c(ROUNDER));
        return n.fma(c(-LN2_LO), n.fma(c(-LN2_HI), x));
    }

    static DoubleVector exp(DoubleVector x) {
        DoubleVector t = x.fma(c(LOG2E), c(ROUNDER));
        DoubleVector p = expm1Reduced(reduced(x, t));
        DoubleVector s = powerOfTwo(t);
        return s.fma(p, s);
    }

    static DoubleVector withSignOf(DoubleVector a, DoubleVector z) {
        return a.reinterpretAsLongs().or(z.reinterpretAsLongs().and(V_SIGN_BIT)).reinterpretAsDoubles();
    }

    /**
     * {@link Elementary#tanh}, its constants broadcast where they are used: C2 (JDK 17) keeps a
     * broadcast constant in a register, but reloads a static final vector's lanes in every iteration
     * of a loop that stores into a double[] (the lanes are a double[] too, so the store may alias
     * them); the rational ran 0.66-0.81 instead of 0.85-1.0 ns a value and slope.
     */
    static DoubleVector tanh(DoubleVector z) {
        DoubleVector a = z.abs();
        DoubleVector y = a.mul(a);
        DoubleVector y2 = y.mul(y);
        DoubleVector y4 = y2.mul(y2);
        DoubleVector y8 = y4.mul(y4);
        DoubleVector t = a.mul(tanhP(y, y2, y4, y8)).div(tanhQ(y, y2, y4, y8));
        return withSignOf(t.blend(c(1), a.compare(VectorOperators.GT, c(TANH_LIMIT))), z);
    }

    /**
     * {@link Elementary#tanhP}'s operations, given y and its powers y^2, y^4, y^8 (shared with
     * {@link #tanhQ}: computed in each, the tanh loop grew past C2's node budget and ran 3x slower).
     * Written out here and in tanhQ, not through one helper as in Elementary: with a helper the loops
     * were no faster and one tanh run in two took 0.64 ns instead of 0.49.
     */
    static DoubleVector tanhP(DoubleVector y, DoubleVector y2, DoubleVector y4, DoubleVector y8) {
        DoubleVector low = y.fma(c(TP3), c(TP2)).fma(y2, y.fma(c(TP1), c(TP0)));
        DoubleVector mid = y.fma(c(TP7), c(TP6)).fma(y2, y.fma(c(TP5), c(TP4)));
        return y.fma(c(TP9), c(TP8)).fma(y8, mid.fma(y4, low));
    }

    static DoubleVector tanhQ(DoubleVector y, DoubleVector y2, DoubleVector y4, DoubleVector y8) {
        DoubleVector low = y.fma(c(TQ3), c(TQ2)).fma(y2, y.fma(c(TQ1), c(TQ0)));
        DoubleVector mid = y.fma(c(TQ7), c(TQ6)).fma(y2, y.fma(c(TQ5), c(TQ4)));
        return y.fma(c(TQ9), c(TQ8)).fma(y8, mid.fma(y4, low));
    }

    static DoubleVector log1pUnit(DoubleVector e) {
        DoubleVector e2 = e.mul(e);
        DoubleVector e4 = e2.mul(e2);
        DoubleVector p = e2.fma(c(LP6), e.fma(c(LP5), c(LP4))).fma(e4, e.fma(c(LP3), c(LP2)).fma(e2, e.fma(c(LP1), c(LP0))));
        DoubleVector q = e2.fma(c(LQ6), e.fma(c(LQ5), c(LQ4))).fma(e4, e.fma(c(LQ3), c(LQ2)).fma(e2, e.fma(c(LQ1), c(LQ0))));
        return p.div(q).fma(e2, e);
    }

    static DoubleVector expm1NonPositive(DoubleVector c) {
        DoubleVector x = c.blend(c(EXPM1_LIMIT), c.compare(VectorOperators.LT, c(EXPM1_LIMIT)));
        DoubleVector t = x.fma(c(LOG2E), c(ROUNDER));
        DoubleVector p = expm1Reduced(reduced(x, t));
        DoubleVector s = powerOfTwo(t);
        return s.fma(p, s.sub(c(1)));
    }

    /**
     * Leaky ReLU: h = max(z, 0.01 z) and, unless s is null, s = max([z &gt; 0], 0.01), as the blends
     * z &gt; 0 ? z : 0.01 z and z &gt; 0 ? 1 : 0.01 (NaN kept): the same bits as {@link Activation#LEAKY_RELU}'s
     * Math.max and Math.ceil forms, which C2's vectorised loops (AVX-512, JDK 17) ran about 10x slower
     * than this (the slope loop alone was 0.27 ns a value, as much as tanh's whole function).
     */
    static void leakyRelu(double[] z, double[] h, double[] s, int n) {
        int j = 0;
        for (int bound = SPECIES.loopBound(n); j < bound; j += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, z, j);
            VectorMask<Double> positive = x.compare(VectorOperators.GT, V_ZERO);
            if (h != null) {
                x.mul(V_LEAKY_SLOPE).blend(x, positive).intoArray(h, j);
            }
            if (s != null) {
                V_LEAKY_SLOPE.blend(V_ONE, positive).blend(x, x.compare(VectorOperators.NE, x)).intoArray(s, j);
            }
        }
        scalarEnd(Activation.LEAKY_RELU, z, h, s, j, n);
    }

    /** A loop's end past its lanes, j from..n-1: values and slopes of an activation whose slope needs only z. */
    private static void scalarEnd(Activation act, double[] z, double[] h, double[] s, int from, int n) {
        for (int j = from; j < n; j++) {
            if (h != null) {
                h[j] = act.value(z[j]);
            }
            if (s != null) {
                s[j] = act.slope(z[j], 0);
            }
        }
    }

    /** h = tanh(z) and, unless s is null, s = 1 - h^2, for j &lt; n. */
    static void tanh(double[] z, double[] h, double[] s, int n) {
        int j = 0;
        for (int bound = SPECIES.loopBound(n); j < bound; j += SPECIES.length()) {
            DoubleVector v = tanh(DoubleVector.fromArray(SPECIES, z, j));
            v.intoArray(h, j);
            if (s != null) {
                c(1).sub(v.mul(v)).intoArray(s, j);
            }
        }
        for (; j < n; j++) {
            double v = Elementary.tanh(z[j]);
            h[j] = v;
            if (s != null) {
                s[j] = 1 - v * v;
            }
        }
    }

    /**
     * h = elu(z) = z &gt;= 0 ? z : expm1(z) and, unless s is null, s = z &gt; 0 ? 1 : h + 1 (1 at z = 0
     * either way), one mask for the three: expm1's lanes for z &gt;= 0 are blended away.
     */
    static void elu(double[] z, double[] h, double[] s, int n) {
        int j = 0;
        for (int bound = SPECIES.loopBound(n); j < bound; j += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, z, j);
            VectorMask<Double> nonNegative = x.compare(VectorOperators.GE, V_ZERO);
            DoubleVector v = expm1NonPositive(x).blend(x, nonNegative);
            v.intoArray(h, j);
            if (s != null) {
                v.add(V_ONE).blend(V_ONE, nonNegative).intoArray(s, j);
            }
        }
        for (; j < n; j++) {
            double v = Activation.ELU.value(z[j]);
            h[j] = v;
            if (s != null) {
                s[j] = Activation.ELU.slope(z[j], v);
            }
        }
    }

    /**
     * h = gelu(z) = z g, g = (1 + t) / 2, t = tanh(u), and, unless s is null, s = g + z (1 - t^2)
     * sqrt(2/pi) (1 + 3 0.044715 z^2) / 2 as {@link Activation#GELU} writes it. Two passes, t into s
     * (or h) first, so z must not be h or s: in one loop with its constants broadcast in place it
     * exceeded C2's node budget and ran 6-10x slower, with them as fields at 0.82-0.89 ns a value and
     * slope; as two compile units, constants in place, 0.72.
     */
    static void gelu(double[] z, double[] h, double[] s, int n) {
        double[] t = s != null ? s : h; // tanh(u) goes there first
        int bound = SPECIES.loopBound(n);
        geluTanh(z, t, bound);
        geluOfTanh(z, t, h, s, bound);
        scalarEnd(Activation.GELU, z, h, s, bound, n);
    }

    /** t = tanh(u), u = z sqrt(2/pi) (1 + 0.044715 z^2), for j &lt; bound (a multiple of the lanes). */
    static void geluTanh(double[] z, double[] t, int bound) {
        for (int j = 0; j < bound; j += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, z, j);
            tanh(x.mul(x.mul(x).fma(c(Activation.GELU_SCALE_CUBIC), c(Activation.GELU_SCALE)))).intoArray(t, j);
        }
    }

    /** GELU's value into h and slope into s (either may be null) from z and t = tanh(u). */
    static void geluOfTanh(double[] z, double[] t, double[] h, double[] s, int bound) {
        for (int j = 0; j < bound; j += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, z, j);
            DoubleVector tj = DoubleVector.fromArray(SPECIES, t, j);
            DoubleVector g = tj.fma(c(0.5), c(0.5));
            if (h != null) {
                x.mul(g).intoArray(h, j);
            }
            if (s != null) {
                x.mul(tj.neg().fma(tj, c(1))).fma(x.mul(x).fma(c(Activation.GELU_SLOPE_CUBIC),
                        c(Activation.GELU_HALF_SCALE)), g).intoArray(s, j);
            }
        }
    }

    /**
     * h = softplus(z) = (z &gt; 0 ? z : 0) + log1p(e), e = exp(-|z|), and, unless s is null, s =
     * sigmoid(z) = (z &gt; 0 ? 1 : e) / (1 + e); z and 1 above {@link Activation#SOFTPLUS_LINEAR}. The
     * masks z &gt; 0 and z &gt; 20 serve value and slope (each blend is four instructions in C2). Two
     * passes, e into s (or h) first, so z must not be h or s: in one loop with its constants
     * broadcast in place it exceeded C2's node budget and ran 10 ns a value and slope; as two
     * compile units, log1p's constants broadcast in place too, it runs at 0.88-1.0 (exp's pass 0.47,
     * the other 0.41; 1.28-1.30 with log1p's constants as fields).
     */
    static void softplus(double[] z, double[] h, double[] s, int n) {
        double[] e = s != null ? s : h; // e^-|z| goes there first
        int bound = SPECIES.loopBound(n);
        expMinusAbs(z, e, bound);
        softplusOfExp(z, e, h, s, bound);
        scalarEnd(Activation.SOFTPLUS, z, h, s, bound, n);
    }

    /** e = exp(-|z|), e^-708 below -708, for j &lt; bound (a multiple of the lanes). */
    static void expMinusAbs(double[] z, double[] e, int bound) {
        for (int j = 0; j < bound; j += SPECIES.length()) {
            DoubleVector m = DoubleVector.fromArray(SPECIES, z, j).abs().neg();
            exp(m.blend(c(-EXP_LIMIT), m.compare(VectorOperators.LT, c(-EXP_LIMIT)))).intoArray(e, j);
        }
    }

    /** Softplus's value into h and slope into s (either may be null) from z and e = exp(-|z|). */
    static void softplusOfExp(double[] z, double[] e, double[] h, double[] s, int bound) {
        for (int j = 0; j < bound; j += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, z, j);
            DoubleVector ej = DoubleVector.fromArray(SPECIES, e, j);
            VectorMask<Double> positive = x.compare(VectorOperators.GT, V_ZERO);
            VectorMask<Double> linear = x.compare(VectorOperators.GT, V_SOFTPLUS_LINEAR);
            if (h != null) {
                V_ZERO.blend(x, positive).add(log1pUnit(ej)).blend(x, linear).intoArray(h, j);
            }
            if (s != null) {
                // 1 / 1 on the linear lanes (z > 20: the numerator is 1 there). C2 (JDK 17) loses a blend's
                // exact class: a blend of its result, as this had after the division, was left a virtual call
                ej.blend(V_ONE, positive).div(ej.add(V_ONE).blend(V_ONE, linear)).intoArray(s, j);
            }
        }
    }

    /** h = sin(z) and, unless s is null, s = cos(z): one reduction for both. */
    static void sin(double[] z, double[] h, double[] s, int n) {
        int j = 0;
        for (int bound = SPECIES.loopBound(n); j < bound; j += SPECIES.length()) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, z, j);
            DoubleVector a = x.abs();
            DoubleVector t = a.fma(V_TWO_OVER_PI, V_ROUNDER);
            DoubleVector k = t.sub(V_ROUNDER);
            DoubleVector r = k.fma(V_MINUS_PIO2_3, k.fma(V_MINUS_PIO2_2, k.fma(V_MINUS_PIO2_1, a)));
            DoubleVector y = r.mul(r);
            DoubleVector y2 = y.mul(y);
            LongVector quadrant = t.reinterpretAsLongs();
            LongVector sinR = sinReduced(r, y, y2).reinterpretAsLongs();
            LongVector cosR = cosReduced(y, y2).reinterpretAsLongs();
            // odd quadrants swap sin and cos: a lane of ones from the quadrant's low bit selects by xor, not
            // by a blend (a mask costs C2 four instructions)
            LongVector swap = sinR.lanewise(VectorOperators.XOR, cosR)
                    .and(quadrant.lanewise(VectorOperators.LSHL, 63).lanewise(VectorOperators.ASHR, 63));
            if (h != null) {
                LongVector minus = quadrant.and(V_LONG_TWO).lanewise(VectorOperators.LSHL, 62);
                sinR.lanewise(VectorOperators.XOR, swap).lanewise(VectorOperators.XOR, minus)
                        .lanewise(VectorOperators.XOR, x.reinterpretAsLongs().and(V_SIGN_BIT))
                        .reinterpretAsDoubles().intoArray(h, j);
            }
            if (s != null) {
                LongVector minus = quadrant.add(V_LONG_ONE).and(V_LONG_TWO).lanewise(VectorOperators.LSHL, 62);
                cosR.lanewise(VectorOperators.XOR, swap).lanewise(VectorOperators.XOR, minus)
                        .reinterpretAsDoubles().intoArray(s, j);
            }
            if (a.compare(VectorOperators.GT, V_TRIG_LIMIT).anyTrue()) {
                for (int i = j; i < j + SPECIES.length(); i++) {
                    sinScalar(z, h, s, i);
                }
            }
        }
        for (; j < n; j++) {
            sinScalar(z, h, s, j);
        }
    }

    private static void sinScalar(double[] z, double[] h, double[] s, int j) {
        if (h != null) {
            h[j] = Elementary.sin(z[j]);
        }
        if (s != null) {
            s[j] = Elementary.cos(z[j]);
        }
    }

    static DoubleVector sinReduced(DoubleVector r, DoubleVector y, DoubleVector y2) {
        DoubleVector b0 = y.fma(c(S3), c(S2)).fma(y2, y.fma(c(S1), c(S0)));
        DoubleVector q = y.fma(c(S5), c(S4)).fma(y2.mul(y2), b0);
        return r.mul(y).fma(q, r);
    }

    static DoubleVector cosReduced(DoubleVector y, DoubleVector y2) {
        DoubleVector b0 = y.fma(c(C3), c(C2)).fma(y2, y.fma(c(C1), c(C0)));
        DoubleVector b1 = c(C6).fma(y2, y.fma(c(C5), c(C4)));
        return y.fma(b1.fma(y2.mul(y2), b0), c(1));
    }
}
