// The arrays compiled code allocated on this thread, kept alive (pinned) until the call that made them returns.
using System;
using System.Runtime.InteropServices;

namespace NumbaWeaver.Entry;

/// <summary>
/// The runtime's <c>Allocations</c> (runtime/Dispatch/Allocations.cs) allocates the arrays compiled code asks for and
/// lists them here, per thread; a stub notes the list's length before calling native code (<see cref="Enter"/>) and cuts
/// the list back after it (<see cref="Exit"/>). Here, in the entry assembly, because every stub that may allocate calls
/// these two (a kernel calling other assemblies included): in the runtime assembly, the stub's JIT would load it.
/// </summary>
public static class AllocationScope
{
    /// <summary>A thread's list is dropped after a call when it grew beyond this, so one big call does not pin memory for good.</summary>
    private const int RetainedCapacity = 1024;

    [ThreadStatic] private static Array?[]? t_arrays;
    [ThreadStatic] private static nint[]? t_data;
    [ThreadStatic] private static GCHandle[]? t_handles;
    [ThreadStatic] private static int t_count;

    /// <summary>Arrays this thread's compiled code holds now (what <see cref="Exit"/> goes back to).</summary>
    public static int Enter() => t_count;

    /// <summary>Releases the arrays allocated since <paramref name="mark"/>: the GC may reclaim them from now on.</summary>
    public static void Exit(int mark)
    {
        int count = t_count;
        if (count == mark) return;
        var arrays = t_arrays!;
        var handles = t_handles!;
        for (int i = count - 1; i >= mark; i--)
        {
            if (handles[i].IsAllocated) handles[i].Free();
            handles[i] = default;
            arrays[i] = null;
        }
        t_count = mark;
        if (mark == 0 && arrays.Length > RetainedCapacity)
        {
            t_arrays = null;
            t_data = null;
            t_handles = null;
        }
    }

    /// <summary>Lists an array compiled code allocated on this thread (its data address, its pinning handle).</summary>
    internal static void Keep(Array array, nint data, GCHandle handle)
    {
        int count = t_count;
        if (t_arrays == null || count == t_arrays.Length)
        {
            int capacity = t_arrays == null ? 16 : t_arrays.Length * 2;
            Array.Resize(ref t_arrays, capacity);
            Array.Resize(ref t_data, capacity);
            Array.Resize(ref t_handles, capacity);
        }
        t_arrays[count] = array;
        t_data![count] = data;
        t_handles![count] = handle;
        t_count = count + 1;
    }

    /// <summary>The array of this thread's list since <paramref name="mark"/> whose data starts at <paramref name="data"/>, or null.</summary>
    internal static Array? Find(nint data, int mark)
    {
        var arrays = t_arrays;
        var starts = t_data;
        for (int i = t_count - 1; i >= mark && arrays != null; i--)
            if (starts![i] == data) return arrays[i]!;
        return null;
    }
}
