// Numba's threading API: thread count, thread id and chunk size of parallel loops.
using NumbaWeaver.Parallel;

namespace NumbaWeaver;

public static partial class Numba
{
    /// <summary>Threads a parallel loop may use from now on (1..NUMBA_NUM_THREADS). Unlike Numba this is process-wide.</summary>
    public static void SetNumThreads(int n) => ParallelSettings.NumThreads = n;

    /// <summary>The number of threads parallel loops use.</summary>
    public static int GetNumThreads() => ParallelSettings.NumThreads;

    /// <summary>NUMBA_NUM_THREADS: the most threads <see cref="SetNumThreads"/> accepts.</summary>
    public static int MaxThreads => ParallelSettings.MaxThreads;

    /// <summary>0 on the thread that started a parallel loop (and outside loops); 1..n-1 on the worker threads.</summary>
    public static int GetThreadId() => ParallelRuntime.CurrentThreadId;

    /// <summary>
    /// Iterations per chunk of the following parallel loops (0: automatic, about four chunks per
    /// thread). Returns the previous value, as Numba's set_parallel_chunksize does.
    /// </summary>
    public static long SetParallelChunkSize(long size)
    {
        long old = ParallelSettings.ChunkSize;
        ParallelSettings.ChunkSize = size;
        return old;
    }

    /// <summary>The chunk size set by <see cref="SetParallelChunkSize"/> (0: automatic).</summary>
    public static long GetParallelChunkSize() => ParallelSettings.ChunkSize;
}
