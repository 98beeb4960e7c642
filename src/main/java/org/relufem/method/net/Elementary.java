package org.relufem.method.net;

/**
 * The elementary functions of the smooth activations, scalar, written as a fixed sequence of
 * IEEE-exact operations (+, -, *, /, fma, min, max, abs, bit moves): {@link ElementaryLanes} runs
 * the same sequence on SIMD lanes, so both give the same bits in every JIT tier and on every
 * machine (Math's and the Vector API's transcendental functions may use intrinsics whose last bit
 * differs between tiers). Accuracy against Math / StrictMath is measured by ElementaryTest.
 *
 * <p>exp: n = rint(x log2 e) (the 1.5 * 2^52 rounding trick), r = x - n ln 2 with ln 2 in two
 * parts (Cody and Waite; each product exact inside an fma), |r| &lt;= ln(2)/2, expm1(r) from its
 * Taylor series to degree 13 (truncation below 1.2e-17 relative), and 2^n put into the exponent
 * field: exp(x) = 2^n expm1(r) + 2^n, one rounding.
 * sin and cos: k = rint(|z| 2/pi), r = |z| - k pi/2 with pi/2 in three parts (about 160 bits),
 * |r| &lt;= pi/4, minimax polynomials of sin (degree 13) and cos (degree 14) in relative error
 * (src/test/python/elementary_minimax.py), the quadrant k mod 4 choosing and negating; beyond
 * |z| = 2^16 StrictMath's. log1p on
 * [0, 1]: e + e^2 P(e) / Q(e), P / Q minimax of degrees 6 / 6 (3.2e-18 relative), 2 ulp from
 * StrictMath: fdlibm's form (a reduction at 1/2 and a series in s = f/(2 + f)) was 1 ulp, but its
 * branch costs two blends on lanes.
 * tanh: a rational x P(x^2) / Q(x^2) of degrees 19 / 18 in x, minimax in relative error (4.8e-17)
 * on [0, 18.72] (src/test/python/elementary_minimax.py), with no exp and one division: on SIMD
 * lanes it costs about 30% less than the former sign(z) q / (q + 2), q = expm1(2|z|), at 7 ulp
 * from StrictMath instead of 4.
 */
final class Elementary {
    static final double LOG2E = 0x1.71547652b82fep0;
    /** ln 2 = LN2_HI + LN2_LO to about 107 bits. */
    static final double LN2_HI = 0x1.62e42fefa39efp-1;
    static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    /** 1.5 * 2^52: x + ROUNDER rounds x to an integer held in the low bits of the result. */
    static final double ROUNDER = 0x1.8p52;
    static final long ONE_BITS = 0x3ff0000000000000L;
    static final long SIGN_BIT = 0x8000000000000000L;
    /** The clamp of exp's argument: 2^n stays a normal number. */
    static final double EXP_LIMIT = 708;
    static final double TWO_OVER_PI = 0x1.45f306dc9c883p-1;
    /** pi/2 = PIO2_1 + PIO2_2 + PIO2_3; PIO2_1 has 33 bits, so k PIO2_1 is exact for k &lt; 2^20. */
    static final double PIO2_1 = 0x1.921fb544p0;
    static final double PIO2_2 = 0x1.0b4611a626331p-34;
    static final double PIO2_3 = 0x1.1701b839a252p-88;
    /** Beyond this |z|, sin and cos are StrictMath's (three parts of pi/2 no longer suffice for every z). */
    static final double TRIG_LIMIT = 65536;

