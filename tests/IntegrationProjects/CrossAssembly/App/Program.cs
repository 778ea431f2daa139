// Runs each kernel once and prints results (as bit patterns), the cache counters and whether libLLVM was loaded.
using System;
using System.IO;
using System.Linq;
using CrossApp;
using NumbaWeaver.Cache;
using NumbaWeaver.Dispatch;

double[] x = Enumerable.Range(0, 1000).Select(i => Math.Sin(i * 0.37) * 2.0).ToArray();
double[] smooth = new double[x.Length];
double[] parallel = new double[x.Length];
Kernels.SmoothAll(x, smooth);
Kernels.SmoothParallel(x, parallel);
double energy = Kernels.Energy(x);
double sum = Kernels.Sum(x);

static string Bits(double[] values) => values.Aggregate(17L, (h, v) => h * 31 + BitConverter.DoubleToInt64Bits(v)).ToString("X16");
Console.WriteLine($"smooth {Bits(smooth)}");
Console.WriteLine($"parallel {Bits(parallel)}");
Console.WriteLine($"energy {BitConverter.DoubleToInt64Bits(energy):X16}");
Console.WriteLine($"sum {BitConverter.DoubleToInt64Bits(sum):X16}");
Console.WriteLine($"compiled {Statistics.CompileCount}");
Console.WriteLine($"fallbacks {Statistics.FallbackCount}");
Console.WriteLine($"cache-hits {CacheStatistics.Hits}");
Console.WriteLine($"cache-misses {CacheStatistics.Misses}");
Console.WriteLine($"precompiled-hits {CacheStatistics.PrecompiledHits}");
Console.WriteLine($"llvm-loaded {File.ReadAllText("/proc/self/maps").Contains("libLLVM", StringComparison.Ordinal)}");
