package org.relufem.method.net.optim;

/**
 * {@link Adam} in float32, as {@code torch.optim.Adam} on float tensors: the moments m and v and
 * every update in {@code float}, the bias corrections (from the step count) computed in double and
 * rounded to float once per step. m &lt;- m + (1 - beta1)(g - m), v &lt;- beta2 v + (1 - beta2) g^2,
 * p &lt;- p - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps), with torch's defaults
 * (0.9, 0.999, 1e-8). The square root of a float taken in double and rounded back is the correctly
 * rounded float square root (double carries more than twice float's digits), the pattern C2 turns
 * into float's own square root.
 */
public final class FloatAdam {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;
    private float lr;
    private float[][] m;
    private float[][] v;
    private int t;

    public FloatAdam(double lr) {
        setLearningRate(lr);
    }

    /**
     * Evaluates the objective and takes one step on its parameters, allocating the moments on the
     * first call only.
     *
     * @return the loss at the parameters before the step
     */
    public double step(FloatObjective objective) {
        double loss = objective.evaluate();
        float[][] p = objective.values();
        float[][] g = objective.gradients();
        if (m == null) {
            m = new float[p.length][];
            v = new float[p.length][];
            for (int b = 0; b < p.length; b++) {
                m[b] = new float[p[b].length];
                v[b] = new float[p[b].length];
            }
        }
        t++;
        float stepSize = (float) (lr / (1 - Math.pow(BETA1, t)));
        float sqrtBias2 = (float) Math.sqrt(1 - Math.pow(BETA2, t));
        float oneMinusBeta1 = 1 - BETA1;
        float oneMinusBeta2 = 1 - BETA2;
        for (int b = 0; b < p.length; b++) {
            float[] pb = p[b];
            float[] gb = g[b];
            float[] mb = m[b];
            float[] vb = v[b];
            for (int i = 0; i < pb.length; i++) {
                float gi = gb[i];
                float mi = mb[i] + oneMinusBeta1 * (gi - mb[i]);
                float vi = BETA2 * vb[i] + oneMinusBeta2 * gi * gi;
                mb[i] = mi;
                vb[i] = vi;
                pb[i] -= stepSize * (mi / ((float) Math.sqrt(vi) / sqrtBias2 + EPS));
            }
        }
        return loss;
    }

    /** As {@link StepSizeOptimizer#setLearningRate}: the moments and the step count stay. */
    public void setLearningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be a positive number, got " + lr);
        }
        this.lr = (float) lr;
    }
}
