// Times first calls that any .NET program pays, in the order a kernel's first call meets them, and prints one line each.
using System;
using System.Diagnostics;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NumbaWeaver.FirstCallFloor;

/// <summary>
/// A cached or precompiled [Njit] first call must at least JIT its stub (plain C# JITs the method instead), enter
/// native code for the first time in the process (the runtime's interop start-up), and call into machine code
/// that lives in a library the process has not bound yet. This program measures exactly those with plain C# and
/// libraries every Debian system has (libc, zlib), so the numbers in docs/cache.md can be read against the floor.
/// Run it as built (JIT) and published with ReadyToRun: scripts/cache-latency.sh does both. With the argument
/// <c>loader</c> it times <see cref="MinimalLoader"/> instead, the least a precompiled kernel's first call can cost.
/// </summary>
internal static unsafe class Program
{
    private static int Main(string[] args)
    {
        if (args is ["loader"])
        {
            var (loaderMs, value) = MinimalLoader.Measure();
            Console.WriteLine($"floor-minimal-loader-first-call-ms {loaderMs:F3}");
            return value == 42 ? 0 : 1;
        }
        double[] a = Enumerable.Range(0, 4096).Select(i => Math.Sin(i) * 3.5).ToArray();
        double[] b = Enumerable.Range(0, 4096).Select(i => Math.Cos(i * 0.5)).ToArray();
        var clock = Stopwatch.StartNew();
        double dot = Dot(a, b);
        double managedMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        int pid = GetPid();
        double firstNativeMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        byte* version = ZlibVersion();
        double newLibraryMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        double total = Total(a);
        double genericMs = clock.Elapsed.TotalMilliseconds;

        // The results are printed so no call can be dropped; each figure is in its own line for the script's awk.
        Console.WriteLine($"floor-managed-first-call-ms {managedMs:F3}");
        Console.WriteLine($"floor-first-native-call-ms {firstNativeMs:F3}");
        Console.WriteLine($"floor-new-library-first-call-ms {newLibraryMs:F3}");
        Console.WriteLine($"floor-generic-math-first-call-ms {genericMs:F3}");
        Console.WriteLine($"results {BitConverter.DoubleToInt64Bits(dot):X16} {BitConverter.DoubleToInt64Bits(total):X16} {pid > 0} {version[0] != 0}");
        return 0;
    }

    // The same shape as the Cached integration project's small kernel: what plain C#'s first call costs (JIT included).
    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    // A generic-math method as users write them: .NET compiles INumber<T>-constrained instantiations at run time even
    // in a ReadyToRun image, so this first call includes the JIT in both modes.
    private static T Total<T>(T[] values) where T : INumber<T>
    {
        T sum = T.Zero;
        foreach (T value in values) sum += value;
        return sum;
    }

    // libc is mapped already: this is the runtime's own first transition into native code and its first binding.
    [DllImport("libc.so.6", EntryPoint = "getpid")]
    private static extern int GetPid();

    // zlib (Debian's zlib1g, priority required) is not mapped by the dotnet host: loading it and binding a symbol,
    // as a first call into any other native library costs (the machine code of a kernel lives in one).
    [DllImport("libz.so.1", EntryPoint = "zlibVersion")]
    private static extern byte* ZlibVersion();
}
