"""First-call latency of Numba @njit(cache=True) for the kernels of tests/IntegrationProjects/Cached, in this process.

Run once with an empty NUMBA_CACHE_DIR (cold: type inference + LLVM) and again with the same folder
(cached: Numba loads the pickled machine code). Prints `first-call-small-ms` and `first-call-large-ms`
like the C# program, so scripts/cache-latency.sh parses both the same way.
"""
import math
import time

import numba
import numpy as np


@numba.njit(cache=True)
def blend(old, target, omega):
    return old + omega * (target - old)


@numba.njit(cache=True)
def clamp01(v):
    return 0.0 if v < 0 else (1.0 if v > 1 else v)


@numba.njit(cache=True)
def dot(a, b):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


@numba.njit(cache=True)
def sum_of_squares(a):
    s = 0.0
    for x in a:
        s += x * x
    return s


@numba.njit(cache=True)
def relax(grid, nxt, sweeps, omega):
    rows, cols = grid.shape
    residual = 0.0
    for _ in range(sweeps):
        residual = 0.0
        for i in range(1, rows - 1):
            for j in range(1, cols - 1):
                average = 0.25 * (grid[i - 1, j] + grid[i + 1, j] + grid[i, j - 1] + grid[i, j + 1])
                updated = blend(grid[i, j], average, omega)
                residual = max(residual, abs(updated - grid[i, j]))
                nxt[i, j] = clamp01(updated)
        for i in range(1, rows - 1):
            for j in range(1, cols - 1):
                grid[i, j] = nxt[i, j]
        if residual < 1e-12:
            break
    checksum = 0.0
    for i in range(rows):
        for j in range(cols):
            v = grid[i, j]
            checksum += math.sqrt(v + 1) if i % 3 == 0 else (math.sin(v) if j % 2 == 0 else math.exp(-v))
    return checksum + residual


def main():
    a = np.array([math.sin(i) * 3.5 for i in range(4096)])
    b = np.array([math.cos(i * 0.5) for i in range(4096)])
    grid = np.array([[((i * 31 + j * 17) % 13) / 13.0 for j in range(48)] for i in range(64)])
    nxt = grid.copy()

    start = time.perf_counter()
    d = dot(a, b)
    small = (time.perf_counter() - start) * 1e3
    start = time.perf_counter()
    r = relax(grid, nxt, 20, 1.5)
    large = (time.perf_counter() - start) * 1e3
    start = time.perf_counter()
    q = sum_of_squares(a)
    next_small = (time.perf_counter() - start) * 1e3
    print(f"dot {d!r}")
    print(f"relax {r!r}")
    print(f"first-call-small-ms {small:.3f}")
    print(f"first-call-large-ms {large:.3f}")
    print(f"squares {q!r}")
    print(f"first-call-next-small-ms {next_small:.3f}")
    grid2, nxt2 = nxt.copy(), nxt.copy()
    start = time.perf_counter()
    relax(grid2, nxt2, 20, 1.5)
    print(f"second-call-large-ms {(time.perf_counter() - start) * 1e3:.3f}")
    print(f"numba {numba.__version__}")


if __name__ == "__main__":
    main()
