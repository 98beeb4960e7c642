/**
 * Optimisers over parameter blocks: they see an {@link org.relufem.method.net.optim.Objective}
 * (loss and gradient at the current parameters) and never the network, so L-BFGS or
 * Levenberg-Marquardt slot in beside {@link org.relufem.method.net.optim.Adam}.
 */
package org.relufem.method.net.optim;
