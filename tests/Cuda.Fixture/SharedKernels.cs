// Kernels that use shared memory, barriers, atomics and warp shuffles.
using NumbaWeaver;

namespace CudaFixture;

public static class SharedKernels
{
    public const int Tile = 16;

    /// <summary>C = A * B for n x n row-major matrices, tiled through shared memory.</summary>
    [CudaJit]
    public static void MatMulTiled(float[] a, float[] b, float[] c, int n)
    {
        float[] sa = Cuda.Shared.Array<float>(Tile * Tile);
        float[] sb = Cuda.Shared.Array<float>(Tile * Tile);
        int tx = Cuda.ThreadIdx.X, ty = Cuda.ThreadIdx.Y;
        int col = Cuda.BlockIdx.X * Tile + tx;
        int row = Cuda.BlockIdx.Y * Tile + ty;
        float sum = 0;
        for (int t = 0; t < (n + Tile - 1) / Tile; t++)
        {
            int ac = t * Tile + tx, br = t * Tile + ty;
            sa[ty * Tile + tx] = row < n && ac < n ? a[row * n + ac] : 0f;
            sb[ty * Tile + tx] = br < n && col < n ? b[br * n + col] : 0f;
            Cuda.SyncThreads();
            for (int k = 0; k < Tile; k++) sum += sa[ty * Tile + k] * sb[k * Tile + tx];
            Cuda.SyncThreads();
        }
        if (row < n && col < n) c[row * n + col] = sum;
    }

    /// <summary>
    /// The same for n a multiple of the tile, without the edge tests: the compiler's loops are then short
    /// branches over many array accesses, which the twin's calls lengthen past a short branch's reach.
    /// </summary>
    [CudaJit]
    public static void MatMulTiledSquare(float[] a, float[] b, float[] c, int n)
    {
        float[] sa = Cuda.Shared.Array<float>(Tile * Tile);
        float[] sb = Cuda.Shared.Array<float>(Tile * Tile);
        int tx = Cuda.ThreadIdx.X, ty = Cuda.ThreadIdx.Y;
        int col = Cuda.BlockIdx.X * Tile + tx, row = Cuda.BlockIdx.Y * Tile + ty;
        float sum = 0;
        for (int t = 0; t < n / Tile; t++)
        {
            sa[ty * Tile + tx] = a[row * n + t * Tile + tx];
            sb[ty * Tile + tx] = b[(t * Tile + ty) * n + col];
            Cuda.SyncThreads();
            for (int k = 0; k < Tile; k++) sum += sa[ty * Tile + k] * sb[k * Tile + tx];
            Cuda.SyncThreads();
        }
        c[row * n + col] = sum;
    }

    /// <summary>Block-level tree reduction in shared memory, then one atomic add per block.</summary>
    [CudaJit]
    public static void SumAtomic(float[] x, float[] total)
    {
        float[] partial = Cuda.Shared.Array<float>(256);
        int t = Cuda.ThreadIdx.X;
        int i = Cuda.Grid(1);
        partial[t] = i < x.Length ? x[i] : 0f;
        Cuda.SyncThreads();
        for (int s = Cuda.BlockDim.X / 2; s > 0; s /= 2)
        {
            if (t < s) partial[t] += partial[t + s];
            Cuda.SyncThreads();
        }
        if (t == 0) Cuda.Atomic.Add(total, 0, partial[0]);
    }

    /// <summary>Integer atomics: results[0] sum, [1] max, [2] min, [3] counts down; exch/cas on flags.</summary>
    [CudaJit]
    public static void IntAtomics(int[] values, int[] results, int[] flags, int[] casWinners)
    {
        int i = Cuda.Grid(1);
        if (i >= values.Length) return;
        int v = values[i];
        Cuda.Atomic.Add(results, 0, v);
        Cuda.Atomic.Max(results, 1, v);
        Cuda.Atomic.Min(results, 2, v);
        Cuda.Atomic.Sub(results, 3, 1);
        Cuda.Atomic.Exch(flags, 0, 7);
        if (Cuda.Atomic.CompareAndSwap(flags, 1, 0, i + 1) == 0) Cuda.Atomic.Add(casWinners, 0, 1);
    }

    /// <summary>Warp sums with shuffles: lane 0 of each warp writes its warp's total.</summary>
    [CudaJit]
    public static void WarpSums(int[] x, int[] warpTotals, int[] lanes)
    {
        int i = Cuda.Grid(1);
        int v = i < x.Length ? x[i] : 0;
        for (int offset = Cuda.WarpSize / 2; offset > 0; offset /= 2)
            v += Cuda.ShflDownSync(Cuda.FullMask, v, offset);
        if (i < lanes.Length) lanes[i] = Cuda.LaneId;
        if (Cuda.LaneId == 0 && i / Cuda.WarpSize < warpTotals.Length) warpTotals[i / Cuda.WarpSize] = v;
    }

    /// <summary>Broadcast of lane 0's value and a butterfly (xor) sum across each warp.</summary>
    [CudaJit]
    public static void WarpBroadcastXor(int[] x, int[] broadcast, int[] xorSum)
    {
        int i = Cuda.Grid(1);
        int v = i < x.Length ? x[i] : 0;
        int first = Cuda.ShflSync(Cuda.FullMask, v, 0);
        int s = v;
        for (int mask = 1; mask < Cuda.WarpSize; mask *= 2) s += Cuda.ShflXorSync(Cuda.FullMask, s, mask);
        if (i < broadcast.Length)
        {
            broadcast[i] = first;
            xorSum[i] = s;
        }
    }
}
