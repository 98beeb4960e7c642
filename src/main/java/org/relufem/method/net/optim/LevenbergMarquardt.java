package org.relufem.method.net.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Levenberg-Marquardt on the residuals of a {@link LeastSquaresObjective}: with Jacobian J,
 * residuals r and g = J^T r, solve (J^T J + mu I) h = -g by Cholesky and accept x + h when it lowers
 * the sum of squares, adapting mu by Nielsen's rule (Madsen, Nielsen &amp; Tingleff, "Methods for
 * non-linear least squares problems", 2004, Alg. 3.16): gain ratio rho = actual / predicted
 * decrease, predicted = h^T (mu h - g) / 2; on rho &gt; 0 mu *= max(1/3, 1 - (2 rho - 1)^3) and
 * nu = 2, else mu *= nu, nu *= 2.
 *
 * <p>The damping is mu I rather than Marquardt's mu diag(J^T J): dead ReLU units give zero columns
 * of J, which would leave a diagonal scaling singular. MINPACK's form of the scaling (the running
 * maximum of diag(J^T J), 1 for columns zero throughout) was tried on 1 -> 20 -> 1 tanh nets, 5
 * init seeds: on sin(pi x) from 1,000 points it reached a median test RMSE of 4.5e-8 in 3,000
 * steps where mu I needs 10,000 for 7.8e-8, but on logsin's 65 grid points its median after 10,000
 * steps was 3.3e-5 against mu I's 8.7e-6, so mu I stays.
 *
 * <p>One {@link #step} computes J once and retries with larger mu until a step is accepted (at most
 * {@value #MAX_TRIES} tries; then it leaves the parameters unchanged). {@code lr} is the initial
 * damping relative to the largest diagonal entry of J^T J, Nielsen's tau: mu_0 = lr max_i (J^T J)_ii;
 * his suggested 1e-3 is the registry's default lr, and larger values start closer to gradient
 * descent.
 *
 * <p>With a gradient tolerance, a step whose starting point has |g| &lt;= tol |g_1| (g_1 the first
 * step's gradient) takes no step and {@link #stopped()} reports {@link #GRAD_TOL}; a step whose
 * {@value #MAX_TRIES} tries found nothing that lowers the loss reports {@link #NO_DESCENT}. Without
 * one, such a step leaves the parameters as they are and the next starts with fresh damping.
 *
 * <p>J^T J is dense, n x n: nets above {@value #MAX_PARAMETERS} parameters are refused. Full batch
 * only.
 */
public final class LevenbergMarquardt implements Optimizer {
    /** The largest parameter count accepted: J^T J then takes 200 MB and a Cholesky ~4e10 flops. */
    public static final int MAX_PARAMETERS = 5000;
    static final int MAX_TRIES = 30;

    private final double tau;
    private final Double gradTol;
    private String stopped;
    /** |J^T r| at the first step. */
    private double firstGradient = Double.NaN;
    private DMatrixRMaj jacobian;
    private DMatrixRMaj normal;
    private DMatrixRMaj system;
    private DMatrixRMaj gradient;
    private DMatrixRMaj stepVector;
    private DMatrixRMaj residualVector;
    private double[] residuals;
    private double[] x;
    private LinearSolverDense<DMatrixRMaj> cholesky;
    private double mu = Double.NaN;
    private double nu = 2;

    /** No tolerance. */
    public LevenbergMarquardt(double lr) {
        this(lr, null);
    }

    /** @param gradTol the gradient norm, relative to the first step's, that stops training; null for none */
    public LevenbergMarquardt(double lr, Double gradTol) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be a positive number, got " + lr);
        }
        if (gradTol != null && !(gradTol > 0 && gradTol < 1)) {
            throw new IllegalArgumentException("grad_tol must be in (0, 1), got " + gradTol);
        }
        this.tau = lr;
        this.gradTol = gradTol;
    }

    @Override
    public String stopped() {
        return stopped;
    }

    @Override
    public double step(Objective objective) {
        if (!(objective instanceof LeastSquaresObjective leastSquares)) {
            throw new IllegalArgumentException("lm needs a least-squares objective (residuals and Jacobian), got "
                    + objective.getClass().getSimpleName());
        }
        if (objective.isMiniBatch()) {
            throw new IllegalArgumentException("lm needs the full batch (batch_size 0): its gain ratio compares"
                    + " one fixed loss");
        }
        Parameters parameters = objective.parameters();
        int n = parameters.size();
        if (n > MAX_PARAMETERS) {
            throw new IllegalArgumentException("lm handles at most " + MAX_PARAMETERS + " parameters (J^T J is dense),"
                    + " the network has " + n);
        }
        int m = leastSquares.residualCount();
        if (jacobian == null || jacobian.numRows != m || jacobian.numCols != n) {
            allocate(m, n);
        }
        stopped = null;
        leastSquares.residualsAndJacobian(residuals, jacobian);
        double sumSquares = 0;
        for (double r : residuals) {
            sumSquares += r * r;
        }
        double before = sumSquares / m;
        if (!Double.isFinite(before)) {
            return before;
        }
        normalMatrix(jacobian, normal);
        CommonOps_DDRM.multTransA(jacobian, residualVector, gradient);
        if (gradTol != null) {
            double norm = norm(gradient.data);
            if (Double.isNaN(firstGradient)) {
                firstGradient = norm;
            }
            if (norm <= gradTol * firstGradient) {
                stopped = GRAD_TOL;
                return before;
            }
        }
        if (Double.isNaN(mu)) {
            double largest = 0;
            for (int i = 0; i < n; i++) {
                largest = Math.max(largest, normal.unsafe_get(i, i));
            }
            mu = tau * (largest > 0 ? largest : 1);
        }
        Lbfgs.flatten(parameters.values(), x);
        double half = 0.5 * sumSquares;
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            system.setTo(normal);
            for (int i = 0; i < n; i++) {
                system.unsafe_set(i, i, system.unsafe_get(i, i) + mu);
            }
            if (!cholesky.setA(system)) { // J^T J + mu I is positive definite in exact arithmetic
                mu *= nu;
                nu *= 2;
                continue;
            }
            cholesky.solve(gradient, stepVector);
            double[] h = stepVector.data; // holds -h until negated
            double predicted = 0;
            double[][] values = parameters.values();
            int at = 0;
            for (double[] block : values) {
                for (int i = 0; i < block.length; i++) {
                    double hi = -h[at];
                    predicted += hi * (mu * hi - gradient.data[at]);
                    block[i] = x[at] + hi;
                    at++;
                }
            }
            predicted *= 0.5;
            double trial = 0.5 * m * objective.evaluate();
            double rho = (half - trial) / predicted;
            if (rho > 0 && predicted > 0 && Double.isFinite(trial)) {
                double t = 2 * rho - 1;
                mu *= Math.max(1.0 / 3, 1 - t * t * t);
                nu = 2;
                return before;
            }
            Lbfgs.unflatten(x, parameters.values());
            mu *= nu;
            nu *= 2;
            if (!Double.isFinite(mu)) {
                break;
            }
        }
        mu = Double.NaN; // start afresh next step
        nu = 2;
        if (gradTol != null) {
            stopped = NO_DESCENT;
        }
        return before;
    }

    /**
     * out = J^T J, bit for bit what EJML's {@code multTransA(J, J, out)} gives (every entry sums
     * J_ki J_kj over k in ascending order, starting from the product at k = 0), but with rows of J
     * as the outer loop: each row updates the upper triangle, which stays in cache (26 KB for the
     * 81 parameters of a 2 -> 20 -> 1 net) while J streams through once, instead of once per column;
     * the lower triangle is copied. Half the flops of the general product: the LM iteration on
     * 4225 x 81 measured 45 ms with multTransA, see jobs/bench's lm rows for this form.
     *
     * @param jacobian m x n. Not modified.
     * @param out n x n. Modified.
     */
    static void normalMatrix(DMatrixRMaj jacobian, DMatrixRMaj out) {
        int m = jacobian.numRows;
        int n = jacobian.numCols;
        double[] a = jacobian.data;
        double[] c = out.data;
        for (int i = 0; i < n; i++) {
            double ai = a[i];
            int row = i * n;
            for (int j = i; j < n; j++) {
                c[row + j] = ai * a[j];
            }
        }
        for (int k = 1; k < m; k++) {
            int start = k * n;
            for (int i = 0; i < n; i++) {
                double ai = a[start + i];
                int row = i * n;
                for (int j = i; j < n; j++) {
                    c[row + j] += ai * a[start + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                c[j * n + i] = c[i * n + j];
            }
        }
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private void allocate(int m, int n) {
        jacobian = new DMatrixRMaj(m, n);
        normal = new DMatrixRMaj(n, n);
        system = new DMatrixRMaj(n, n);
        gradient = new DMatrixRMaj(n, 1);
        stepVector = new DMatrixRMaj(n, 1);
        residualVector = new DMatrixRMaj(m, 1);
        residuals = residualVector.data;
        x = new double[n];
        cholesky = LinearSolverFactory_DDRM.chol(n);
        mu = Double.NaN;
        nu = 2;
    }
}
