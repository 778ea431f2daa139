// Thread count and chunk size of parallel loops: NUMBA_NUM_THREADS, NUMBA_THREADING_LAYER and their setters.
using System;
using NumbaWeaver.IR;
using NumbaWeaver.Config;

namespace NumbaWeaver.Parallel;

/// <summary>Process-wide settings read by <see cref="ParallelRuntime"/> at each parallel loop.</summary>
internal static class ParallelSettings
{
    /// <summary>NUMBA_NUM_THREADS (default: the machine's logical processors): the most threads a loop may use.</summary>
    public static readonly int MaxThreads = Math.Max(1, ReadInt("NUMBA_NUM_THREADS", Environment.ProcessorCount));

    /// <summary>NUMBA_THREADING_LAYER: "workqueue" (our own workers, the default) or "threadpool" (the .NET thread pool).</summary>
    public static readonly bool UseThreadPool =
        string.Equals(NumbaConfig.Raw("NUMBA_THREADING_LAYER"), "threadpool", StringComparison.OrdinalIgnoreCase);

    /// <summary>NUMBA_PARALLEL_DIAGNOSTICS=1: print what each compiled parallel loop became.</summary>
    public static readonly bool Diagnostics = NumbaConfig.Raw("NUMBA_PARALLEL_DIAGNOSTICS") is "1" or "true" or "yes";

    private static volatile int numThreads = MaxThreads;
    private static long chunkSize;

    public static int NumThreads
    {
        get => numThreads;
        set
        {
            if (value < 1 || value > MaxThreads)
                throw new ArgumentOutOfRangeException(nameof(value), value, $"the number of threads must be between 1 and NUMBA_NUM_THREADS ({MaxThreads})");
            numThreads = value;
        }
    }

    public static long ChunkSize
    {
        get => System.Threading.Volatile.Read(ref chunkSize);
        set
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "the chunk size must be 0 (automatic) or positive");
            System.Threading.Volatile.Write(ref chunkSize, value);
        }
    }

    // InvariantText, not int.TryParse with a culture: touching CultureInfo loads ICU on a first parallel call (docs/cache.md).
    private static int ReadInt(string name, int fallback) =>
        InvariantText.TryParseInt32(NumbaConfig.Raw(name), out int v) && v > 0 ? v : fallback;
}
