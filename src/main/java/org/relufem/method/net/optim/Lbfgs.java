package org.relufem.method.net.optim;

/**
 * Limited-memory BFGS with the two-loop recursion (Nocedal &amp; Wright, Numerical Optimization, 2nd
 * ed., Alg. 7.4, initial matrix H0 = (s^T y / y^T y) I as in eq. 7.20) and a line search satisfying
 * the strong Wolfe conditions (Alg. 3.5 bracketing, Alg. 3.6 zoom with a safeguarded cubic, c1 =
 * 1e-4, c2 = 0.9).
 *
 * <p>One {@link #step} is one L-BFGS iteration, evaluating the objective as often as its line search
 * needs (usually once or twice). The loss and gradient at the accepted point are kept, so the next
 * step does not re-evaluate unless something else moved the parameters.
 *
 * <p>{@code lr} is the trial step length of every line search, as in {@code torch.optim.LBFGS}: the
 * first iteration tries {@code lr * min(1, 1 / |g|_1)} along -g, later ones {@code lr} along the
 * quasi-Newton direction. 1 is the standard value (the quasi-Newton step itself); a smaller lr costs
 * a few extra evaluations while the line search extrapolates, a larger one a few while it zooms.
 *
 * <p>With a gradient tolerance, a step whose starting point has |g| &lt;= tol |g_1| (g_1 the first
 * step's gradient) takes no step and {@link #stopped()} reports {@link #GRAD_TOL}; a step whose line
 * search finds no acceptable point reports {@link #NO_DESCENT}. Without one, such a step leaves the
 * parameters as they are (dropping the history) and training goes on.
 *
 * <p>Full batch only: the curvature pairs and the line search assume one fixed function, so a
 * {@linkplain Objective#isMiniBatch() mini-batched} objective is refused.
 *
 * <p>Over 300 lines because the two-loop recursion, the bracketing phase and the zoom share the
 * iterate's buffers and the cached loss; split apart they would pass a dozen arrays around.
 */
public final class Lbfgs implements Optimizer {
    static final double C1 = 1e-4;
    static final double C2 = 0.9;
    private static final int MAX_EVALUATIONS = 25;
    private static final double EXTRAPOLATION = 4;
    /** Curvature pairs kept by default. */
    static final int MEMORY = 10;

    private final double lr;
    private final int memory;
    private final Double gradTol;
    private String stopped;
    /** |g| at the first step. */
    private double firstGradient = Double.NaN;
    private double[] x;
    private double[] g;
    private double[] direction;
    private double[] trialX;
    private double[] trialG;
    private double[][] s;
    private double[][] y;
    private double[] rho;
    private double[] alpha;
    private int stored;
    private int newest = -1;
    private double loss;
    private boolean cached;

    /** History of 10 pairs, no tolerance. */
    public Lbfgs(double lr) {
        this(lr, MEMORY, null);
    }

