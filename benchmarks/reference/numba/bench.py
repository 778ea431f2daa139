"""Times each kernel under Numba @njit (and fastmath=True) in this process; prints JSON lines."""
import json
import statistics
import sys
import time

import numba
import numpy as np

import kernels as k

LCG_A = np.uint64(6364136223846793005)
LCG_C = np.uint64(1442695040888963407)


@numba.njit
def _fill(out, seed, lo, hi):
    s = np.uint64(seed)
    for i in range(out.shape[0]):
        s = s * LCG_A + LCG_C
        out[i] = lo + (hi - lo) * (np.float64(s >> np.uint64(11)) * (1.0 / 9007199254740992.0))


def uniform(n, seed, lo=0.0, hi=1.0):
    """The generator every implementation shares (see benchmarks/Kernels/Inputs.cs)."""
    a = np.empty(n, dtype=np.float64)
    _fill(a, seed, lo, hi)
    return a


def checksum(a):
    return float(sum(a.ravel().tolist())) if a.size < 1000 else float(_checksum(a.ravel()))


@numba.njit
def _checksum(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def emit(**row):
    print(json.dumps(row), flush=True)


def timed(kernel, impl, reps, run, check):
    """One warm-up run, then reps timed runs; min and median in milliseconds."""
    result = run()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - t0)
    emit(kernel=kernel, impl=impl, min_ms=min(times) * 1e3, median_ms=statistics.median(times) * 1e3,
         checksum=float(result) if check is None else check())


def first_call(kernel, impl, fn, *tiny_args):
    """Compile latency: the first call on tiny inputs of the benchmark's types."""
    t0 = time.perf_counter()
    fn(*tiny_args)
    emit(kernel=kernel, impl=impl, first_call_ms=(time.perf_counter() - t0) * 1e3)


def flavours():
    """(impl name, compiled kernels) for @njit and @njit(fastmath=True)."""
    for name, opts in (("Numba", {}), ("Numba fastmath", {"fastmath": True})):
        jit = numba.njit(**opts)
        compiled = {n: jit(getattr(k, n)) for n in
                    ("sum_", "dot", "triad", "jacobi2d", "jacobi_flat", "mandelbrot", "nbody", "pairwise",
                     "histogram", "matmul", "fir", "add")}
        cnd = jit(k.cnd)
        compiled["black_scholes"] = jit(k.make_black_scholes(cnd))
        yield name, compiled


def parallel_flavours():
    """(impl name, compiled Prange kernels) for @njit(parallel=True), strict and with fastmath=True."""
    for name, opts in (("Numba parallel", {"parallel": True}),
                       ("Numba parallel fastmath", {"parallel": True, "fastmath": True})):
        jit = numba.njit(**opts)
        yield name, {n: jit(getattr(k, n + "_prange")) for n in ("dot", "mandelbrot", "nbody")}


def latency(impl, f):
    v = np.zeros(8)
    g = np.zeros((4, 4))
    first_call("call_add", impl, f["add"], 1, 2)
    first_call("sum", impl, f["sum_"], v)
    first_call("dot", impl, f["dot"], v, v)
    first_call("triad", impl, f["triad"], v.copy(), v, v, 3.0)
    first_call("jacobi2d", impl, f["jacobi2d"], g, g.copy())
    first_call("jacobiflat", impl, f["jacobi_flat"], v, v.copy(), 2, 4)
    first_call("mandelbrot", impl, f["mandelbrot"], np.zeros((4, 4), dtype=np.int32), -2.0, -1.5, 0.75, 10)
    first_call("nbody", impl, f["nbody"], v, v, v, v, v.copy(), v.copy(), v.copy(), 1e-3)
    first_call("pairwise", impl, f["pairwise"], np.zeros((4, 3)), g.copy())
    first_call("blackscholes", impl, f["black_scholes"], v + 1, v + 1, v + 1, 0.02, 0.3, v.copy(), v.copy())
    first_call("histogram", impl, f["histogram"], v, np.zeros(16, dtype=np.int32))
    first_call("matmul", impl, f["matmul"], g, g, g.copy())
    first_call("fir", impl, f["fir"], v, np.zeros(4), np.zeros(5))


def call_overhead(impl, add):
    """Per call of a trivial function from the interpreter (loop cost included, as for a Python user)."""
    calls = 1_000_000
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(calls):
            add(1, 2)
        best = min(best, time.perf_counter() - t0)
    emit(kernel="call_add", impl=impl, per_call_ns=best / calls * 1e9)