    // expm1(r) = r + r^2 (E2 + r E3 + ... + r^11 E13), Ek = 1/k!
    static final double E2 = 1 / 2.0;
    static final double E3 = 1 / 6.0;
    static final double E4 = 1 / 24.0;
    static final double E5 = 1 / 120.0;
    static final double E6 = 1 / 720.0;
    static final double E7 = 1 / 5040.0;
    static final double E8 = 1 / 40320.0;
    static final double E9 = 1 / 362880.0;
    static final double E10 = 1 / 3628800.0;
    static final double E11 = 1 / 39916800.0;
    static final double E12 = 1 / 479001600.0;
    static final double E13 = 1 / 6227020800.0;
    // sin(r) = r + r^3 S(r^2) on [0, pi/4], S within 1.24e-16 relative
    static final double S0 = -0x1.5555555555555p-3; // -0.16666666666666664594
    static final double S1 = 0x1.1111111110ba5p-7; // 0.0083333333333309247272
    static final double S2 = -0x1.a01a019e80e5bp-13; // -0.00019841269836727817187
    static final double S3 = 0x1.71de37936644dp-19; // 2.7557316088608841407e-6
    static final double S4 = -0x1.ae60081ace5bcp-26; // -2.5051129264063191213e-8
    static final double S5 = 0x1.5e0a28f3dafd2p-33; // 1.5917962054412714805e-10
    // cos(r) = 1 + r^2 C(r^2) on [0, pi/4], C within 4.04e-19 relative
    static final double C0 = -0x1.0000000000000p-1; // -0.4999999999999999998
    static final double C1 = 0x1.5555555555551p-5; // 0.041666666666666634814
    static final double C2 = -0x1.6c16c16c15d47p-10; // -0.0013888888888880666678
    static final double C3 = 0x1.a01a019ddbcdap-16; // 0.000024801587293618631187
    static final double C4 = -0x1.27e4f8e06d9c1p-22; // -2.7557315542981813851e-7
    static final double C5 = 0x1.1eea7c1e52037p-29; // 2.0875883375780420488e-9
    static final double C6 = -0x1.8ff831adbb449p-37; // -1.1367817138417118534e-11
    // tanh(x) = x P(x^2) / Q(x^2), minimax in relative error on [0, 18.72]
    static final double TP0 = 0x1.0000000000000p+0; // 0.99999999999999995183
    static final double TP1 = 0x1.36fbabd5d8e10p-3; // 0.15184721227989016447
    static final double TP2 = 0x1.87f815c5d6dabp-8; // 0.0059809735447190852306
    static final double TP3 = 0x1.89970c895468fp-14; // 0.000093839176902999471023
    static final double TP4 = 0x1.708846b8b4baep-21; // 6.8644495517866408582e-7
    static final double TP5 = 0x1.525a807c452ffp-29; // 2.4618458921910849874e-9
    static final double TP6 = 0x1.29b05c261e0dbp-38; // 4.2304137946383605066e-12
    static final double TP7 = 0x1.c338864fa8d9dp-49; // 3.1309732544519337517e-15
    static final double TP8 = 0x1.c3c97ebebd06bp-61; // 7.6535710113168096867e-19
    static final double TP9 = 0x1.f9fa1e4e2fb38p-76; // 2.6158399088396477218e-23
    static final double TQ0 = 0x1.0000000000000p+0; // 1.0
    static final double TQ1 = 0x1.f0d32b4041c52p-2; // 0.48518054561322288063
    static final double TQ2 = 0x1.1998871fd0b08p-5; // 0.034374488749128017254
    static final double TQ3 = 0x1.b2e7d6f1840d1p-11; // 0.00082951664643540243105
    static final double TQ4 = 0x1.26c844e30de4ep-17; // 8.785197172497081758e-6
    static final double TQ5 = 0x1.81f1d35e52579p-25; // 4.4929868480714565573e-8
    static final double TQ6 = 0x1.ee2f8777674e3p-34; // 1.1236481004824073104e-10
    static final double TQ7 = 0x1.2329fc1378ddep-43; // 1.2930279186272805876e-13
    static final double TQ8 = 0x1.0aac6e2bbbcb2p-54; // 5.7825609767869215813e-17
    static final double TQ9 = 0x1.e864ab6a18875p-68; // 6.4638307185123238746e-21
    /**
     * The first point from 17.9 up where a P(a^2) and Q(a^2) round to the same double, so that tanh
     * is 1 there (ElementaryTest): there 1 - tanh is 5.6e-16, 5 ulp, and from
     * about 19.06 on tanh is 1 in float64.
     */
    static final double TANH_LIMIT = 0x1.1ea699923fb7cp4; // 17.9157
    // log1p(e) = e + e^2 P(e) / Q(e) on [0, 1], P / Q within 3.22e-18 relative of (log1p(e) - e) / e^2
    static final double LP0 = -0x1.0000000000000p-1; // -0.49999999999999999839
    static final double LP1 = -0x1.3f0bf9fcd44f0p+0; // -1.2462764971026523911
    static final double LP2 = -0x1.20ae488875154p+0; // -1.1276593526027527341
    static final double LP3 = -0x1.cc5a076456713p-2; // -0.44956218290245537393
    static final double LP4 = -0x1.3569e20fb28ebp-4; // -0.075540431072258645828
    static final double LP5 = -0x1.0564da028b460p-8; // -0.0039885551691841435239
    static final double LP6 = -0x1.75549c5cb021ep-20; // -1.390764530359693225e-6
    static final double LQ0 = 0x1.0000000000000p+0; // 1.0
    static final double LQ1 = 0x1.94614f5229a42p+1; // 3.1592196608719698752
    static final double LQ2 = 0x1.ee447d69e63f0p+1; // 3.8614651457869442957
    static final double LQ3 = 0x1.259c0ba9cb547p+1; // 2.2938246325562974421
    static final double LQ4 = 0x1.5c1e5ff8ec3c6p-1; // 0.67991924203499174044
    static final double LQ5 = 0x1.771395b220e72p-4; // 0.09157141184737741175
    static final double LQ6 = 0x1.0caea895495acp-8; // 0.0040997659282643700222

