#!/usr/bin/env python3
"""jobs/bench's driver: runs relufem's cases and the peers' back to back and joins them.

Every time is a median over repetitions measured in this run; ratios < 1 mean relufem is faster
(the scaling ratios are medians of ratios paired rep by rep, see warm_scaling).
Peers live in ../shared/peers (read-only; the libtorch one is copied and built under target/),
except JAX and PyTorch (jobs/bench_ml.py, in a virtual environment under target/peers that this
script fills from the package index) and scipy's second-order optimisers (jobs/bench_optim.py, on
the problems relufem's OptimizerIterationBenchmark writes).
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.normpath(os.path.join(ROOT, "..", "shared", "peers"))
QUICK = "--quick" in sys.argv[1:]
SCALING_SPEC = "conf/bench-speedup.conf"
ONE_THREAD = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
VENV = os.path.join(ROOT, "target", "peers", "venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
# The seed recipe's test MSE (DESIGN.md section 1): a peer's time counts only when the median over
# its nets lies in the range of the recipe's 10 seeds at width 100; at width 1000 the recipe gives
# a median of 7.3e-6 and no range, so a factor of 5 either way.
MSE_RANGE = {100: (2.8e-4, 1.6e-3), 1000: (7.3e-6 / 5, 7.3e-6 * 5)}
ML_PEERS = (("jax_jit", "JAX jit"), ("jax_vmap", "JAX vmap x10, per net"), ("torch_eager", "PyTorch eager"),
            ("torch_compile", "torch.compile"))
OPTIM_PROBLEMS = ("logsin_relu", "logsin_tanh", "seed2d_relu", "seed2d_tanh")
ACTIVATIONS = ("leaky_relu", "elu", "tanh", "sin", "softplus", "gelu")
GRID_POINTS = 32 * 32  # the seed recipe's training set, which the step benchmarks run on


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def run(cmd, env=None, cwd=None, timeout=3600):
    return subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=True).stdout


def tables(text):
    """{title: (header, rows)} for the '# title' + TSV blocks the peers print."""
    out, title, header, rows = {}, None, None, []
    for line in text.splitlines() + ["#"]:
        if line.startswith("#") or not line.strip():
            if header:
                out[title] = (header, rows)
            header, rows = None, []
            title = line.lstrip("# ").strip() if line.startswith("#") else title
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
        else:
            rows.append(dict(zip(header, cells)))
    return out


def java(main, *args):
    """A java command line for one of relufem's test-scope mains, with Spark's module options."""
    cp = ":".join([os.path.join(ROOT, "target/test-classes"), os.path.join(ROOT, "target/classes"),
                   open(os.path.join(ROOT, "target/test-classpath.txt")).read().strip()])
    return (["java"] + os.environ.get("RELUFEM_MODULE_OPTIONS", "").split()
            + ["-Dlog4j2.configurationFile=" + os.path.join(ROOT, "conf/log4j2.properties"), "-cp", cp, main]
            + list(args))


def relufem_cases():
    log("relufem: JMH kernels")
    out = run(java("org.relufem.bench.BenchMain", *(["--quick"] if QUICK else [])), cwd=ROOT)
    # JMH's forked JVMs inherit the module options and print JDK warnings to stdout: not data.
    out = "\n".join(line for line in out.splitlines() if not line.startswith("WARNING:"))
    return {r["case"]: float(r["value"]) for r in tables(out)[None][1]}


class ScalingWorker:
    """A live org.relufem.bench.ScalingWorker JVM (a local[cores] session): one command, one time."""

    def __init__(self, cores):
        self.cores = cores
        self.log = os.path.join(ROOT, "target", "bench", f"worker-local{cores}.log")
        out = os.path.join(ROOT, "target", "bench", f"warm-local{cores}")
        self.proc = subprocess.Popen(java("org.relufem.bench.ScalingWorker", str(cores), SCALING_SPEC, out),
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=open(self.log, "w"), text=True)

    def seconds(self, command):
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        for line in self.proc.stdout:
            if line.startswith("seconds\t"):
                return float(line.split("\t")[1])
        raise RuntimeError(f"the local[{self.cores}] bench worker stopped; see {self.log}")

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=300)


def warm_scaling(reps):
    """Medians of the scaling times and of their ratios paired rep by rep.

    A local[1] and a local[2] worker stay alive and take turns (order swapped every rep), each
    running the sweep and the same trials on plain threads, so that every ratio compares times
    taken seconds apart under the same host load. Both have run the sweep once before timing
    starts: Spark's one-off class loading and code generation are the cold case's business."""
    log(f"sweep of {SCALING_SPEC} warm on local[1] and local[2], alternating, {reps} reps")
    os.makedirs(os.path.join(ROOT, "target", "bench"), exist_ok=True)
    workers = {c: ScalingWorker(c) for c in (1, 2)}
    try:
        for w in workers.values():
            w.seconds("sweep")
        t = {(c, k): [] for c in workers for k in ("sweep", "plain")}
        for rep in range(reps):
            for c in ((1, 2) if rep % 2 == 0 else (2, 1)):
                for k in ("plain", "sweep"):
                    t[c, k].append(workers[c].seconds(k))
            log("rep " + ", ".join(f"{k} local[{c}] {v[-1]:.2f} s" for (c, k), v in sorted(t.items())))
    finally:
        for w in workers.values():
            w.close()
    med = {key: statistics.median(v) for key, v in t.items()}

    def paired(a, b):
        return statistics.median(x / y for x, y in zip(t[a], t[b]))
    return med, {"sweep": paired((2, "sweep"), (1, "sweep")), "plain": paired((2, "plain"), (1, "plain")),
                 "spark": paired((2, "sweep"), (2, "plain"))}


def numpy_peer():
    log("numpy peer: 1000 Adam steps, widths 100 and 1000, float64 and float32")
    out = run([sys.executable, os.path.join(PEERS, "numpy_mlp.py"), "--widths", "100,1000",
               "--seeds", "0-1" if QUICK else "0-4", "--dtypes", "float64,float32"], env=ONE_THREAD)
    rows = next(v for k, v in tables(out).items() if k and k.startswith("summary"))[1]
    return {(r["dtype"], int(r["width"])): float(r["wall_s_median"]) for r in rows}


def scipy_peer():
    log("scipy peer: interpolation on the 32 x 32 grid")
    out = run([sys.executable, os.path.join(PEERS, "scipy_interp.py"), "--reps", "3" if QUICK else "5",
               "--sizes", "32"], env=ONE_THREAD)
    t = tables(out)
    linear = next(v for k, v in t.items() if k and k.startswith("LinearND"))[1][0]
    bilinear = next(v for k, v in t.items() if k and k.startswith("secondary"))[1][0]
    return float(linear["eval_ns_per_pt_100k"]), float(bilinear["eval_ns_per_pt_100k"])


def gemm_peak(dtype="float64"):
    log(f"machine peak: numpy (OpenBLAS) {dtype} matrix multiply, 1024 x 1024, one thread")
    code = ("import numpy as np, time\n"
            f"a = np.random.rand(1024, 1024).astype('{dtype}'); b = np.random.rand(1024, 1024).astype('{dtype}'); a @ b\n"
            "ts = []\n"
            "for _ in range(7):\n"
            "    t = time.perf_counter(); a @ b; ts.append(time.perf_counter() - t)\n"
            "print(2 * 1024 ** 3 / sorted(ts)[3] / 1e9)\n")
    return float(run([sys.executable, "-c", code], env=ONE_THREAD))


def libtorch_peer():
    build = os.path.join(ROOT, "target", "peers", "libtorch")
    try:
        if not os.path.isdir(os.path.join(build, "target", "classes")):
            log("libtorch peer: building a copy under target/peers (fetches libtorch's native jar once)")
            shutil.rmtree(build, ignore_errors=True)
            shutil.copytree(os.path.join(PEERS, "libtorch"), build)
            for dirpath, dirs, files in os.walk(build):
                os.chmod(dirpath, 0o755)
                for f in files:
                    os.chmod(os.path.join(dirpath, f), 0o755 if f.endswith(".sh") else 0o644)
            run(["mvn", "-q", "-B", "package"], cwd=build, timeout=1800)
        log("libtorch peer: 1000 Adam steps, width 100, float32")
        out = run([os.path.join(build, "run.sh"), "--threads", "1", "--mode", "raw", "--width", "100",
                   "--seeds", "0-1" if QUICK else "0-4", "--reps", "1" if QUICK else "3"], cwd=build, timeout=1800)
        rows = next(v for k, v in tables(out).items() if k and k.startswith("summary"))[1]
        return float(rows[0]["wall_s_median"])
    except (subprocess.SubprocessError, OSError, StopIteration, KeyError) as e:
        log(f"libtorch peer skipped: {str(e).splitlines()[0] if str(e) else type(e).__name__}")
        return None


def first_line(e):
    text = (getattr(e, "stderr", None) or str(e) or type(e).__name__).strip().splitlines()
    return text[-1] if text else type(e).__name__


def venv_has(module):
    return subprocess.run([VENV_PYTHON, "-c", f"import {module}"], capture_output=True).returncode == 0


def ml_venv():
    """target/peers/venv with numpy, jax, jaxlib and torch (CPU), installed on first use.

    A package the index refuses is said in one line and its peer left out; None when there is no
    virtual environment at all."""
    try:
        if not os.path.exists(VENV_PYTHON):
            log("ml peers: creating target/peers/venv")
            run([sys.executable, "-m", "venv", VENV])
        pip = [VENV_PYTHON, "-m", "pip", "install", "-q", "--retries", "1"]
        for module, names, fallback in (("numpy", ["numpy"], None), ("jax", ["jax", "jaxlib"], None),
                                        ("torch", ["torch"], ["--index-url", "https://download.pytorch.org/whl/cpu"])):
            if venv_has(module):
                continue
            log(f"ml peers: installing {' '.join(names)} into target/peers/venv (once)")
            try:
                run(pip + names, timeout=1800)
            except subprocess.CalledProcessError as e:
                if fallback is None:
                    log(f"{module} peer skipped: pip install {' '.join(names)} failed: {first_line(e)}")
                    continue
                try:
                    run(pip + fallback + names, timeout=1800)
                except subprocess.CalledProcessError as e2:
                    log(f"{module} peer skipped: pip install {' '.join(names)} failed: {first_line(e2)}")
    except (subprocess.SubprocessError, OSError) as e:
        log(f"jax and torch peers skipped: no virtual environment under target/peers: {first_line(e)}")
        return None
    return VENV_PYTHON if venv_has("numpy") else None


def ml_peers():
    """{(peer, dtype, width, activation): row of bench_ml.py's table}; {} when the peers cannot run."""
    python = ml_venv()
    if python is None:
        return {}
    log("jax and torch peers: 1000 Adam steps, widths 100 and 1000, float64 and float32, one thread")
    args = (["--seeds", "3", "--big-seeds", "1", "--big-dtypes-vmap", "float32", "--big-dtypes-torch", "float32"]
            if QUICK else ["--seeds", "5", "--big-seeds", "3"])
    try:
        out = run([python, os.path.join(ROOT, "jobs", "bench_ml.py"), "--widths", "100,1000"] + args,
                  env=ONE_THREAD, timeout=3600)
    except subprocess.SubprocessError as e:
        log(f"jax and torch peers skipped: {first_line(e)}")
        return {}
    rows = next(v for k, v in tables(out).items() if k and k.startswith("ml peers"))[1]
    return {(r["peer"], r["dtype"], int(r["width"]), r["activation"]): r for r in rows}


def trained_seconds(row):
    """(seconds, None) when the row ran and its net's test MSE fell below half its initial one, else (None, why)."""
    if row["seconds"] == "-":
        return None, row["note"]
    mse, start = float(row["mse_median"]), float(row["mse_init"])
    if not mse <= start / 2:
        return None, f"test MSE {mse:.3g} not below half the initial {start:.3g}"
    return float(row["seconds"]), None


def checked_seconds(row, width):
    """(seconds, None) when the row ran and its nets' median test MSE is the recipe's, else (None, why)."""
    if row["seconds"] == "-":
        return None, row["note"]
    mse = float(row["mse_median"])
    low, high = MSE_RANGE[width]
    if not low <= mse <= high:
        return None, f"median test MSE {mse:.3g} outside {low:.2g}..{high:.2g}"
    return float(row["seconds"]), None


# goals against the JAX peers (issue 22); the other peers' rows carry none
ML_GOALS = {("jax_jit", "float64"): "<= 0.5", ("jax_jit", "float32"): "<= 0.67", ("jax_vmap", "float32"): "<= 0.5"}


def ml_rows(r, ml):
    """Each peer against relufem's step in the peer's precision: ms per step is s per 1000 steps."""
    rows = []
    for width in (100, 1000):
        for dtype in ("float64", "float32"):
            for peer, label in ML_PEERS:
                row = ml.get((peer, dtype, width, "relu"))
                if row is None:
                    continue
                seconds, why = checked_seconds(row, width)
                f32 = dtype == "float32"
                rows.append((f"train_w{width}{'_f32' if f32 else ''}_1000_steps",
                             r[f"train_step_{'f32_' if f32 else ''}{width}x1"],
                             f"{label} {dtype}" + (f" ({why})" if why else ""), seconds,
                             ML_GOALS.get((peer, dtype), "-")))
    return rows


# issue 22's deep shapes: 2 x 20 .. 5 x 50 on 1000 points, 3 x 100 on the seed grid (width x depth here)
DEEP_SHAPES = ("20x2_1000pts", "30x3_1000pts", "40x4_1000pts", "50x5_1000pts", "100x3")


def scipy_optimisers():
    """{(problem, method): row of bench_optim.py's table}, on the problems BenchMain wrote."""
    log("scipy peer: L-BFGS-B and MINPACK LM on relufem's optimiser problems")
    try:
        out = run([sys.executable, os.path.join(ROOT, "jobs", "bench_optim.py"),
                   os.path.join(ROOT, "target", "bench", "optim"), "--reps", "3" if QUICK else "5"], env=ONE_THREAD)
    except subprocess.SubprocessError as e:
        log(f"scipy optimiser peer skipped: {first_line(e)}")
        return {}
    rows = next(v for k, v in tables(out).items() if k and k.startswith("scipy optimisers"))[1]
    return {(row["problem"], row["method"]): row for row in rows}


def optimiser_rows(r, scipy_opt):
    rows = []
    for problem in OPTIM_PROBLEMS:
        for mine, method, label in (("lbfgs", "L-BFGS-B", "scipy L-BFGS-B"), ("lbfgs_lr1", "L-BFGS-B", "scipy L-BFGS-B"),
                                    ("lm", "LM", "scipy MINPACK LM")):
            row = scipy_opt.get((problem, method))
            theirs, why = None, "not run"
            if row is not None:
                start, own = float(row["start_loss"]), r[f"optim_start_loss_{problem}"]
                if abs(start - own) <= 1e-5 * own:
                    theirs, why = 1e3 * float(row["s_per_iteration"]), None
                else:
                    why = f"not the same problem: start loss {start:.6g}, relufem's {own:.6g}"
            rows.append((f"{mine}_{problem}_ms_per_iteration", r[f"optim_{mine}_{problem}"] / 1e3,
                         label + (f" ({why})" if why else ""), theirs, "<= 1"))
    return rows


def sweep_seconds(master):
    out_dir = os.path.join(ROOT, "target", "bench", "scaling-" + re.sub(r"\W", "", master))
    shutil.rmtree(out_dir, ignore_errors=True)
    log(f"sweep of {SCALING_SPEC} cold on {master}")
    p = subprocess.run([os.path.join(ROOT, "jobs", "relufem"), "run", SCALING_SPEC, "--out", out_dir,
                        "--master", master], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(re.search(r"written in ([0-9.]+) s", p.stderr).group(1))


def main():
    started = time.time()
    r = relufem_cases()
    numpy = numpy_peer()
    linear_ns, bilinear_ns = scipy_peer()
    torch = libtorch_peer()
    ml = ml_peers()
    scipy_opt = scipy_optimisers()
    peak, peak32 = gemm_peak(), gemm_peak("float32")
    warm, warm_ratio = warm_scaling(3 if QUICK else 5)
    try:
        one, two = sweep_seconds("local[1]"), sweep_seconds("local[2]")
    except subprocess.CalledProcessError as e:  # the table still prints, with this row skipped
        log(f"cold sweep skipped: {first_line(e)}")
        one = two = None
    rows = [
        ("train_w100_1000_steps", r["train_step_100x1"], "numpy float64", numpy[("float64", 100)], "<= 0.5"),
        ("train_w100_1000_steps", r["train_step_100x1"], "libtorch float32", torch, "<= 0.5"),
        ("train_w100_1000_steps", r["train_step_100x1"], "numpy float32", numpy[("float32", 100)], "-"),
        ("train_w1000_1000_steps", r["train_step_1000x1"], "numpy float64", numpy[("float64", 1000)], "<= 0.6"),
        ("p1_eval_32x32_ns_per_point", r["eval_p1_d2n32"], "scipy RegularGridInterpolator", bilinear_ns, "<= 0.125"),
        ("p1_eval_32x32_ns_per_point", r["eval_p1_d2n32"], "scipy LinearNDInterpolator", linear_ns, "-"),
        ("formula_seed2d_ns_per_point", r["eval_formula_seed2d"], "built-in seed2d", r["eval_builtin_seed2d"], "<= 2"),
        ("formula_gaussian3_ns_per_point", r["eval_formula_gaussian3"], "built-in gaussian d=3",
         r["eval_builtin_gaussian3"], "<= 2"),
        ("sweep_200_trials_local2_warm_s", warm[2, "sweep"], "relufem local[1] warm", warm[1, "sweep"], "<= 0.556",
         warm_ratio["sweep"]),
        ("trials_200_2_threads_no_spark_s", warm[2, "plain"], "1 thread", warm[1, "plain"], "(the VM's ceiling)",
         warm_ratio["plain"]),
        ("sweep_200_trials_local2_warm_s", warm[2, "sweep"], "2 plain threads", warm[2, "plain"], "(Spark's share)",
         warm_ratio["spark"]),
        ("sweep_200_trials_local2_cold_s", two, "relufem local[1] cold", one, "(+ JVM warm-up)"),
        ("train_gflops_1000x1", r["train_gflops_1000x1"], "OpenBLAS dgemm 1 thread (peak)", peak, ">= 0.5"),
        ("train_gflops_100x1", r["train_gflops_100x1"], "OpenBLAS dgemm 1 thread (peak)", peak, ">= 0.5"),
        # the float32 step against the float32 peak: what the float32 goals against JAX would ask of it
        ("train_gflops_f32_1000x1", r["train_gflops_f32_1000x1"], "OpenBLAS sgemm 1 thread (peak)", peak32, "-"),
        ("train_gflops_f32_100x1", r["train_gflops_f32_100x1"], "OpenBLAS sgemm 1 thread (peak)", peak32, "-"),
    ]
    rows += [(f"train_gflops_{shape}", r[f"train_gflops_{shape}"], "OpenBLAS dgemm 1 thread (peak)", peak, ">= 0.25")
             for shape in DEEP_SHAPES]
    rows[3:3] = ml_rows(r, ml)
    rows += optimiser_rows(r, scipy_opt)
    # each activation's full-batch Adam step against ReLU's at the same shape, same JMH run (issue 17),
    # against JAX jit float64 with the same activation, and what its function alone costs per value
    # (jobs/bench_ml.py, ActivationFunctionBenchmark) against ReLU's whole step per unit and point:
    # at 1 or more, the function alone costs as much as a ReLU step
    for act in ACTIVATIONS:
        for w in ("100", "1000"):
            rows.append((f"train_step_{act}_w{w}_ms", r[f"train_step_{act}_{w}"], "relufem relu, same shape",
                         r[f"train_step_relu_{w}"], "<= 2"))
            row = ml.get(("jax_jit", "float64", int(w), act))
            if row is not None:
                seconds, why = trained_seconds(row)
                rows.append((f"train_step_{act}_w{w}_ms", r[f"train_step_{act}_{w}"],
                             "JAX jit float64, same activation" + (f" ({why})" if why else ""), seconds, "-"))
        for w in ("100", "1000"):
            rows.append((f"activation_fn_{act}_ns_per_value", r[f"activation_fn_{act}"],
                         f"relufem relu step per unit and point, w{w}",
                         r[f"train_step_relu_{w}"] * 1e6 / (int(w) * GRID_POINTS), "-"))
    # Q_k evaluation against P1's on the same grid (n raised to fit k), same JMH run (issue 18)
    for k in ("2", "3", "4"):
        for d, n in (("1", "1024"), ("2", "32"), ("3", "16")):
            rows.append((f"q{k}_eval_d{d}_ns_per_point", r[f"eval_q{k}_d{d}n{n}"], "relufem p1, same grid",
                         r[f"eval_p1_d{d}n{n}"], "-"))
    print("case\trelufem\tpeer\tpeer_value\tratio\tgoal")
    for case, mine, peer, theirs, goal, *paired in rows:
        if mine is None:
            print(f"{case}\tskipped\t{peer}\t-\t-\t{goal}")
        elif theirs is None:
            print(f"{case}\t{mine:.4g}\t{peer}\tskipped\t-\t{goal}")
        else:
            print(f"{case}\t{mine:.4g}\t{peer}\t{theirs:.4g}\t{(paired[0] if paired else mine / theirs):.3f}\t{goal}")
    print("# relufem only")
    print("case\tvalue\tunit")
    for d, n in (("1", "1024"), ("2", "32"), ("3", "16"), ("4", "8"), ("6", "8")):
        for m in ("p1", "q1"):
            print(f"eval_{m}_d{d}_n{n}\t{r[f'eval_{m}_d{d}n{n}']:.4g}\tns/point")
    for shape in ("100x1", "1000x1", "100x3", "f32_100x1", "f32_1000x1") + DEEP_SHAPES[:-1]:
        print(f"train_step_{shape}\t{r['train_step_' + shape]:.4g}\tms/step")
        print(f"train_gflops_{shape}\t{r['train_gflops_' + shape]:.4g}\tGFLOP/s (6 flops per parameter per point)")
    print(f"gemm_512_ejml\t{r['gemm_512_peak']:.4g}\tGFLOP/s (dense EJML multiply, one core)")
    print("# jax and torch peers: seconds for 1000 steps of one net (median), compile apart, test MSE checked")
    print("peer\tdtype\twidth\tactivation\tseconds\tcompile_s\tnets\tmse_median\tmse_init\tnote")
    for (peer, dtype, width, activation), row in ml.items():
        why = (checked_seconds(row, width) if activation == "relu" else trained_seconds(row))[1]
        print("\t".join([peer, dtype, str(width), activation, row["seconds"], row["compile_s"], row["nets"],
                         row["mse_median"], row["mse_init"], why or "ok"]))
    n = r["optim_iterations"]
    print(f"# second-order optimisers: calls per iteration ({n:.0f} relufem iterations; scipy's own count)")
    print("case\trelufem_evaluations\trelufem_jacobians\tpeer\tpeer_iterations\tpeer_evaluations\tpeer_jacobians"
          "\tpeer_final_loss")
    for problem in OPTIM_PROBLEMS:
        for mine, method in (("lbfgs", "L-BFGS-B"), ("lbfgs_lr1", "L-BFGS-B"), ("lm", "LM")):
            row = scipy_opt.get((problem, method), {})
            key = f"{mine}_{problem}"
            print(f"{key}\t{r[f'optim_evaluations_{key}'] / n:.3g}\t{r[f'optim_jacobians_{key}'] / n:.3g}\t{method}"
                  f"\t{row.get('iterations', '-')}\t{row.get('evaluations', '-')}\t{row.get('jacobians', '-')}"
                  f"\t{row.get('final_loss', '-')}")
    print(f"# total bench time {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
