// The one warning printed when compiled code cannot be had and the original C# runs instead.
using System;
using System.Threading;

namespace NumbaWeaver.Dispatch;

/// <summary>Writes a single warning per process to stderr; later fallbacks are counted, not printed.</summary>
internal static class FallbackWarning
{
    private static int _reported;

    public static void Report(string functionName, Exception reason)
    {
        Interlocked.Increment(ref Statistics.FallbackCount);
        if (Interlocked.Exchange(ref _reported, 1) != 0) return;
        Console.Error.WriteLine(
            $"warning NJ1000: NumbaWeaver could not compile {functionName}; running the original C# instead. " +
            $"Reason: {reason.GetType().Name}: {reason.Message} (set NUMBA_JIT_STRICT=1 to throw, NUMBA_DISABLE_JIT=1 to silence)");
    }
}
