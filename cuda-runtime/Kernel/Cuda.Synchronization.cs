// Cuda.SyncThreads, SyncWarp and memory fences: ILGPU barriers.
using ILGPU;

namespace NumbaWeaver;

public static partial class Cuda
{
    /// <summary><c>cuda.syncthreads()</c>: waits until every thread of the block reaches this point.</summary>
    public static void SyncThreads() => Group.Barrier();

    /// <summary><c>cuda.syncthreads_count(predicate)</c>: a barrier that counts the threads whose predicate is true.</summary>
    public static int SyncThreadsCount(bool predicate) => Group.BarrierPopCount(predicate);

    /// <summary><c>cuda.syncthreads_and(predicate)</c>.</summary>
    public static bool SyncThreadsAnd(bool predicate) => Group.BarrierAnd(predicate);

    /// <summary><c>cuda.syncthreads_or(predicate)</c>.</summary>
    public static bool SyncThreadsOr(bool predicate) => Group.BarrierOr(predicate);

    /// <summary><c>cuda.syncwarp()</c>: a barrier for the threads of one warp.</summary>
    public static void SyncWarp() => Warp.Barrier();

    /// <summary><c>cuda.threadfence_block()</c>.</summary>
    public static void ThreadFenceBlock() => MemoryFence.GroupLevel();

    /// <summary><c>cuda.threadfence()</c>.</summary>
    public static void ThreadFence() => MemoryFence.DeviceLevel();

    /// <summary><c>cuda.threadfence_system()</c>.</summary>
    public static void ThreadFenceSystem() => MemoryFence.SystemLevel();
}
