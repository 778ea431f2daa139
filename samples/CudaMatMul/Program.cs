// Tiled matrix multiply through shared memory (Numba's fast_matmul example), timed with CUDA events and checked against the CPU.
using System;
using NumbaWeaver;

// The simulator runs each thread of a block as a .NET thread: keep its default small.
int n = args.Length > 0 ? int.Parse(args[0]) : Cuda.IsSimulator ? 32 : 1024;
int repeats = args.Length > 1 ? int.Parse(args[1]) : Cuda.IsSimulator ? 1 : 5;
var rng = new Random(42);
var a = new float[n * n];
var b = new float[n * n];
for (int i = 0; i < a.Length; i++) { a[i] = (float)rng.NextDouble(); b[i] = (float)rng.NextDouble(); }

using var da = Cuda.ToDevice(a);
using var db = Cuda.ToDevice(b);
using var dc = Cuda.DeviceArray<float>(n * n);
int blocks = (n + Kernels.Tile - 1) / Kernels.Tile;

// Best time of `repeats` launches, and the first launch (compiles, or loads PTX from the disk cache with NUMBA_CACHE=1)
// with its run; leaves the product in dc.
(double Best, double First) Time(Action<float[], float[], float[], int> kernel)
{
    var matmul = Cuda.Kernel<float[], float[], float[], int>(kernel);
    var first = System.Diagnostics.Stopwatch.StartNew();
    matmul[(blocks, blocks), (Kernels.Tile, Kernels.Tile)](da, db, dc, n);
    Cuda.Synchronize();
    double firstMs = first.Elapsed.TotalMilliseconds;
    double best = double.MaxValue;
    for (int r = 0; r < repeats; r++)
    {
        using var start = Cuda.Event();
        using var end = Cuda.Event();
        start.Record();
        matmul[(blocks, blocks), (Kernels.Tile, Kernels.Tile)](da, db, dc, n);
        end.Record();
        end.Synchronize();
        best = Math.Min(best, Cuda.EventElapsedTime(start, end));
    }
    return (best, firstMs);
}

var (exact, firstExact) = Time(Kernels.MatMul);
var cExact = dc.CopyToHost();
var (uncheckedMs, _) = Time(Kernels.MatMulUnchecked);
var cUnchecked = dc.CopyToHost();
bool square = n % Kernels.Tile == 0;
var (squareMs, _) = square ? Time(Kernels.MatMulSquare) : (0.0, 0.0);
var cSquare = dc.CopyToHost();
var (squareUncheckedMs, _) = square ? Time(Kernels.MatMulSquareUnchecked) : (0.0, 0.0);
var cSquareUnchecked = dc.CopyToHost();
var (best, firstFast) = Time(Kernels.MatMulFast);
var c = dc.CopyToHost();

// Every element for small sizes; 256 random ones for large (a full CPU product of 4096^2 takes minutes).
int checks = n <= 256 ? n * n : 256, wrong = 0;
for (int t = 0; t < checks; t++)
{
    int idx = n <= 256 ? t : rng.Next(n * n);
    int i = idx / n, j = idx % n;
    double s = 0;
    for (int k = 0; k < n; k++) s += (double)a[i * n + k] * b[k * n + j];
    if (Math.Abs(c[idx] - s) > 1e-3 * Math.Max(1, Math.Abs(s))) wrong++;
    if (Math.Abs(cExact[idx] - s) > 1e-3 * Math.Max(1, Math.Abs(s))) wrong++;
    if (Math.Abs(cUnchecked[idx] - s) > 1e-3 * Math.Max(1, Math.Abs(s))) wrong++;
    if (square && Math.Abs(cSquare[idx] - s) > 1e-3 * Math.Max(1, Math.Abs(s))) wrong++;
    if (square && Math.Abs(cSquareUnchecked[idx] - s) > 1e-3 * Math.Max(1, Math.Abs(s))) wrong++;
}
Console.WriteLine($"RESULT matmul n={n} kernel_ms={best:F3} exact_ms={exact:F3} edge_nocheck_ms={uncheckedMs:F3} square_ms={squareMs:F3} square_nocheck_ms={squareUncheckedMs:F3} launch1_ms={firstExact:F1} " +
    $"launch1_fast_ms={firstFast:F1} cache_hits={NumbaWeaver.Cache.CacheStatistics.Hits} device=\"{Cuda.DeviceName}\" checked={checks} wrong={wrong}");
return wrong == 0 ? 0 : 1;

static class Kernels
{
    public const int Tile = 16;

    /// <summary>Rounds each multiply and add as the C# does.</summary>
    [CudaJit]
    public static void MatMul(float[] a, float[] b, float[] c, int n) =>
        Tiled(a, b, c, n, Cuda.Shared.Array<float>(Tile * Tile), Cuda.Shared.Array<float>(Tile * Tile));

    /// <summary>Lets the GPU fuse them into fma, as numba-cuda does by default.</summary>
    [CudaJit(FastMath = true)]
    public static void MatMulFast(float[] a, float[] b, float[] c, int n) =>
        Tiled(a, b, c, n, Cuda.Shared.Array<float>(Tile * Tile), Cuda.Shared.Array<float>(Tile * Tile));

    /// <summary>FastMath and no index checks (in it and in Tiled): what numba-cuda compiles by default.</summary>
    [CudaJit(FastMath = true, BoundsCheck = false)]
    public static void MatMulUnchecked(float[] a, float[] b, float[] c, int n) =>
        Tiled(a, b, c, n, Cuda.Shared.Array<float>(Tile * Tile), Cuda.Shared.Array<float>(Tile * Tile));

    /// <summary>For n a multiple of the tile: no edge tests, with and without index checks.</summary>
    [CudaJit(FastMath = true)]
    public static void MatMulSquare(float[] a, float[] b, float[] c, int n) =>
        TiledSquare(a, b, c, n, Cuda.Shared.Array<float>(Tile * Tile), Cuda.Shared.Array<float>(Tile * Tile));

    [CudaJit(FastMath = true, BoundsCheck = false)]
    public static void MatMulSquareUnchecked(float[] a, float[] b, float[] c, int n) =>
        TiledSquare(a, b, c, n, Cuda.Shared.Array<float>(Tile * Tile), Cuda.Shared.Array<float>(Tile * Tile));

    public static void TiledSquare(float[] a, float[] b, float[] c, int n, float[] sa, float[] sb)
    {
        int tx = Cuda.ThreadIdx.X, ty = Cuda.ThreadIdx.Y;
        int col = Cuda.BlockIdx.X * Tile + tx;
        int row = Cuda.BlockIdx.Y * Tile + ty;
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

    /// <summary>A device function: each block multiplies tile by tile through its shared arrays sa and sb.</summary>
    public static void Tiled(float[] a, float[] b, float[] c, int n, float[] sa, float[] sb)
    {
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
}
