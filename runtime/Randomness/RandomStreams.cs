// Per-thread generator states in native memory, shared by managed draws and compiled code.
using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace NumbaWeaver.Randomness;

/// <summary>
/// Each thread owns a xoshiro256** state in native memory, so compiled code reads and writes the very
/// state the managed <see cref="Numba.Random"/> methods use. <see cref="Numba.Random.Seed"/> seeds
/// the calling thread only. A thread that draws before any seed starts from a seed this process picks
/// at random, with a stream number of its own, so unseeded threads are independent and not
/// reproducible (as an unseeded np.random). Parallel loops seed their chunks (docs/language.md).
/// </summary>
internal static unsafe class RandomStreams
{
    /// <summary>Bytes per state: a cache line, so the states of different threads never share one.</summary>
    private const int StateBytes = 64;

    private static readonly ulong ProcessSeed = unchecked((ulong)System.Random.Shared.NextInt64() ^ (ulong)Environment.TickCount64);
    private static long s_streams;

    [ThreadStatic] private static ulong* t_state;
    [ThreadStatic] private static StateOwner? t_owner;

    /// <summary>The calling thread's state (four words), allocated and seeded at first use.</summary>
    public static ulong* Current => t_state != null ? t_state : Create();

    private static ulong* Create()
    {
        var owner = new StateOwner((ulong*)NativeMemory.AlignedAlloc(StateBytes, StateBytes));
        Xoshiro.Seed(owner.State, ProcessSeed, (ulong)Interlocked.Increment(ref s_streams));
        t_owner = owner;
        t_state = owner.State;
        return t_state;
    }

    /// <summary>
    /// <c>ptr numbaweaver_random_state()</c>: the calling thread's state, fetched by compiled code once per
    /// call of a function that draws. When native memory ran out (a managed exception must not unwind
    /// through native frames) it returns a state shared by all such threads: valid memory, racy numbers.
    /// </summary>
    [UnmanagedCallersOnly]
    internal static ulong* StateForNativeCode()
    {
        try
        {
            return Current;
        }
        catch (OutOfMemoryException)
        {
            return OutOfMemoryState;
        }
    }

    private static readonly ulong* OutOfMemoryState = NewOutOfMemoryState();

    private static ulong* NewOutOfMemoryState()
    {
        var s = (ulong*)NativeMemory.AllocZeroed(StateBytes);
        Xoshiro.Seed(s, ProcessSeed, 0);
        return s;
    }

    /// <summary>Frees a thread's state once the thread is gone (its [ThreadStatic] reference dies with it).</summary>
    private sealed class StateOwner(ulong* state)
    {
        public ulong* State { get; } = state;

        ~StateOwner() => NativeMemory.AlignedFree(State);
    }
}
