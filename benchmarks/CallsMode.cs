// "calls" mode: the per-call cost of [Njit] Add versus the plain method, timed in alternating short loops.
using System;
using System.Diagnostics;
using System.Globalization;
using NumbaWeaver.Benchmarks.Kernels;

namespace NumbaWeaver.Benchmarks;

/// <summary>
/// Alternates 10^6-call loops of each callee 41 times and keeps the fastest loop of each, so a
/// loaded machine (other processes) inflates both numbers alike and the minimum is a quiet slice.
/// </summary>
public static class CallsMode
{
    private const int Calls = 1_000_000, Rounds = 41;

    public static int Run()
    {
        Nj.Add(1, 2);   // compile first
        double plain = double.MaxValue, njit = double.MaxValue;
        int sink = 0;
        for (int r = 0; r < Rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < Calls; i++) sink = PlainNoInline.Add(sink, 1);
            plain = Math.Min(plain, sw.Elapsed.TotalNanoseconds / Calls);
            sw.Restart();
            for (int i = 0; i < Calls; i++) sink = Nj.Add(sink, 1);
            njit = Math.Min(njit, sw.Elapsed.TotalNanoseconds / Calls);
        }
        GC.KeepAlive(sink);   // the loops must not be removed as dead code
        Emit("C# no inlining (Stopwatch loop)", plain);
        Emit("[Njit] (Stopwatch loop)", njit);
        return 0;
    }

    private static void Emit(string impl, double ns) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"kernel\":\"call_add\",\"impl\":\"{impl}\",\"per_call_ns\":{ns:F3}}}"));
}
