// Differential tests of Prange kernels (compiled vs original C#) with 1, 2 and 8 threads and several chunk sizes.
using System;
using System.Linq;
using Kernels.Fixture;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Differential.Differential;

namespace NumbaWeaver.Tests.Parallel;

[Collection(ParallelCollection.Name)]
public class ParallelDifferentialTests
{
    private static readonly Type K = typeof(ParallelKernels);

    public static TheoryData<int, long> Settings() => new()
    {
        { 1, 0 }, { 2, 0 }, { 8, 0 }, { 2, 1 }, { 8, 7 },
    };

    private static void With(int threads, long chunk, Action body)
    {
        Numba.SetNumThreads(threads);
        long old = Numba.SetParallelChunkSize(chunk);
        try
        {
            body();
        }
        finally
        {
            Numba.SetNumThreads(Math.Min(2, Numba.MaxThreads));
            Numba.SetParallelChunkSize(old);
        }
    }

    private static int[] Ints(int n, int seed) { var r = new Random(seed); return Enumerable.Range(0, n).Select(_ => r.Next(-1000, 1000)).ToArray(); }

    private static double[] Doubles(int n, int seed) { var r = new Random(seed); return Enumerable.Range(0, n).Select(_ => r.NextDouble() * 2 - 0.5).ToArray(); }

    [Theory]
    [MemberData(nameof(Settings))]
    public void IntegerReductionsAreExact(int threads, long chunk) => With(threads, chunk, () =>
    {
        foreach (int n in new[] { 0, 1, 5, 1000, 4099 })
        {
            var a = Ints(n, n);
            Check(K, nameof(ParallelKernels.SumI64), a);
            Check(K, nameof(ParallelKernels.SubI32), a);
            Check(K, nameof(ParallelKernels.ProductI64), a);
            Check(K, nameof(ParallelKernels.Bits), a, new int[2]);
            Check(K, nameof(ParallelKernels.MinMaxI64), a.Select(x => (long)x * 12345).ToArray());
            var m = new int[n % 37 + 1, n % 23 + 2];
            for (int i = 0; i < m.GetLength(0); i++) for (int j = 0; j < m.GetLength(1); j++) m[i, j] = a.Length == 0 ? i - j : a[(i * 7 + j) % a.Length];
            Check(K, nameof(ParallelKernels.Nested), m);
        }
    });

    [Theory]
    [MemberData(nameof(Settings))]
    public void FloatReductionsMatchWithinRounding(int threads, long chunk) => With(threads, chunk, () =>
    {
        foreach (int n in new[] { 0, 1, 7, 1000, 4099 })
        {
            var a = Doubles(n, n);
            CheckApprox(K, nameof(ParallelKernels.SumF64), 1e-9, a);
            CheckApprox(K, nameof(ParallelKernels.CallsHelper), 1e-9, a);
            CheckApprox(K, nameof(ParallelKernels.DivF64), 1e-9, a.Select(x => 1 + x / 1000).ToArray());
            Check(K, nameof(ParallelKernels.MinMaxF64), a, new double[1]); // min and max are exact in any order
            Check(K, nameof(ParallelKernels.Scale), a, new double[n], 2.5);
            Check(K, nameof(ParallelKernels.SequentialSum), a);
        }
    });

    [Fact]
    public void LongLoopsStartTheWorkersWhichRunChunksAndReportFailures() => With(2, 0, () =>
    {
        // Milliseconds of work per loop: enough for the runtime to start its workers instead of running a loop alone
        // (ParallelRuntime.StartWorkersAboveNs), so helpers run chunks, their partial sums combine in chunk order, and a
        // failing iteration in a chunk a helper may run is still the one C# reports.
        var a = Ints(4_000_000, 11).Select(x => x == 0 ? 1 : x).ToArray();
        Check(K, nameof(ParallelKernels.SumI64), a);
        Check(K, nameof(ParallelKernels.DivideByElements), a);
        a[3_000_000] = 0;
        Check(K, nameof(ParallelKernels.DivideByElements), a);
        if (OperatingSystem.IsLinux() && Numba.MaxThreads > 1)
        {
            // Linux keeps a thread's first 15 characters: "NumbaWeaver worker 1" is "NumbaWeaver wor".
            int workers = System.IO.Directory.GetDirectories("/proc/self/task")
                .Count(t => System.IO.File.ReadAllText(System.IO.Path.Combine(t, "comm")).StartsWith("NumbaWeaver wor", StringComparison.Ordinal));
            workers.ShouldBeGreaterThan(0);
        }
    });

    [Theory]
    [MemberData(nameof(Settings))]
    public void RangesWithStartAndStep(int threads, long chunk) => With(threads, chunk, () =>
    {
        foreach (var (start, stop, step) in new[] { (0, 100, 3), (99, -1, -1), (98, 3, -7), (5, 5, 1), (10, 3, 2), (3, 100, 100) })
            Check(K, nameof(ParallelKernels.Stepped), new int[100], start, stop, step);
    });

    [Theory]
    [MemberData(nameof(Settings))]
    public void ExceptionsInIterationsReachTheCaller(int threads, long chunk) => With(threads, chunk, () =>
    {
        foreach (int n in new[] { 1, 10, 3000 })
        {
            Check(K, nameof(ParallelKernels.OutOfRange), Doubles(n, 1), new double[n]
                .Select(x => x).ToArray()).ShouldBeNull();
            var a = Ints(n, 2).Select(x => x == 0 ? 1 : x).ToArray();
            Check(K, nameof(ParallelKernels.DivideByElements), a);
            a[n / 2] = 0;
            Check(K, nameof(ParallelKernels.DivideByElements), a);
        }
        Check(K, nameof(ParallelKernels.ZeroStep), 10);
    });

    [Theory]
    [MemberData(nameof(Settings))]
    public void ArgMinAndArgMaxKeepTheFirstExtremeIndex(int threads, long chunk) => With(threads, chunk, () =>
    {
        var arg = typeof(ParallelArgKernels);
        foreach (int n in new[] { 0, 1, 9, 1000, 4099 })
        {
            // Few distinct values: many ties, so the first index must win as in the sequential loop.
            var a = Ints(n, n + 3);
            Check(arg, nameof(ParallelArgKernels.ArgMin), a.Select(x => (double)(x % 17)).ToArray());
            Check(arg, nameof(ParallelArgKernels.ArgMin), a.Select(x => x % 5 == 0 ? double.NaN : x).ToArray());
            Check(arg, nameof(ParallelArgKernels.ArgMax), a, new long[1]);
        }
    });

    [Fact]
    public void ThreadSettingsAreValidated()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Numba.SetNumThreads(0));
        Should.Throw<ArgumentOutOfRangeException>(() => Numba.SetNumThreads(Numba.MaxThreads + 1));
        Should.Throw<ArgumentOutOfRangeException>(() => Numba.SetParallelChunkSize(-1));
        Numba.GetThreadId().ShouldBe(0);
    }

    [Fact]
    public void FastMathSubsetKeepsTheResultClose()
    {
        var a = Doubles(1001, 5);
        CheckApprox(K, nameof(ParallelKernels.DotReassoc), 1e-12, a, a);
    }
}
