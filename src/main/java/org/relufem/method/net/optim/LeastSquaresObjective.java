package org.relufem.method.net.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * An {@link Objective} that is a mean of squared residuals, loss = (1/m) sum_i r_i^2, and can give
 * the residuals' Jacobian, for Gauss-Newton type optimisers such as {@link LevenbergMarquardt}.
 */
public interface LeastSquaresObjective extends Objective {
    /** m, the number of residuals: the rows of the Jacobian. */
    int residualCount();

    /**
     * Writes the residuals at the current parameters and their Jacobian dr_i / dp_j, with one row per
     * residual and one column per parameter, parameters numbered block by block in {@link
     * Parameters#values()} order.
     *
     * @param residuals length {@link #residualCount()}. Modified.
     * @param jacobian {@link #residualCount()} x {@link Parameters#size()}. Modified.
     */
    void residualsAndJacobian(double[] residuals, DMatrixRMaj jacobian);
}