def run(impl, f):
    for n, label, reps in ((100_000, "1e5", 400), (10_000_000, "1e7", 15)):
        a, b = uniform(n, 1), uniform(n, 2)
        timed("sum_" + label, impl, reps, lambda: f["sum_"](a), None)
        timed("dot_" + label, impl, reps, lambda: f["dot"](a, b), None)
    out = np.zeros(10_000_000)
    timed("triad_1e7", impl, 15, lambda: f["triad"](out, a, b, 3.0), lambda: checksum(out))
    src = uniform(2000 * 2000, 3)
    dst = np.zeros_like(src)
    src2, dst2 = src.reshape(2000, 2000), dst.reshape(2000, 2000)
    timed("jacobi2d_2000", impl, 15, lambda: f["jacobi2d"](src2, dst2), lambda: checksum(dst))
    timed("jacobiflat_2000", impl, 15, lambda: f["jacobi_flat"](src, dst, 2000, 2000), lambda: checksum(dst))
    counts = np.zeros((1000, 1000), dtype=np.int32)
    timed("mandelbrot_1000", impl, 7, lambda: f["mandelbrot"](counts, -2.0, -1.5, 3.0 / 1000, 100),
          lambda: float(counts.sum()))
    x, y, z, m = (uniform(2000, s) for s in (4, 5, 6, 7))
    ax, ay, az = np.zeros(2000), np.zeros(2000), np.zeros(2000)
    timed("nbody_2000", impl, 7, lambda: f["nbody"](x, y, z, m, ax, ay, az, 1e-3),
          lambda: checksum(ax) + checksum(ay) + checksum(az))
    p = uniform(3000, 8).reshape(1000, 3)
    d = np.zeros((1000, 1000))
    timed("pairwise_1000x3", impl, 10, lambda: f["pairwise"](p, d), lambda: checksum(d))
    s, xs, t = uniform(1_000_000, 9, 5.0, 30.0), uniform(1_000_000, 10, 1.0, 100.0), uniform(1_000_000, 11, 0.25, 10.0)
    call, put = np.zeros(1_000_000), np.zeros(1_000_000)
    timed("blackscholes_1e6", impl, 10, lambda: f["black_scholes"](s, xs, t, 0.02, 0.30, call, put),
          lambda: checksum(call) + checksum(put))
    if impl == "Numba":
        values = uniform(10_000_000, 12)
        hist = np.zeros(256, dtype=np.int32)
        timed("histogram_1e7", impl, 10, lambda: f["histogram"](values, hist),
              lambda: float(sum(i * int(c) for i, c in enumerate(hist))))
    ma, mb, mc = uniform(512 * 512, 13).reshape(512, 512), uniform(512 * 512, 14).reshape(512, 512), np.zeros((512, 512))
    timed("matmul_512", impl, 7, lambda: f["matmul"](ma, mb, mc), lambda: checksum(mc))
    fx, fh = uniform(1_000_000, 15), uniform(64, 16)
    fy = np.zeros(1_000_000 - 64 + 1)
    timed("fir_1e6x64", impl, 10, lambda: f["fir"](fx, fh, fy), lambda: checksum(fy))
    call_overhead(impl, f["add"])


def run_parallel(impl, f):
    """The Prange kernels on the inputs of their sequential rows (kernel ids shared; the impl says parallel)."""
    for n, label, reps in ((100_000, "1e5", 400), (10_000_000, "1e7", 15)):
        a, b = uniform(n, 1), uniform(n, 2)
        timed("dot_" + label, impl, reps, lambda: f["dot"](a, b), None)
    counts = np.zeros((1000, 1000), dtype=np.int32)
    timed("mandelbrot_1000", impl, 7, lambda: f["mandelbrot"](counts, -2.0, -1.5, 3.0 / 1000, 100),
          lambda: float(counts.sum()))
    x, y, z, m = (uniform(2000, s) for s in (4, 5, 6, 7))
    ax, ay, az = np.zeros(2000), np.zeros(2000), np.zeros(2000)
    timed("nbody_2000", impl, 7, lambda: f["nbody"](x, y, z, m, ax, ay, az, 1e-3),
          lambda: checksum(ax) + checksum(ay) + checksum(az))


def main():
    """Every kernel; with the argument "parallel" only the Prange ones (a quick check)."""
    only_parallel = len(sys.argv) > 1 and sys.argv[1] == "parallel"
    emit(kernel="versions", impl="Numba", numba=numba.__version__, numpy=np.__version__,
         python=sys.version.split()[0], llvmlite=__import__("llvmlite").__version__)
    if not only_parallel:
        emit(kernel="call_add", impl="Python function",
             per_call_ns=min(_time_python_add() for _ in range(5)))
        for impl, f in flavours():
            latency(impl, f)
            run(impl, f)
    for impl, f in parallel_flavours():
        run_parallel(impl, f)


def _time_python_add():
    calls = 1_000_000
    t0 = time.perf_counter()
    for _ in range(calls):
        k.add(1, 2)
    return (time.perf_counter() - t0) / calls * 1e9


if __name__ == "__main__":
    main()