    /** @param gradTol the gradient norm, relative to the first step's, that stops training; null for none */
    public Lbfgs(double lr, int memory, Double gradTol) {
        if (gradTol != null && !(gradTol > 0 && gradTol < 1)) {
            throw new IllegalArgumentException("grad_tol must be in (0, 1), got " + gradTol);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be a positive number, got " + lr);
        }
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be >= 1, got " + memory);
        }
        this.lr = lr;
        this.memory = memory;
        this.gradTol = gradTol;
    }

    @Override
    public String stopped() {
        return stopped;
    }

    /** Marks the stop (with a tolerance only) and returns {@code loss}. */
    private double stop(String reason, double loss) {
        if (gradTol != null) {
            stopped = reason;
        }
        return loss;
    }

    @Override
    public double step(Objective objective) {
        if (objective.isMiniBatch()) {
            throw new IllegalArgumentException("lbfgs needs the full batch (batch_size 0): its line search and"
                    + " curvature pairs assume one fixed loss");
        }
        Parameters parameters = objective.parameters();
        int n = parameters.size();
        if (x == null || x.length != n) {
            allocate(n);
        }
        if (!cached || !equalsBlocks(x, parameters.values())) {
            loss = objective.evaluate();
            flatten(parameters.values(), x);
            flatten(parameters.gradients(), g);
            cached = true;
        }
        double before = loss;
        stopped = null;
        if (!Double.isFinite(loss)) {
            return before;
        }
        if (gradTol != null) {
            double norm = Math.sqrt(dot(g, g));
            if (Double.isNaN(firstGradient)) {
                firstGradient = norm;
            }
            if (norm <= gradTol * firstGradient) {
                stopped = GRAD_TOL;
                return before;
            }
        }
        boolean first = stored == 0;
        twoLoop();
        double slope = dot(g, direction);
        if (!(slope < 0)) { // not a descent direction (lost curvature): restart from steepest descent
            forget();
            first = true;
            twoLoop();
            slope = dot(g, direction);
            if (!(slope < 0)) {
                return stop(NO_DESCENT, before); // zero gradient: a stationary point
            }
        }
        double initial = first ? lr * Math.min(1, 1 / norm1(g)) : lr;
        double accepted = lineSearch(objective, parameters, slope, initial);
        if (accepted == 0) { // no acceptable point (round-off near a minimum): stay, and drop the history
            unflatten(x, parameters.values());
            loss = before;
            forget();
            return stop(NO_DESCENT, before);
        }
        // the objective was last evaluated at the accepted point, held in trialX / trialG / loss
        int slot = (newest + 1) % memory;
        double sy = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double si = trialX[i] - x[i];
            double yi = trialG[i] - g[i];
            s[slot][i] = si;
            y[slot][i] = yi;
            sy += si * yi;
            yy += yi * yi;
        }
        if (sy > 1e-300 && yy > 0) { // the strong Wolfe conditions guarantee sy > 0 up to round-off
            rho[slot] = 1 / sy;
            newest = slot;
            stored = Math.min(stored + 1, memory);
        }
        System.arraycopy(trialX, 0, x, 0, n);
        System.arraycopy(trialG, 0, g, 0, n);
        return before;
    }

    private void allocate(int n) {
        x = new double[n];
        g = new double[n];
        direction = new double[n];
        trialX = new double[n];
        trialG = new double[n];
        s = new double[memory][n];
        y = new double[memory][n];
        rho = new double[memory];
        alpha = new double[memory];
        stored = 0;
        newest = -1;
        cached = false;
    }

    private void forget() {
        stored = 0;
        newest = -1;
    }

    /** direction = -H g by Alg. 7.4. */
    private void twoLoop() {
        int n = g.length;
        double[] q = direction;
        for (int i = 0; i < n; i++) {
            q[i] = -g[i];
        }
        for (int k = 0; k < stored; k++) {
            int j = Math.floorMod(newest - k, memory);
            alpha[j] = rho[j] * dot(s[j], q);
            axpy(-alpha[j], y[j], q);
        }
        if (stored > 0) {
            double[] yn = y[newest];
            scale(1 / (rho[newest] * dot(yn, yn)), q);
        }
        for (int k = stored - 1; k >= 0; k--) {
            int j = Math.floorMod(newest - k, memory);
            double beta = rho[j] * dot(y[j], q);
            axpy(alpha[j] - beta, s[j], q);
        }
    }

    /**
     * Alg. 3.5: returns an accepted step length, leaving trialX / trialG / loss at that point and
     * the parameters there, or 0 when no point satisfying the strong Wolfe conditions was found.
     */
    private double lineSearch(Objective objective, Parameters parameters, double slope0, double initial) {
        double f0 = loss;
        double previousStep = 0;
        double previousF = f0;
        double previousSlope = slope0;
        double step = initial;
        for (int evaluation = 0; evaluation < MAX_EVALUATIONS; evaluation++) {
            double f = evaluateAt(objective, parameters, step);
            double slope = dot(trialG, direction);
            if (!(f <= f0 + C1 * step * slope0) || (evaluation > 0 && f >= previousF)) {
                return zoom(objective, parameters, f0, slope0, previousStep, previousF, previousSlope,
                        step, f, slope, MAX_EVALUATIONS - evaluation - 1);
            }
            if (Math.abs(slope) <= -C2 * slope0) {
                return step;
            }
            if (slope >= 0) {
                return zoom(objective, parameters, f0, slope0, step, f, slope,
                        previousStep, previousF, previousSlope, MAX_EVALUATIONS - evaluation - 1);
            }
            previousStep = step;
            previousF = f;
            previousSlope = slope;
            step *= EXTRAPOLATION;
        }
        return 0;
    }

    /** Alg. 3.6: lo satisfies sufficient decrease with the lowest f so far; the minimiser lies between lo and hi. */
    private double zoom(Objective objective, Parameters parameters, double f0, double slope0,
                        double lo, double fLo, double slopeLo, double hi, double fHi, double slopeHi, int budget) {
        for (int evaluation = 0; evaluation < budget; evaluation++) {
            double step = cubicMinimiser(lo, fLo, slopeLo, hi, fHi, slopeHi);
            double f = evaluateAt(objective, parameters, step);
            double slope = dot(trialG, direction);
            if (!(f <= f0 + C1 * step * slope0) || f >= fLo) {
                hi = step;
                fHi = f;
                slopeHi = slope;
            } else {
                if (Math.abs(slope) <= -C2 * slope0) {
                    return step;
                }
                if (slope * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    slopeHi = slopeLo;
                }
                lo = step;
                fLo = f;
                slopeLo = slope;
            }
            if (Math.abs(hi - lo) <= 1e-16 * Math.max(Math.abs(lo), Math.abs(hi))) {
                break;
            }
        }
        return 0;
    }

    /**
     * The minimiser of the cubic through (a, fa, da) and (b, fb, db) (N&amp;W eq. 3.59), kept within
     * the middle 80% of [a, b]; the midpoint when the cubic has no minimiser there.
     */
    static double cubicMinimiser(double a, double fa, double da, double b, double fb, double db) {
        double lower = Math.min(a, b);
        double upper = Math.max(a, b);
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double radicand = d1 * d1 - da * db;
        double t = Double.NaN;
        if (radicand >= 0) {
            double d2 = Math.copySign(Math.sqrt(radicand), b - a);
            t = b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
        }
        double margin = 0.1 * (upper - lower);
        if (!(t >= lower + margin && t <= upper - margin)) {
            return 0.5 * (lower + upper);
        }
        return t;
    }

    private double evaluateAt(Objective objective, Parameters parameters, double step) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            trialX[i] = x[i] + step * direction[i];
        }
        unflatten(trialX, parameters.values());
        loss = objective.evaluate();
        flatten(parameters.gradients(), trialG);
        return loss;
    }

    static void flatten(double[][] blocks, double[] out) {
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
    }

    static void unflatten(double[] flat, double[][] blocks) {
        int at = 0;
        for (double[] b : blocks) {
            System.arraycopy(flat, at, b, 0, b.length);
            at += b.length;
        }
    }

    private static boolean equalsBlocks(double[] flat, double[][] blocks) {
        int at = 0;
        for (double[] b : blocks) {
            for (double v : b) {
                if (Double.doubleToLongBits(v) != Double.doubleToLongBits(flat[at++])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm1(double[] a) {
        double sum = 0;
        for (double v : a) {
            sum += Math.abs(v);
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
