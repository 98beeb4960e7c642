#!/usr/bin/env python3
"""jobs/bench's second-order peers: scipy's L-BFGS-B and MINPACK Levenberg-Marquardt on the
problems relufem's OptimizerIterationBenchmark writes (target/bench/optim/*.tsv: the training
points, their target values and the initial weights of a d -> 20 -> 1 net), float64, one thread.

Per problem, the same loss as relufem's (the mean squared residual of net(x) - y over all
points) with its gradient, and the residuals with their Jacobian, written out in numpy:
  L-BFGS-B  scipy.optimize.minimize(method="L-BFGS-B", jac=True), 10 correction pairs as relufem's
            L-BFGS, ftol = gtol = 0 so that it runs the benchmark's iteration count
  LM        scipy.optimize.least_squares(method="lm", jac=...) (MINPACK lmder), tolerances at
            1e-15 and max_nfev = the iteration count; an iteration is one Jacobian
Prints one TSV table: problem, method, iterations, evaluations, jacobians, s_per_iteration
(median over --reps runs of the whole call divided by its iterations), start_loss, final_loss.

  python3 bench_optim.py DIR [--reps 3]
"""
import argparse
import glob
import os
import statistics
import time

import numpy as np
from scipy.optimize import least_squares, minimize


def read_problem(path):
    meta, points = {}, []
    with open(path) as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if cells[0] == "point":
                points.append([float(c) for c in cells[1:]])
            elif cells[0] == "parameters":
                meta["parameters"] = np.array([float(c) for c in cells[1:]])
            else:
                meta[cells[0]] = cells[1]
    data = np.array(points)
    return meta, data[:, :-1].copy(), data[:, -1].copy()


class Net:
    """d -> w -> 1 with parameters flat as W1 (w x d, row-major), b1, W2 (1 x w), b2."""

    def __init__(self, x, y, width, activation):
        self.x, self.y, self.w = x, y, width
        self.m, self.d = x.shape
        if activation == "relu":
            self.act = lambda z: np.maximum(z, 0)
            self.slope = lambda z, a: (z > 0).astype(z.dtype)
        elif activation == "tanh":
            self.act = np.tanh
            self.slope = lambda z, a: 1 - a * a
        else:
            raise ValueError("activation " + activation)

    def unpack(self, p):
        w, d = self.w, self.d
        return p[:w * d].reshape(w, d), p[w * d:w * d + w], p[w * d + w:w * d + 2 * w], p[-1]

    def forward(self, p):
        w1, b1, w2, b2 = self.unpack(p)
        z = self.x @ w1.T + b1
        a = self.act(z)
        return z, a, w2, a @ w2 + b2 - self.y

    def loss_and_gradient(self, p):
        z, a, w2, r = self.forward(p)
        dout = (2 / self.m) * r
        dz = np.outer(dout, w2) * self.slope(z, a)
        grad = np.concatenate([(dz.T @ self.x).ravel(), dz.sum(0), dout @ a, [dout.sum()]])
        return float(r @ r) / self.m, grad

    def residuals(self, p):
        return self.forward(p)[3]

    def jacobian(self, p):
        z, a, w2, _ = self.forward(p)
        delta = self.slope(z, a) * w2  # d r_i / d b1_j
        dw1 = (delta[:, :, None] * self.x[:, None, :]).reshape(self.m, -1)
        return np.hstack([dw1, delta, a, np.ones((self.m, 1))])


def lbfgsb(net, x0, iterations):
    res = minimize(net.loss_and_gradient, x0, jac=True, method="L-BFGS-B",
                   options={"maxiter": iterations, "maxcor": 10, "ftol": 0.0, "gtol": 0.0, "maxfun": 100 * iterations})
    return res.nit, res.nfev, res.nfev, res.fun


def lm(net, x0, iterations):
    res = least_squares(net.residuals, x0, jac=net.jacobian, method="lm", ftol=1e-15, xtol=1e-15, gtol=1e-15,
                        max_nfev=iterations)
    return res.njev, res.nfev, res.njev, float(res.fun @ res.fun) / net.m


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--reps", type=int, default=3)
    a = ap.parse_args()
    print("# scipy optimisers: seconds per iteration on relufem's optimiser problems, float64, one thread")
    print("problem\tmethod\titerations\tevaluations\tjacobians\ts_per_iteration\tstart_loss\tfinal_loss")
    for path in sorted(glob.glob(os.path.join(a.dir, "*.tsv"))):
        meta, x, y = read_problem(path)
        net = Net(x, y, int(meta["width"]), meta["activation"])
        x0 = meta["parameters"]
        iterations = int(meta["iterations"])
        start = net.loss_and_gradient(x0)[0]
        problem = os.path.basename(path)[:-4]
        for method, run in (("L-BFGS-B", lbfgsb), ("LM", lm)):
            run(net, x0.copy(), iterations)  # warm-up: imports, caches
            per_iteration = []
            for _ in range(a.reps):
                t = time.perf_counter()
                its, evaluations, jacobians, final = run(net, x0.copy(), iterations)
                per_iteration.append((time.perf_counter() - t) / max(its, 1))
            print(f"{problem}\t{method}\t{its}\t{evaluations}\t{jacobians}\t{statistics.median(per_iteration):.6g}"
                  f"\t{start:.10g}\t{final:.6g}", flush=True)


if __name__ == "__main__":
    main()
