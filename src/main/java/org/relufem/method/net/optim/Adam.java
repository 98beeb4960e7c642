package org.relufem.method.net.optim;

/**
 * Adam exactly as {@code torch.optim.Adam} (no weight decay, no amsgrad): with g the gradient at
 * step t, m &lt;- m + (1 - beta1)(g - m) (torch's lerp), v &lt;- beta2 v + (1 - beta2) g^2,
 * p &lt;- p - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * (Kingma &amp; Ba 2015, Algorithm 1, with eps outside the bias-corrected square root as in torch).
 */
public final class Adam implements StepSizeOptimizer {
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private double[][] m;
    private double[][] v;
    private int t;

    /** torch's defaults: betas (0.9, 0.999), eps 1e-8. */
    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    public Adam(double lr, double beta1, double beta2, double eps) {
        requireLearningRate(lr);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must lie in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("eps must be >= 0, got " + eps);
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public double step(Objective objective) {
        Parameters parameters = objective.parameters();
        double loss = objective.evaluate();
        double[][] p = parameters.values();
        double[][] g = parameters.gradients();
        if (m == null || !sameShape(m, p)) {
            m = zerosLike(p);
            v = zerosLike(p);
            t = 0;
        }
        t++;
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double sqrtBias2 = Math.sqrt(1 - Math.pow(beta2, t));
        double oneMinusBeta1 = 1 - beta1;
        double oneMinusBeta2 = 1 - beta2;
        for (int b = 0; b < p.length; b++) {
            double[] pb = p[b];
            double[] gb = g[b];
            double[] mb = m[b];
            double[] vb = v[b];
            for (int i = 0; i < pb.length; i++) {
                double gi = gb[i];
                double mi = mb[i] + oneMinusBeta1 * (gi - mb[i]);
                double vi = beta2 * vb[i] + oneMinusBeta2 * gi * gi;
                mb[i] = mi;
                vb[i] = vi;
                pb[i] -= stepSize * (mi / (Math.sqrt(vi) / sqrtBias2 + eps));
            }
        }
        return loss;
    }

    /** Torch's {@code param_group["lr"] = lr}: the moments and the bias-correction step count stay. */
    @Override
    public void setLearningRate(double lr) {
        requireLearningRate(lr);
        this.lr = lr;
    }

    private static void requireLearningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be a positive number, got " + lr);
        }
    }

    private static boolean sameShape(double[][] a, double[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                return false;
            }
        }
        return true;
    }

    private static double[][] zerosLike(double[][] blocks) {
        double[][] out = new double[blocks.length][];
        for (int i = 0; i < blocks.length; i++) {
            out[i] = new double[blocks[i].length];
        }
        return out;
    }
}
