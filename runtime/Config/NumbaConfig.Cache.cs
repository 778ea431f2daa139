// Switches of the disk cache and of precompiled (build-time) machine code.
namespace NumbaWeaver.Config;

public static partial class NumbaConfig
{
    /// <summary>NUMBA_CACHE=1: cache every [Njit] method on disk, as if each had <c>Cache = true</c>.</summary>
    public static bool CacheAll => Entry.Switches.CacheAll;

    /// <summary>NUMBA_CACHE_DIR: the cache root; unset means $XDG_CACHE_HOME/numbaweaver or ~/.cache/numbaweaver.</summary>
    public static string? CacheDir => Entry.Switches.CacheDir;

    /// <summary>NUMBA_DEBUG_CACHE=1: print each cache and precompiled-library decision to stderr.</summary>
    public static bool DebugCache => Entry.Switches.DebugCache;

    /// <summary>NUMBA_USE_PRECOMPILED=0: ignore machine code precompiled at build time (default on).</summary>
    public static bool UsePrecompiled => Entry.Switches.UsePrecompiled;
}
