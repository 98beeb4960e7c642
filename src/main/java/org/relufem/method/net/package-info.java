/**
 * Fully connected ReLU networks on EJML: initialisers (PyTorch's default, He, normal; the exact
 * FEM start lives in {@code method.fem}), MSE loss with a hand-written backward pass, and training
 * with epoch checkpoints, an optional exponential learning-rate decay and an optional early stop,
 * in float64 or (Adam only) float32 ({@link org.relufem.method.net.Precision}).
 * Optimisers live in {@code optim} and see the network only as parameter blocks and an objective.
 */
package org.relufem.method.net;
