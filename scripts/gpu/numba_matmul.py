# numba-cuda's side of scripts/gpu-check.sh: the same 16x16 shared-memory tiled float32 matmul, timed with CUDA events.
import sys
import numpy as np

if not hasattr(np, "row_stack"):  # numba-cuda still registers np.row_stack, which NumPy 2.4 removed (seen on the GPU machine)
    np.row_stack = np.vstack
from numba import cuda, float32

TILE = 16
TILE_AREA = TILE * TILE  # a global: numba-cuda takes it as a constant shape (TILE * TILE inside the kernel is typed as a value)


@cuda.jit
def matmul(a, b, c, n):
    sa = cuda.shared.array(TILE_AREA, float32)
    sb = cuda.shared.array(TILE_AREA, float32)
    tx, ty = cuda.threadIdx.x, cuda.threadIdx.y
    col = cuda.blockIdx.x * TILE + tx
    row = cuda.blockIdx.y * TILE + ty
    s = float32(0)
    for t in range((n + TILE - 1) // TILE):
        ac, br = t * TILE + tx, t * TILE + ty
        sa[ty * TILE + tx] = a[row * n + ac] if row < n and ac < n else float32(0)
        sb[ty * TILE + tx] = b[br * n + col] if br < n and col < n else float32(0)
        cuda.syncthreads()
        for k in range(TILE):
            s += sa[ty * TILE + k] * sb[k * TILE + tx]
        cuda.syncthreads()
    if row < n and col < n:
        c[row * n + col] = s


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4096
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rng = np.random.default_rng(42)
    a = rng.random(n * n, dtype=np.float32)
    b = rng.random(n * n, dtype=np.float32)
    da, db = cuda.to_device(a), cuda.to_device(b)
    dc = cuda.device_array(n * n, np.float32)
    blocks = ((n + TILE - 1) // TILE, (n + TILE - 1) // TILE)
    matmul[blocks, (TILE, TILE)](da, db, dc, np.int32(n))
    cuda.synchronize()
    best = float("inf")
    for _ in range(repeats):
        start, end = cuda.event(), cuda.event()
        start.record()
        matmul[blocks, (TILE, TILE)](da, db, dc, np.int32(n))
        end.record()
        end.synchronize()
        best = min(best, cuda.event_elapsed_time(start, end))
    c = dc.copy_to_host()
    i, j = 7, n - 3
    ref = float(np.dot(a[i * n:(i + 1) * n].astype(np.float64), b[j::n].astype(np.float64)))
    ok = abs(c[i * n + j] - ref) <= 1e-3 * max(1.0, abs(ref))
    print(f"RESULT numba matmul n={n} kernel_ms={best:.3f} ok={ok}")


if __name__ == "__main__":
    main()
