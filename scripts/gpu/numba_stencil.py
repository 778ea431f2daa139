# numba-cuda's side of scripts/gpu-check.sh: the same float32 Jacobi stencil over a 2-D array, ping-pong on device arrays.
import sys
import numpy as np

if not hasattr(np, "row_stack"):  # numba-cuda still registers np.row_stack, which NumPy 2.4 removed (seen on the GPU machine)
    np.row_stack = np.vstack
from numba import cuda


@cuda.jit
def jacobi(u, nxt):
    j, i = cuda.grid(2)
    rows, cols = u.shape
    if i <= 0 or j <= 0 or i >= rows - 1 or j >= cols - 1:
        return
    nxt[i, j] = np.float32(0.25) * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4096
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    grid = np.zeros((n, n), np.float32)
    grid[:, 0] = 1
    d0, d1 = cuda.to_device(grid), cuda.to_device(grid)
    threads = (16, 16)
    blocks = ((n + 15) // 16, (n + 15) // 16)
    jacobi[blocks, threads](d0, d1)
    d1.copy_to_device(grid)
    cuda.synchronize()
    start, end = cuda.event(), cuda.event()
    start.record()
    for s in range(steps):
        if s % 2 == 0:
            jacobi[blocks, threads](d0, d1)
        else:
            jacobi[blocks, threads](d1, d0)
    end.record()
    end.synchronize()
    ms = cuda.event_elapsed_time(start, end)
    print(f"RESULT numba stencil n={n} steps={steps} kernel_ms_per_step={ms / steps:.4f}")


if __name__ == "__main__":
    main()
