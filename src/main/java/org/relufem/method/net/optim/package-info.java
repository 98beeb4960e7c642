/**
 * Optimisers over parameter blocks: they see an {@link org.relufem.method.net.optim.Objective}
 * (loss and gradient at the current parameters) and never the network. {@link
 * org.relufem.method.net.optim.Adam} needs nothing more; {@link org.relufem.method.net.optim.Lbfgs}
 * needs one fixed loss (not mini-batched); {@link org.relufem.method.net.optim.LevenbergMarquardt}
 * and {@link org.relufem.method.net.optim.AdamLeastSquares} need a
 * {@link org.relufem.method.net.optim.LeastSquaresObjective}, which adds residuals and their Jacobian.
 */
package org.relufem.method.net.optim;
