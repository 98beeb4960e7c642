#!/usr/bin/env python3
"""jobs/bench's machine-learning peers: the seed recipe in JAX and PyTorch, one thread each.

Runs inside the virtual environment jobs/bench.py makes under target/peers (jax, jaxlib, torch,
numpy), and prints one TSV table on stdout: peer, dtype, width, activation, seconds (1000
full-batch Adam steps of one 2 -> width -> 1 net on the 32 x 32 grid nodes, median over seeds, or
per net for vmap), compile_s (apart from seconds), nets, mse_median (test MSE on 1000 uniform
points, median over the nets, computed here in numpy), mse_init (seed 0's net at its initial weights),
note. A peer that is missing or fails prints its rows with seconds "-" and the reason in note; the
others still run.

The recipe is conf/seed.conf's: PyTorch's nn.Linear init U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for
weights and biases, drawn here with numpy's default_rng(seed) layer by layer (W1, b1, W2, b2) so
that JAX and PyTorch start every seed from the same weights; torch.optim.Adam's update (lr 1e-3,
betas 0.9 / 0.999, eps 1e-8).

  jax_jit    the 1000 steps inside one jax.jit (lax.fori_loop), compiled ahead of time; ReLU at
             both dtypes, and in float64 each of relufem's other activations (--activations, as
             relufem defines them: leaky slope 0.01, elu alpha 1, gelu's tanh form), seed 0's net
  jax_vmap   jax.jit(jax.vmap(...)) of the same loop over the stacked inits of all vmap seeds,
             one call; seconds = call time / nets
  torch_eager        torch.optim.Adam, loss.backward(), one Python step per iteration
  torch_compile      the same with the loss's module through torch.compile (inductor);
                     compile_s = the first steps' time less their eager time

Threads: XLA_FLAGS, OMP/MKL/OpenBLAS variables and torch.set_num_threads(1) are set before any
work. The process is not pinned to a core, as relufem's JMH forks are not: on a shared machine a
pinned process waits for its core while the other one idles.

Widths above 100 cost ten times as much per net: --big-seeds nets each (jax_jit, torch), vmap and
torch at the dtypes of --big-dtypes-vmap and --big-dtypes-torch only; jax_jit at both.

  python bench_ml.py [--widths 100,1000] [--seeds 3] [--big-seeds 1] [--vmap-seeds 10]
                     [--big-dtypes-vmap float32] [--big-dtypes-torch float32] [--peers jax,torch]
                     [--activations tanh,elu]  (default: all six; "" for none)
"""
import argparse
import os
import statistics
import sys
import time
import traceback

os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "")
                           + " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1").strip()
for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[var] = "1"

import numpy as np  # noqa: E402  (after the thread settings)

STEPS = 1000
LR, BETA1, BETA2, EPS = 1e-3, 0.9, 0.999, 1e-8


def seed_target(p):
    return np.sin(np.pi * p[:, 0]) * np.cos(np.pi * p[:, 1]) + 0.1 * (p[:, 0] ** 2 + p[:, 1] ** 2)


def grid_points(n=32):
    axis = np.linspace(0.0, 1.0, n)
    return np.array([(x, y) for y in axis for x in axis])


TRAIN_X = grid_points()
TRAIN_Y = seed_target(TRAIN_X)
TEST_X = np.random.default_rng(20261201).random((1000, 2))
TEST_Y = seed_target(TEST_X)


def initial_weights(width, seed):
    """(W1 (width, 2), b1 (width,), W2 (1, width), b2 (1,)) in float64, nn.Linear's distribution."""
    rng = np.random.default_rng(seed)
    out = []
    for fan_in, fan_out in ((2, width), (width, 1)):
        bound = 1 / np.sqrt(fan_in)
        out.append(rng.uniform(-bound, bound, (fan_out, fan_in)))
        out.append(rng.uniform(-bound, bound, fan_out))
    return tuple(out)


def gelu_np(z):
    return 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z ** 3)))


# relufem's activations (Activation.java) in numpy, for the test MSE of every peer's trained net
NUMPY_ACTIVATIONS = {
    "relu": lambda z: np.maximum(z, 0),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z),
    "elu": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0))),
    "tanh": np.tanh,
    "sin": np.sin,
    "softplus": lambda z: np.logaddexp(0, z),
    "gelu": gelu_np,
}
SMOOTH = ("leaky_relu", "elu", "tanh", "sin", "softplus", "gelu")


def test_mse(w1, b1, w2, b2, activation="relu"):
    w1, b1, w2, b2 = (np.asarray(a, dtype=np.float64) for a in (w1, b1, w2, b2))
    predicted = NUMPY_ACTIVATIONS[activation](TEST_X @ w1.T + b1) @ w2.T + b2
    return float(np.mean((predicted[:, 0] - TEST_Y) ** 2))