    private Elementary() {
    }

    /** x rounded to an integer, plus {@link #ROUNDER}: rint(x m) without leaving the FP unit. */
    static double rounded(double x, double m) {
        return Math.fma(x, m, ROUNDER);
    }

    /** 2^n from t = n + ROUNDER, |n| &lt;= 1022: n's low 12 bits moved into the exponent field. */
    static double powerOfTwo(double t) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(t) << 52) + ONE_BITS);
    }

    /**
     * expm1(r) for |r| &lt;= ln(2)/2 (a little more does no harm), the polynomial by Estrin's scheme:
     * 6 dependent operations instead of Horner's 13, so that a SIMD loop is not bound by FMA latency.
     */
    static double expm1Reduced(double r) {
        double r2 = r * r;
        double r4 = r2 * r2;
        double b0 = Math.fma(Math.fma(r, E5, E4), r2, Math.fma(r, E3, E2));
        double b1 = Math.fma(Math.fma(r, E9, E8), r2, Math.fma(r, E7, E6));
        double b2 = Math.fma(Math.fma(r, E13, E12), r2, Math.fma(r, E11, E10));
        double q = Math.fma(b2, r4 * r4, Math.fma(b1, r4, b0));
        return Math.fma(r, r * q, r);
    }

    /** x - n ln 2 for n = t - ROUNDER. */
    static double reduced(double x, double t) {
        double n = t - ROUNDER;
        return Math.fma(n, -LN2_LO, Math.fma(n, -LN2_HI, x));
    }

    /** exp(x) for |x| &lt;= {@link #EXP_LIMIT} (the caller clamps). */
    static double exp(double x) {
        double t = rounded(x, LOG2E);
        double p = expm1Reduced(reduced(x, t));
        double s = powerOfTwo(t);
        return Math.fma(s, p, s);
    }

    /**
     * tanh(z) = sign(z) (a &gt; {@link #TANH_LIMIT} ? 1 : a P(a^2) / Q(a^2)), a = |z|: odd bit for bit,
     * NaN for NaN, and 1 beyond the limit, where the quotient may overflow. Below the limit the
     * quotient is at most 1 (none above in 2.2e9 random points on [0, 17.92] nor in the 2^28 doubles
     * below the limit; ElementaryTest), so one test does both clamps: on lanes each is a compare and
     * a blend, which C2 (JDK 17) compiles into four instructions.
     */
    static double tanh(double z) {
        double a = Math.abs(z);
        double y = a * a;
        double t = a * tanhP(y) / tanhQ(y);
        return withSignOf(a > TANH_LIMIT ? 1 : t, z);
    }

    /**
     * tanh's numerator over a: P(y), y = a^2, by Estrin's scheme (pairs of coefficients, then pairs
     * of pairs with y^2, y^4 and y^8): the same terms as Horner's rule in a chain a third as long, and
     * on lanes 10% faster (0.71 to 0.63 ns a value and slope; every coefficient is positive, so no
     * order cancels).
     */
    static double tanhP(double y) {
        return degree9(y, TP0, TP1, TP2, TP3, TP4, TP5, TP6, TP7, TP8, TP9);
    }

    /** tanh's denominator Q(y), as {@link #tanhP}. */
    static double tanhQ(double y) {
        return degree9(y, TQ0, TQ1, TQ2, TQ3, TQ4, TQ5, TQ6, TQ7, TQ8, TQ9);
    }

    /** c0 + c1 y + ... + c9 y^9 by Estrin's scheme. */
    private static double degree9(double y, double c0, double c1, double c2, double c3, double c4, double c5,
                                  double c6, double c7, double c8, double c9) {
        double y2 = y * y;
        double y4 = y2 * y2;
        double low = Math.fma(y2, Math.fma(c3, y, c2), Math.fma(c1, y, c0));
        double mid = Math.fma(y2, Math.fma(c7, y, c6), Math.fma(c5, y, c4));
        return Math.fma(y4 * y4, Math.fma(c9, y, c8), Math.fma(y4, mid, low));
    }

    /** |a| with z's sign bit (a &gt;= 0 or NaN). */
    static double withSignOf(double a, double z) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) | (Double.doubleToRawLongBits(z) & SIGN_BIT));
    }

    /** sin(r) for |r| &lt;= pi/4, given y = r^2 and y^2; S(y) by Estrin's scheme. */
    static double sinReduced(double r, double y, double y2) {
        double b0 = Math.fma(Math.fma(y, S3, S2), y2, Math.fma(y, S1, S0));
        double q = Math.fma(Math.fma(y, S5, S4), y2 * y2, b0);
        return Math.fma(r * y, q, r);
    }

    /** cos(r) for |r| &lt;= pi/4, given y = r^2 and y^2. */
    static double cosReduced(double y, double y2) {
        double b0 = Math.fma(Math.fma(y, C3, C2), y2, Math.fma(y, C1, C0));
        double b1 = Math.fma(C6, y2, Math.fma(y, C5, C4));
        return Math.fma(y, Math.fma(b1, y2 * y2, b0), 1);
    }

    /** |z| - k pi/2 for k = t - ROUNDER. */
    static double reducedByHalfPi(double a, double t) {
        double k = t - ROUNDER;
        return Math.fma(k, -PIO2_3, Math.fma(k, -PIO2_2, Math.fma(k, -PIO2_1, a)));
    }

    static double sin(double z) {
        double a = Math.abs(z);
        if (a > TRIG_LIMIT) {
            return StrictMath.sin(z);
        }
        double t = rounded(a, TWO_OVER_PI);
        double r = reducedByHalfPi(a, t);
        double y = r * r;
        double y2 = y * y;
        long quadrant = Double.doubleToRawLongBits(t);
        double s = sinReduced(r, y, y2);
        double c = cosReduced(y, y2);
        long bits = Double.doubleToRawLongBits((quadrant & 1) != 0 ? c : s);
        // sin is odd: z's sign, and a minus in quadrants 2 and 3
        return Double.longBitsToDouble(bits ^ ((quadrant & 2) << 62) ^ (Double.doubleToRawLongBits(z) & SIGN_BIT));
    }

    static double cos(double z) {
        double a = Math.abs(z);
        if (a > TRIG_LIMIT) {
            return StrictMath.cos(z);
        }
        double t = rounded(a, TWO_OVER_PI);
        double r = reducedByHalfPi(a, t);
        double y = r * r;
        double y2 = y * y;
        long quadrant = Double.doubleToRawLongBits(t);
        double s = sinReduced(r, y, y2);
        double c = cosReduced(y, y2);
        long bits = Double.doubleToRawLongBits((quadrant & 1) != 0 ? s : c);
        return Double.longBitsToDouble(bits ^ (((quadrant + 1) & 2) << 62)); // minus in quadrants 1 and 2
    }

    /**
     * log1p(e) for 0 &lt;= e &lt;= 1: e + e^2 P(e) / Q(e), P / Q a minimax rational of degrees 6/6 for
     * (log1p(e) - e) / e^2 (relative error 3.2e-18), P and Q by Estrin's scheme: no branch, so on
     * lanes no blend, and the leading term e exact (e P / Q for all of it was 6 ulp from StrictMath).
     */
    static double log1pUnit(double e) {
        double e2 = e * e;
        double e4 = e2 * e2;
        double p = degree6(e, e2, e4, LP0, LP1, LP2, LP3, LP4, LP5, LP6);
        double q = degree6(e, e2, e4, LQ0, LQ1, LQ2, LQ3, LQ4, LQ5, LQ6);
        return Math.fma(e2, p / q, e);
    }

    /** c0 + c1 e + ... + c6 e^6 by Estrin's scheme, given e^2 and e^4. */
    private static double degree6(double e, double e2, double e4, double c0, double c1, double c2, double c3,
                                  double c4, double c5, double c6) {
        return Math.fma(e4, Math.fma(e2, c6, Math.fma(c5, e, c4)),
                Math.fma(e2, Math.fma(c3, e, c2), Math.fma(c1, e, c0)));
    }

    /** e^-|z| for softplus, e^-708 below -708. */
    static double expNegativeAbs(double z) {
        return exp(Math.max(-Math.abs(z), -EXP_LIMIT));
    }

    /** Below this ELU's expm1 is -1 in float64 (from about -37.4 on); its argument is clamped here. */
    static final double EXPM1_LIMIT = -40;

    /**
     * expm1(c) for c &lt;= 0 (ELU's negative side) from exp's reduction c = k ln 2 + r: 2^k expm1(r) +
     * (2^k - 1), one fma, 2^k - 1 exact for k = 0 .. -53, so that near 0 (k = 0) it is expm1(r)
     * itself and nothing cancels; -1 from c = -37.4 on ({@link #EXPM1_LIMIT}), +0 at c = -0. Within
     * 1 ulp of StrictMath, where the quotient of the rational tanh's polynomials it replaced was
     * within 5, at the same cost per ELU value and slope on lanes (0.68 ns).
     */
    static double expm1NonPositive(double c) {
        double x = c < EXPM1_LIMIT ? EXPM1_LIMIT : c;
        double t = rounded(x, LOG2E);
        double p = expm1Reduced(reduced(x, t));
        double s = powerOfTwo(t);
        return Math.fma(s, p, s - 1);
    }
}
