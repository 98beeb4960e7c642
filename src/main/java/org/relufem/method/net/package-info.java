/**
 * Fully connected ReLU networks on EJML: PyTorch-default initialisation, MSE loss with a
 * hand-written backward pass, and training with epoch checkpoints. Optimisers live in {@code optim}
 * and see the network only as parameter blocks and an objective.
 */
package org.relufem.method.net;