def row(peer, dtype, width, seconds, compile_s, mses, note="", activation="relu"):
    mse = statistics.median(mses) if mses else None
    print("\t".join([peer, dtype, str(width), activation, "-" if seconds is None else f"{seconds:.6g}",
                     "-" if compile_s is None else f"{compile_s:.4g}", str(len(mses)),
                     "-" if mse is None else f"{mse:.4g}",
                     f"{test_mse(*initial_weights(width, 0), activation):.4g}", note or "-"]), flush=True)


def first_line(e):
    text = str(e).strip().splitlines()
    return f"{type(e).__name__}: {text[0] if text else ''}"[:200].replace("\t", " ")


# ---------------------------------------------------------------- JAX
def jax_cases(widths, seed_count, vmap_seeds, big_dtypes, activations):
    try:
        import jax
        import jax.numpy as jnp
    except ImportError as e:
        for w in widths:
            for dt in ("float64", "float32"):
                row("jax_jit", dt, w, None, None, [], "not installed: " + first_line(e))
        return
    jax.config.update("jax_enable_x64", True)
    functions = {"relu": jax.nn.relu, "leaky_relu": lambda z: jax.nn.leaky_relu(z, 0.01), "elu": jax.nn.elu,
                 "tanh": jnp.tanh, "sin": jnp.sin, "softplus": jax.nn.softplus,
                 "gelu": lambda z: jax.nn.gelu(z, approximate=True)}

    def trainer(activation):
        """The 1000 Adam steps of one net with the activation, as one function of (params, x, y)."""
        act = functions[activation]

        def loss(params, x, y):
            w1, b1, w2, b2 = params
            out = act(x @ w1.T + b1) @ w2.T + b2
            return jnp.mean((out[:, 0] - y) ** 2)

        grad = jax.grad(loss)
        return lambda params, x, y: train(grad, params, x, y)

    def train(grad, params, x, y):
        zeros = tuple(jnp.zeros_like(p) for p in params)

        def adam_step(t, state):
            p, m, v = state
            g = grad(p, x, y)
            m = tuple(BETA1 * mi + (1 - BETA1) * gi for mi, gi in zip(m, g))
            v = tuple(BETA2 * vi + (1 - BETA2) * gi * gi for vi, gi in zip(v, g))
            step = (t + 1).astype(x.dtype)
            bc1 = 1 - BETA1 ** step
            bc2 = 1 - BETA2 ** step
            p = tuple(pi - (LR / bc1) * mi / (jnp.sqrt(vi) / jnp.sqrt(bc2) + EPS) for pi, mi, vi in zip(p, m, v))
            return p, m, v

        return jax.lax.fori_loop(0, STEPS, adam_step, (params, zeros, zeros))[0]

    relu = trainer("relu")
    cases = [(width, dtype, "relu") for width in widths for dtype in ("float64", "float32")]
    cases += [(width, "float64", activation) for activation in activations for width in widths]
    for width, dtype, activation in cases:
        try:
            dt = jnp.dtype(dtype)
            x, y = jnp.asarray(TRAIN_X, dt), jnp.asarray(TRAIN_Y, dt)
            inits = [tuple(jnp.asarray(a, dt) for a in initial_weights(width, s))
                     for s in range(seed_count(width) if activation == "relu" else 1)]
            t = time.perf_counter()
            compiled = jax.jit(trainer(activation)).lower(inits[0], x, y).compile()
            compile_s = time.perf_counter() - t
            if width <= 100 or activation == "relu":  # warm-up: buffers, thread pool (it would double sin's)
                jax.block_until_ready(compiled(inits[0], x, y))
            times, mses = [], []
            for p0 in inits:
                t = time.perf_counter()
                trained = jax.block_until_ready(compiled(p0, x, y))
                times.append(time.perf_counter() - t)
                mses.append(test_mse(*trained, activation))
            row("jax_jit", dtype, width, statistics.median(times), compile_s, mses, activation=activation)
        except Exception as e:  # a failing case is a row, the others go on
            traceback.print_exc(file=sys.stderr)
            row("jax_jit", dtype, width, None, None, [], "failed: " + first_line(e), activation=activation)

    for width in widths:
        for dtype in ("float32", "float64"):
            if width > 100 and dtype not in big_dtypes:
                continue
            try:
                dt = jnp.dtype(dtype)
                x, y = jnp.asarray(TRAIN_X, dt), jnp.asarray(TRAIN_Y, dt)
                stacked = tuple(jnp.asarray(np.stack(blocks), dt)
                                for blocks in zip(*(initial_weights(width, s) for s in range(vmap_seeds))))
                t = time.perf_counter()
                compiled = jax.jit(jax.vmap(relu, in_axes=(0, None, None))).lower(stacked, x, y).compile()
                compile_s = time.perf_counter() - t
                if width <= 100:  # a warm-up call; at width 1000 it would cost half a minute
                    jax.block_until_ready(compiled(stacked, x, y))
                t = time.perf_counter()
                trained = jax.block_until_ready(compiled(stacked, x, y))
                per_net = (time.perf_counter() - t) / vmap_seeds
                mses = [test_mse(*(np.asarray(b)[i] for b in trained)) for i in range(vmap_seeds)]
                row("jax_vmap", dtype, width, per_net, compile_s, mses)
            except Exception as e:
                traceback.print_exc(file=sys.stderr)
                row("jax_vmap", dtype, width, None, None, [], "failed: " + first_line(e))


