// Integration app: times the first call of each kernel and prints results (bit patterns), cache counters and whether libLLVM was mapped.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Cached;
using NumbaWeaver.Cache;
using NumbaWeaver.Dispatch;

double[] a = Enumerable.Range(0, 4096).Select(i => Math.Sin(i) * 3.5).ToArray();
double[] b = Enumerable.Range(0, 4096).Select(i => Math.Cos(i * 0.5)).ToArray();
var grid = new double[64, 48];
for (int i = 0; i < 64; i++) for (int j = 0; j < 48; j++) grid[i, j] = ((i * 31 + j * 17) % 13) / 13.0;
var next = (double[,])grid.Clone();

var clock = Stopwatch.StartNew();
double dot = Kernels.Dot(a, b);
double smallMs = clock.Elapsed.TotalMilliseconds;
clock.Restart();
double relax = Kernels.Relax(grid, next, 20, 1.5);
double largeMs = clock.Elapsed.TotalMilliseconds;
clock.Restart();
double squares = Kernels.SumOfSquares(a);
double nextMs = clock.Elapsed.TotalMilliseconds;
// The large kernel's running time alone (a second call on fresh copies): its first call minus this is the loading cost.
var grid2 = (double[,])next.Clone();
var next2 = (double[,])next.Clone();
clock.Restart();
Kernels.Relax(grid2, next2, 20, 1.5);
double largeRunMs = clock.Elapsed.TotalMilliseconds;

// Before anything is printed (setting up Console's encoding loads ICU): did the first calls load ICU? They should not (docs/cache.md).
string icuLoaded = OperatingSystem.IsLinux() ? File.ReadAllText("/proc/self/maps").Contains("libicuuc", StringComparison.Ordinal).ToString() : "n/a";

// Two instantiations of a generic kernel, after the other calls: the first one's latency is reported too.
int[] ints = Enumerable.Range(1, 1000).ToArray();
clock.Restart();
double totalDouble = Kernels.Total(a);
double genericMs = clock.Elapsed.TotalMilliseconds;
int totalInt = Kernels.Total(ints);
// Did the first calls load the runtime assembly? A clean native hit (and NUMBA_DISABLE_JIT) should not: stubs call the
// small NumbaWeaver.Entry first (docs/cache.md, "The native hit path").
bool runtimeLoaded = AppDomain.CurrentDomain.GetAssemblies().Any(loaded => loaded.GetName().Name == "NumbaWeaver");

Console.WriteLine($"total-double {BitConverter.DoubleToInt64Bits(totalDouble):X16}");
Console.WriteLine($"total-int {totalInt}");
Console.WriteLine($"dot {BitConverter.DoubleToInt64Bits(dot):X16}");
Console.WriteLine($"relax {BitConverter.DoubleToInt64Bits(relax):X16}");
Console.WriteLine($"first-call-small-ms {smallMs:F3}");
Console.WriteLine($"first-call-large-ms {largeMs:F3}");
Console.WriteLine($"squares {BitConverter.DoubleToInt64Bits(squares):X16}");
Console.WriteLine($"first-call-next-small-ms {nextMs:F3}");
Console.WriteLine($"second-call-large-ms {largeRunMs:F3}");
Console.WriteLine($"first-call-generic-ms {genericMs:F3}");
Console.WriteLine($"runtime-loaded-by-first-calls {runtimeLoaded}");
PrintStatistics();
Console.WriteLine($"icu-loaded-by-first-calls {icuLoaded}");
Console.WriteLine($"llvm-loaded {File.ReadAllText("/proc/self/maps").Contains("libLLVM")}");

// Apart, and not inlined: a reference to the runtime's types in the top-level code would make the JIT load the runtime
// assembly while compiling it, before the first call is timed; a program's first call pays for that load.
[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
static void PrintStatistics()
{
    Console.WriteLine($"compiled {Statistics.CompileCount}");
    Console.WriteLine($"fallbacks {Statistics.FallbackCount}");
    Console.WriteLine($"ir-modules-parsed {Statistics.IrModulesParsed}");
    Console.WriteLine($"cache-hits {CacheStatistics.Hits}");
    Console.WriteLine($"cache-misses {CacheStatistics.Misses}");
    Console.WriteLine($"cache-rejected {CacheStatistics.Rejected}");
    Console.WriteLine($"precompiled-hits {CacheStatistics.PrecompiledHits}");
    Console.WriteLine($"native-hits {CacheStatistics.NativeHits}");
}
