// Runs each kernel once and prints results (as bit patterns), first-call times, the cache counters and whether libLLVM was loaded.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CrossApp;
using NumbaWeaver.Cache;
using NumbaWeaver.Dispatch;

double[] x = Enumerable.Range(0, 1000).Select(i => Math.Sin(i * 0.37) * 2.0).ToArray();
double[] smooth = new double[x.Length];
double[] parallel = new double[x.Length];
// Sum first (it calls nothing of the library), so SmoothAll's time is a further kernel's that calls another assembly.
var clock = Stopwatch.StartNew();
double sum = Kernels.Sum(x);
double sumMs = clock.Elapsed.TotalMilliseconds;
clock.Restart();
Kernels.SmoothAll(x, smooth);
double smoothMs = clock.Elapsed.TotalMilliseconds;
clock.Restart();
Kernels.SmoothParallel(x, parallel);
double parallelMs = clock.Elapsed.TotalMilliseconds;
double energy = Kernels.Energy(x);
clock.Restart();
double smoothedSum = Kernels.SmoothedSum(x, x);
double genericMs = clock.Elapsed.TotalMilliseconds;
double scaled = Kernels.Scaled(x);

// Before anything is printed (Console's encoding loads ICU): did the first calls load ICU? They should not (docs/cache.md).
string icuLoaded = File.ReadAllText("/proc/self/maps").Contains("libicuuc", StringComparison.Ordinal).ToString();
// The parallel runtime's workers (Linux names threads by their first 15 characters): SmoothParallel's loop is small,
// so it runs on the caller without starting them (docs/parallel.md).
int workers = Directory.Exists("/proc/self/task")
    ? Directory.GetDirectories("/proc/self/task").Count(t => File.ReadAllText(Path.Combine(t, "comm")).StartsWith("NumbaWeaver wor", StringComparison.Ordinal))
    : -1;

static string Bits(double[] values) => values.Aggregate(17L, (h, v) => h * 31 + BitConverter.DoubleToInt64Bits(v)).ToString("X16");
Console.WriteLine($"smooth {Bits(smooth)}");
Console.WriteLine($"parallel {Bits(parallel)}");
Console.WriteLine($"energy {BitConverter.DoubleToInt64Bits(energy):X16}");
Console.WriteLine($"sum {BitConverter.DoubleToInt64Bits(sum):X16}");
Console.WriteLine($"smoothed-sum {BitConverter.DoubleToInt64Bits(smoothedSum):X16}");
Console.WriteLine($"scaled {BitConverter.DoubleToInt64Bits(scaled):X16}");
Console.WriteLine($"first-call-sum-ms {sumMs:F3}");
Console.WriteLine($"first-call-smooth-ms {smoothMs:F3}");
Console.WriteLine($"first-call-parallel-ms {parallelMs:F3}");
Console.WriteLine($"first-call-generic-ms {genericMs:F3}");
PrintStatistics();
Console.WriteLine($"icu-loaded-by-first-calls {icuLoaded}");
Console.WriteLine($"parallel-workers {workers}");
Console.WriteLine($"llvm-loaded {File.ReadAllText("/proc/self/maps").Contains("libLLVM", StringComparison.Ordinal)}");

// Apart, and not inlined: a reference to the runtime's types in the top-level code would make the JIT load the runtime
// assembly while compiling it, before the first call is timed; a program's first call pays for that load.
[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
static void PrintStatistics()
{
    Console.WriteLine($"compiled {Statistics.CompileCount}");
    Console.WriteLine($"fallbacks {Statistics.FallbackCount}");
    Console.WriteLine($"cache-hits {CacheStatistics.Hits}");
    Console.WriteLine($"cache-misses {CacheStatistics.Misses}");
    Console.WriteLine($"precompiled-hits {CacheStatistics.PrecompiledHits}");
    Console.WriteLine($"native-hits {CacheStatistics.NativeHits}");
    Console.WriteLine($"ir-modules-parsed {Statistics.IrModulesParsed}");
    Console.WriteLine($"index-resources-read {Statistics.IndexResourcesRead}");
}
