// Times the Prange kernels with 1, 2, 4, ... threads up to every core (best of several runs) and the small-loop overhead; prints a table.
using System;
using System.Diagnostics;
using NumbaWeaver;
using ParallelBench;

int runs = args.Length > 0 ? int.Parse(args[0]) : 7;
Console.WriteLine($"cores {Environment.ProcessorCount}, NUMBA_NUM_THREADS max {Numba.MaxThreads}, layer {Environment.GetEnvironmentVariable("NUMBA_THREADING_LAYER") ?? "workqueue"}");

var counts = new int[1000 * 1000];
var r = new Random(1);
int n = 2000;
double[] Rand() { var a = new double[n]; for (int i = 0; i < n; i++) a[i] = r.NextDouble(); return a; }
double[] x = Rand(), y = Rand(), z = Rand(), m = Rand(), ax = new double[n], ay = new double[n], az = new double[n];

double Best(Action body)
{
    body(); // compile and warm up
    double best = double.MaxValue;
    for (int k = 0; k < runs; k++)
    {
        var sw = Stopwatch.StartNew();
        body();
        best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
    }
    return best;
}

// 1, 2, 4, ... threads and every core (a 2-core machine measures 1 and 2).
var threadCounts = new System.Collections.Generic.List<int>();
for (int t = 1; t < Numba.MaxThreads; t *= 2) threadCounts.Add(t);
threadCounts.Add(Numba.MaxThreads);

foreach (var (name, body) in new (string, Action)[]
{
    ("Mandelbrot 1000x1000 maxiter 100", () => Kernels.Mandelbrot(counts, 1000, 1000, 100)),
    ("N-body accelerations n=2000", () => Kernels.Accelerations(x, y, z, m, ax, ay, az)),
})
{
    double one = 0;
    foreach (int threads in threadCounts)
    {
        Numba.SetNumThreads(threads);
        double ms = Best(body);
        if (threads == 1) one = ms;
        Console.WriteLine($"{name}: {threads} thread(s) {ms:F2} ms, speed-up {one / ms:F2}x");
    }
}

// Reference: the same Mandelbrot in plain C# with Parallel.For, to see what this machine gives the same threads.
foreach (int threads in threadCounts)
{
    var options = new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = threads };
    double ms = Best(() => System.Threading.Tasks.Parallel.For(0, 1000, options, row => Reference.MandelbrotRow(counts, 1000, 1000, 100, row)));
    Console.WriteLine($"reference C# Parallel.For Mandelbrot, {threads} thread(s): {ms:F2} ms");
}

// Small loops: 16 trivial iterations, 10^5 calls, Parallel versus the same loop without Parallel.
var small = new int[16];
double Calls(Action<int[]> f)
{
    for (int i = 0; i < 1000; i++) f(small);
    double best = double.MaxValue;
    for (int k = 0; k < runs; k++)
    {
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < 100_000; i++) f(small);
        best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
    }
    return best;
}
Numba.SetNumThreads(Math.Min(2, Numba.MaxThreads));
double seq = Calls(Kernels.Small16Sequential);
double par = Calls(Kernels.Small16);
Console.WriteLine($"Prange(16) x 1e5 calls: without Parallel {seq:F2} ms, Parallel (2 threads) {par:F2} ms, ratio {par / seq:F2}x");
