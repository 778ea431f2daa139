// The runtime switches a first call reads: the environment variable (Numba's name) first, then runtimeconfig.json/AppContext.
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Entry;

/// <summary>
/// Reads each switch once, from the environment variable (e.g. <c>NUMBA_DISABLE_JIT</c>) or, when that is unset, from the
/// AppContext data of the same name with a <c>NumbaWeaver.</c> prefix (<c>NumbaWeaver.NUMBA_DISABLE_JIT</c>), which
/// MSBuild properties write into runtimeconfig.json. Here, in the assembly stubs call first, so a cached or precompiled
/// first call reads them without loading the runtime; the runtime's public <c>NumbaConfig</c> reads the same values.
/// </summary>
internal static class Switches
{
    /// <summary>NUMBA_DISABLE_JIT=1: run the original C#; LLVM is never loaded.</summary>
    public static readonly bool DisableJit = Flag("NUMBA_DISABLE_JIT", false);

    /// <summary>NUMBA_OPT=0..3: LLVM optimisation level (default 3).</summary>
    public static readonly int OptLevel = Math.Clamp(Integer("NUMBA_OPT", 3), 0, 3);

    /// <summary>NUMBA_BOUNDSCHECK=0/1 overrides every method's BoundsCheck; unset keeps the per-method setting.</summary>
    public static readonly bool? BoundsCheck = Raw("NUMBA_BOUNDSCHECK") is { } v ? IsTrue(v) : null;

    /// <summary>NUMBA_CACHE=1: cache every [Njit] method on disk, as if each had <c>Cache = true</c>.</summary>
    public static readonly bool CacheAll = Flag("NUMBA_CACHE", false);

    /// <summary>NUMBA_CACHE_DIR: the cache root; unset means $XDG_CACHE_HOME/numbaweaver or ~/.cache/numbaweaver.</summary>
    public static readonly string? CacheDir = Raw("NUMBA_CACHE_DIR");

    /// <summary>NUMBA_DEBUG_CACHE=1: print each cache and precompiled-library decision to stderr.</summary>
    public static readonly bool DebugCache = Flag("NUMBA_DEBUG_CACHE", false);

    /// <summary>NUMBA_USE_PRECOMPILED=0: ignore machine code precompiled at build time (default on).</summary>
    public static readonly bool UsePrecompiled = Flag("NUMBA_USE_PRECOMPILED", true);

    /// <summary>The raw value of a switch: environment first, then AppContext data.</summary>
    public static string? Raw(string name)
    {
        var env = Environment.GetEnvironmentVariable(name);
        if (!string.IsNullOrEmpty(env)) return env;
        return AppContext.GetData("NumbaWeaver." + name) as string;
    }

    public static bool Flag(string name, bool fallback) => Raw(name) is { } v ? IsTrue(v) : fallback;

    public static int Integer(string name, int fallback) => InvariantText.TryParseInt32(Raw(name), out var v) ? v : fallback;

    private static bool IsTrue(string v) =>
        v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase);
}
