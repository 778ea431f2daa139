// Counters of the disk cache and of precompiled code that tests and users can read.
using System.Threading;

namespace NumbaWeaver.Cache;

/// <summary>Process-wide counters (updated with Interlocked; hits served by the native hit path are counted there).</summary>
public static class CacheStatistics
{
    private static int hits, misses, stores, rejected, precompiledHits, storeFailures;

    /// <summary>Entries loaded from the disk cache instead of being compiled.</summary>
    public static int Hits => Volatile.Read(ref hits) + NativeHit.Hits(1);

    /// <summary>Cacheable entries that were not in the cache (or were rejected) and had to be compiled.</summary>
    public static int Misses => Volatile.Read(ref misses);

    /// <summary>Entries written to the disk cache.</summary>
    public static int Stores => Volatile.Read(ref stores);

    /// <summary>Cache files found corrupted, truncated or foreign, discarded and recompiled.</summary>
    public static int Rejected => Volatile.Read(ref rejected);

    /// <summary>Cache writes that failed (read-only or missing folder...): the compiled code was used anyway.</summary>
    public static int StoreFailures => Volatile.Read(ref storeFailures);

    /// <summary>Entries taken from machine code precompiled at build time.</summary>
    public static int PrecompiledHits => Volatile.Read(ref precompiledHits) + NativeHit.Hits(0);

    /// <summary>The hits of <see cref="Hits"/> and <see cref="PrecompiledHits"/> served by the native hit path (docs/cache.md).</summary>
    public static int NativeHits => NativeHit.Hits(0) + NativeHit.Hits(1);

    internal static void Hit() => Interlocked.Increment(ref hits);
    internal static void Miss() => Interlocked.Increment(ref misses);
    internal static void Stored() => Interlocked.Increment(ref stores);
    internal static void Reject() => Interlocked.Increment(ref rejected);
    internal static void StoreFailed() => Interlocked.Increment(ref storeFailures);
    internal static void PrecompiledHit() => Interlocked.Increment(ref precompiledHits);
}
