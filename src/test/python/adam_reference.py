#!/usr/bin/env python3
"""Reference values for AdamReferenceTest: three steps of torch.optim.Adam on a tiny ReLU net.

An independent re-statement in numpy of what relufem computes in Java: a 2 -> 3 ReLU -> 1
network, MSE over four points, gradients by the chain rule written out here, and Adam with
torch's update rule (lr 0.01, betas 0.9/0.999, eps 1e-8, bias correction, exp_avg by lerp).
Prints the loss before each step and the parameters after it, in relufem's parameter order
(W1 row-major, b1, W2, b2), with 17 significant digits.

Run: python3 src/test/python/adam_reference.py
"""
import numpy as np

X = np.array([[0.1, 0.2], [0.4, 0.9], [0.7, 0.3], [0.95, 0.55]])
y = np.array([0.5, -0.2, 0.3, 0.8])
W1 = np.array([[0.3, -0.5], [0.8, 0.1], [-0.4, 0.6]])
b1 = np.array([0.05, -0.3, 0.2])
W2 = np.array([[0.7, -0.6, 0.9]])
b2 = np.array([0.1])
params = [W1, b1, W2, b2]
lr, beta1, beta2, eps = 0.01, 0.9, 0.999, 1e-8
m = [np.zeros_like(p) for p in params]
v = [np.zeros_like(p) for p in params]

for t in range(1, 4):
    W1, b1, W2, b2 = params
    z1 = X @ W1.T + b1
    a1 = np.maximum(z1, 0)
    out = (a1 @ W2.T + b2)[:, 0]
    loss = np.mean((out - y) ** 2)
    dout = 2.0 / len(y) * (out - y)                 # dL/dout
    gW2 = dout[None, :] @ a1                        # (1,3)
    gb2 = np.array([dout.sum()])
    dz1 = np.outer(dout, W2[0]) * (z1 > 0)
    gW1 = dz1.T @ X
    gb1 = dz1.sum(axis=0)
    grads = [gW1, gb1, gW2, gb2]
    bc1 = 1 - beta1 ** t
    bc2 = 1 - beta2 ** t
    for i, (p, g) in enumerate(zip(params, grads)):
        m[i] = m[i] + (1 - beta1) * (g - m[i])
        v[i] = beta2 * v[i] + (1 - beta2) * g * g
        params[i] = p - (lr / bc1) * (m[i] / (np.sqrt(v[i]) / np.sqrt(bc2) + eps))
    flat = np.concatenate([q.ravel() for q in params])
    print(f"step {t} loss {float(loss)!r}")
    print("  {" + ", ".join(repr(float(x)) for x in flat) + "},")
