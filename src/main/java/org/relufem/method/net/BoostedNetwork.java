package org.relufem.method.net;

import java.util.List;
import org.relufem.method.Approximant;

/**
 * The sum of a boosted fit's stages, g = sum_k s_k g_k, with s_1 = 1 and s_k the scale of the
 * residual stage k was trained on ({@link Boosting}); evaluated stage by stage in order.
 *
 * <p>Its degrees of freedom are every stage's parameters and the scales s_2 .. s_K; its
 * parameter vector is theta_1, s_2, theta_2, ..., s_K, theta_K, each theta_k in
 * {@link Network#parameterVector()} order.
 */
public final class BoostedNetwork implements Approximant {
    private final List<Network> stages;
    private final double[] scales;

    BoostedNetwork(List<Network> stages, double[] scales) {
        if (stages.isEmpty() || scales.length != stages.size() || scales[0] != 1) {
            throw new IllegalArgumentException("a boosted network needs one scale per stage, the first 1");
        }
        this.stages = List.copyOf(stages);
        this.scales = scales.clone();
    }

    /** This sum with {@code next} added at {@code scale}. */
    BoostedNetwork plus(double scale, Network next) {
        List<Network> more = new java.util.ArrayList<>(stages);
        more.add(next);
        double[] s = java.util.Arrays.copyOf(scales, scales.length + 1);
        s[scales.length] = scale;
        return new BoostedNetwork(more, s);
    }

    /** The stages so far. */
    public int stageCount() {
        return stages.size();
    }

    @Override
    public int dimension() {
        return stages.get(0).dimension();
    }

    @Override
    public double value(double[] x, int offset) {
        double sum = 0;
        for (int k = 0; k < stages.size(); k++) {
            sum += scales[k] * stages.get(k).value(x, offset);
        }
        return sum;
    }

    @Override
    public void values(double[] points, int count, double[] out) {
        double[] stage = new double[count];
        java.util.Arrays.fill(out, 0, count, 0.0);
        for (int k = 0; k < stages.size(); k++) {
            stages.get(k).values(points, count, stage);
            for (int i = 0; i < count; i++) {
                out[i] += scales[k] * stage[i];
            }
        }
    }

    @Override
    public long degreesOfFreedom() {
        long total = stages.size() - 1;
        for (Network n : stages) {
            total += n.degreesOfFreedom();
        }
        return total;
    }

    @Override
    public double[] parameterVector() {
        double[] out = new double[(int) degreesOfFreedom()];
        int at = 0;
        for (int k = 0; k < stages.size(); k++) {
            if (k > 0) {
                out[at++] = scales[k];
            }
            double[] theta = stages.get(k).parameterVector();
            System.arraycopy(theta, 0, out, at, theta.length);
            at += theta.length;
        }
        return out;
    }

    @Override
    public String toString() {
        return stages.size() + " boosted stages of " + stages.get(0);
    }
}