# ---------------------------------------------------------------- PyTorch
def torch_cases(widths, seed_count, big_dtypes):
    try:
        import torch
    except ImportError as e:
        for w in widths:
            for mode in ("torch_eager", "torch_compile"):
                row(mode, "float32", w, None, None, [], "not installed: " + first_line(e))
        return
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)

    def make(width, dtype):
        net = torch.nn.Sequential(torch.nn.Linear(2, width), torch.nn.ReLU(), torch.nn.Linear(width, 1)).to(dtype)
        return net

    def load(net, width, seed):
        w1, b1, w2, b2 = initial_weights(width, seed)
        with torch.no_grad():
            for param, value in zip(net.parameters(), (w1, b1, w2, b2)):
                param.copy_(torch.from_numpy(value))

    def weights(net):
        return [p.detach().to(torch.float64).numpy() for p in net.parameters()]

    def train(net, forward, x, y, steps):
        opt = torch.optim.Adam(net.parameters(), lr=LR, betas=(BETA1, BETA2), eps=EPS)
        for _ in range(steps):
            opt.zero_grad(set_to_none=True)
            loss = torch.mean((forward(x)[:, 0] - y) ** 2)
            loss.backward()
            opt.step()

    for mode in ("torch_eager", "torch_compile"):
        for width in widths:
            for name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
                if width > 100 and name not in big_dtypes:
                    continue
                try:
                    x = torch.from_numpy(TRAIN_X).to(dtype)
                    y = torch.from_numpy(TRAIN_Y).to(dtype)
                    net = make(width, dtype)
                    compile_s = None
                    if mode == "torch_compile":
                        forward = torch.compile(net)
                        load(net, width, 0)
                        t = time.perf_counter()
                        train(net, forward, x, y, 3)  # the first call compiles forward and backward
                        first = time.perf_counter() - t
                        load(net, width, 0)
                        t = time.perf_counter()
                        train(net, forward, x, y, 3)
                        compile_s = first - (time.perf_counter() - t)
                    else:
                        forward = net
                        load(net, width, 0)
                        train(net, forward, x, y, 20)  # warm-up
                    times, mses = [], []
                    for seed in range(seed_count(width)):
                        load(net, width, seed)
                        t = time.perf_counter()
                        train(net, forward, x, y, STEPS)
                        times.append(time.perf_counter() - t)
                        mses.append(test_mse(*weights(net)))
                    row(mode, name, width, statistics.median(times), compile_s, mses)
                except Exception as e:
                    traceback.print_exc(file=sys.stderr)
                    row(mode, name, width, None, None, [], "failed: " + first_line(e))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--widths", default="100,1000")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--big-seeds", type=int, default=3, help="nets per case above width 100")
    ap.add_argument("--vmap-seeds", type=int, default=10)
    ap.add_argument("--big-dtypes-vmap", default="float32,float64")
    ap.add_argument("--big-dtypes-torch", default="float32,float64")
    ap.add_argument("--peers", default="jax,torch")
    ap.add_argument("--activations", default=",".join(SMOOTH), help="jax_jit float64 rows beside ReLU's")
    a = ap.parse_args()
    activations = [act for act in a.activations.split(",") if act]
    unknown = [act for act in activations if act not in SMOOTH]
    if unknown:
        ap.error(f"--activations: unknown {', '.join(unknown)} (known: {', '.join(SMOOTH)})")
    widths = [int(w) for w in a.widths.split(",")]
    print("# ml peers: 1000 Adam steps of 2 -> width -> 1 on the 32 x 32 grid, one thread, seconds per net")
    print("peer\tdtype\twidth\tactivation\tseconds\tcompile_s\tnets\tmse_median\tmse_init\tnote", flush=True)
    peers = a.peers.split(",")

    def seed_count(width):
        return a.seeds if width <= 100 else a.big_seeds
    if "jax" in peers:
        jax_cases(widths, seed_count, a.vmap_seeds, a.big_dtypes_vmap.split(","), activations)
    if "torch" in peers:
        torch_cases(widths, seed_count, a.big_dtypes_torch.split(","))


if __name__ == "__main__":
    main()
