// NUMBA_DEBUG_CACHE messages and the once-per-folder warnings of the cache.
using System;
using System.Collections.Concurrent;
using NumbaWeaver.Config;

namespace NumbaWeaver.Cache;

/// <summary>Writes cache decisions to stderr when NUMBA_DEBUG_CACHE=1; warnings always, once per subject.</summary>
internal static class CacheLog
{
    private static readonly ConcurrentDictionary<string, bool> Warned = new();

    public static void Debug(string message)
    {
        if (NumbaConfig.DebugCache) Console.Error.WriteLine($"[numba cache] {message}");
    }

    public static void WarnOnce(string subject, string message)
    {
        if (Warned.TryAdd(subject, true)) Console.Error.WriteLine($"warning NJ1001: {message}");
        else Debug(message);
    }
}
