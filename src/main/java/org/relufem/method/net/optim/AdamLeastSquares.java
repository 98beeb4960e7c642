package org.relufem.method.net.optim;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM;

/**
 * Adam on the hidden layers with the output layer solved exactly by least squares at every step
 * (the hybrid of Cyr, Gulian, Patel, Perego &amp; Trask, "Robust training and initialization of deep
 * neural networks: an adaptive basis viewpoint", 2020): {@link Adam} (unchanged, torch's update with
 * learning rate {@code lr}) steps the hidden parameters only, then the output weights and bias are
 * set to the minimiser of the loss for the new hidden layers.
 *
 * <p>It works on a {@link LeastSquaresObjective} whose last two parameter blocks are the output
 * layer's weights and bias, in which the residuals are affine (true of {@code MseObjective}): their
 * Jacobian columns are then the design matrix [features, 1], and one least-squares solve of
 * J_out delta = -r (truncated SVD, the minimum-norm solution) makes the output layer exact.
 * The whole Jacobian is formed, so problems with more than {@value #MAX_JACOBIAN_ENTRIES} entries
 * (points x parameters) are refused. Full batch only. One {@link #step} is an Adam step on the
 * hidden layers followed by the solve, so the parameters after every step (and every checkpoint)
 * have the optimal output layer; it returns the loss before the step, as Adam does.
 */
public final class AdamLeastSquares implements StepSizeOptimizer {
    /** 25 million doubles, 200 MB. */
    public static final long MAX_JACOBIAN_ENTRIES = 25_000_000L;
    /**
     * Singular values of the design below this times max(m, k) times the largest are dropped. ReLU
     * units active on every point are affine in x, so collinear with the bias column and each other;
     * solving exactly (pivoted QR did) yields huge cancelling output weights that the next hidden
     * step turns into a loss of 1e21. The truncated SVD gives the minimum-norm minimiser instead.
     */
    static final double SINGULAR_THRESHOLD = 1e-10;

    private final Adam adam;
    private DMatrixRMaj jacobian;
    private DMatrixRMaj design;
    private DMatrixRMaj negativeResiduals;
    private DMatrixRMaj solution;
    private double[] residuals;
    private SolvePseudoInverseSvd_DDRM leastSquares;
    private Objective hidden;
    private Objective hiddenOf;

    public AdamLeastSquares(double lr) {
        this.adam = new Adam(lr);
    }

    @Override
    public double step(Objective objective) {
        if (!(objective instanceof LeastSquaresObjective squares)) {
            throw new IllegalArgumentException("adam_lsq needs a least-squares objective (residuals and Jacobian), got "
                    + objective.getClass().getSimpleName());
        }
        if (objective.isMiniBatch()) {
            throw new IllegalArgumentException("adam_lsq needs the full batch (batch_size 0): the output layer is"
                    + " solved on all points");
        }
        Parameters parameters = objective.parameters();
        double[][] values = parameters.values();
        if (values.length < 3) {
            throw new IllegalArgumentException("adam_lsq needs hidden blocks before the output weights and bias, got "
                    + values.length + " blocks");
        }
        int m = squares.residualCount();
        int n = parameters.size();
        if ((long) m * n > MAX_JACOBIAN_ENTRIES) {
            throw new IllegalArgumentException("adam_lsq forms the " + m + " x " + n + " Jacobian, over its cap of "
                    + MAX_JACOBIAN_ENTRIES + " entries");
        }
        double[] outputWeights = values[values.length - 2];
        double[] outputBias = values[values.length - 1];
        int k = outputWeights.length + outputBias.length;
        if (jacobian == null || jacobian.numRows != m || jacobian.numCols != n || design.numCols != k) {
            allocate(m, n, k);
        }
        if (hiddenOf != objective) {
            hidden = hiddenView(objective);
            hiddenOf = objective;
        }
        double before = adam.step(hidden);
        squares.residualsAndJacobian(residuals, jacobian);
        int first = n - k;
        for (int i = 0; i < m; i++) {
            System.arraycopy(jacobian.data, i * n + first, design.data, i * k, k);
            negativeResiduals.data[i] = -residuals[i];
        }
        if (leastSquares.setA(design)) {
            leastSquares.solve(negativeResiduals, solution);
            double[] delta = solution.data;
            if (Arrays.stream(delta).allMatch(Double::isFinite)) {
                for (int j = 0; j < outputWeights.length; j++) {
                    outputWeights[j] += delta[j];
                }
                for (int j = 0; j < outputBias.length; j++) {
                    outputBias[j] += delta[outputWeights.length + j];
                }
            }
        }
        return before;
    }

    /** Adam's learning rate for the hidden layers; the output-layer solve has none. */
    @Override
    public void setLearningRate(double lr) {
        adam.setLearningRate(lr);
    }

    private void allocate(int m, int n, int k) {
        jacobian = new DMatrixRMaj(m, n);
        design = new DMatrixRMaj(m, k);
        negativeResiduals = new DMatrixRMaj(m, 1);
        solution = new DMatrixRMaj(k, 1);
        residuals = new double[m];
        leastSquares = new SolvePseudoInverseSvd_DDRM(m, k);
        leastSquares.setThreshold(SINGULAR_THRESHOLD);
    }

    /** The objective seen through its hidden blocks only (shared arrays), so Adam leaves the output layer alone. */
    private static Objective hiddenView(Objective objective) {
        Parameters all = objective.parameters();
        int blocks = all.values().length - 2;
        Parameters view = new Parameters(Arrays.copyOf(all.values(), blocks), Arrays.copyOf(all.gradients(), blocks));
        return new Objective() {
            @Override
            public Parameters parameters() {
                return view;
            }

            @Override
            public double evaluate() {
                return objective.evaluate();
            }
        };
    }
}
