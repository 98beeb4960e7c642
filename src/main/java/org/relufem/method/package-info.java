/**
 * The contract every approximation method meets: an {@link org.relufem.method.Approximator} fits
 * from a sample set and returns {@link org.relufem.method.Approximant}s that evaluate at points and
 * report their degrees of freedom. Metrics and the trial runner see only this contract.
 */
package org.relufem.method;
