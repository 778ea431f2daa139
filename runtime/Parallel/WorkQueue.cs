// The default threading layer: NUMBA_NUM_THREADS - 1 background workers that spin briefly, then sleep, between loops.
using System.Threading;
using NumbaWeaver.IR;

namespace NumbaWeaver.Parallel;

/// <summary>
/// Our own workers: a loop is posted as the current job and workers join it (<see cref="ParallelRuntime.Chunks.Help"/>);
/// workers that were sleeping are woken by a semaphore, spinning ones see the new generation at once.
/// </summary>
internal static class WorkQueue
{
    private const int SpinIterations = 2000;

    private static readonly SemaphoreSlim Wake = new(0);
    private static readonly Lock StartGate = new();
    private static ParallelRuntime.Chunks? current;
    private static long generation;
    private static int sleeping;
    private static int started;

    public static void Post(ParallelRuntime.Chunks job)
    {
        EnsureWorkers(ParallelSettings.MaxThreads - 1);
        Volatile.Write(ref current, job);
        Interlocked.Increment(ref generation);
        int toWake = Volatile.Read(ref sleeping);
        if (toWake > 0) Wake.Release(toWake);
    }

    private static void EnsureWorkers(int count)
    {
        if (Volatile.Read(ref started) >= count) return;
        lock (StartGate)
        {
            while (started < count)
            {
                int id = ++started;
                new Thread(() => Loop(id)) { IsBackground = true, Name = "NumbaWeaver worker " + InvariantText.Decimal(id) }.Start();
            }
        }
    }

    private static void Loop(int id)
    {
        ParallelRuntime.SetWorkerThreadId(id);
        long seen = Volatile.Read(ref generation);
        while (true)
        {
            var spin = new SpinWait();
            for (int i = 0; i < SpinIterations && Volatile.Read(ref generation) == seen; i++) spin.SpinOnce(sleep1Threshold: -1);
            if (Volatile.Read(ref generation) == seen)
            {
                Interlocked.Increment(ref sleeping);
                if (Volatile.Read(ref generation) == seen) Wake.Wait();
                Interlocked.Decrement(ref sleeping);
                continue;
            }
            seen = Volatile.Read(ref generation);
            Volatile.Read(ref current)?.Help();
        }
    }
}
