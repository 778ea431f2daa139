// Resolves the static readonly arrays compiled code reads, pinning each one for the life of the process.
using System;
using System.Diagnostics.CodeAnalysis;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// Compiled functions call <see cref="Resolve"/> (symbol <c>numbaweaver_static_array</c>) when they
/// start, once per static readonly array they read. A readonly field keeps its array for good, so
/// the array is pinned once (a GCHandle never freed) and its address reused: the code reads the
/// array's current contents on every call, as C# does.
/// </summary>
public static unsafe class StaticArrays
{
    private static readonly ConcurrentDictionary<string, (nint Data, long[] Lengths)> Resolved = new();

    /// <summary>The pinned arrays by data address, for a compiled method that returns one (Allocations.Returned).</summary>
    private static readonly ConcurrentDictionary<nint, Array> ByData = new();

    /// <summary>The static readonly array whose data starts at <paramref name="data"/>, or null.</summary>
    internal static Array? FindByData(nint data) => ByData.TryGetValue(data, out var array) ? array : null;

    /// <summary>Writes the lengths (one per dimension) and returns the data address; a null or missing field gives length 0.</summary>
    [UnmanagedCallersOnly]
    internal static byte* Resolve(byte* name, long* lengths)
    {
        try
        {
            var key = Marshal.PtrToStringUTF8((nint)name) ?? "";
            var (data, dims) = Resolved.GetOrAdd(key, Pin);
            for (int d = 0; d < dims.Length; d++) lengths[d] = dims[d];
            return (byte*)data;
        }
        catch (Exception)
        {
            // Never unwind into native frames. A field that cannot be read (its static constructor
            // threw) reads as empty: the access then fails with IndexOutOfRange (docs/abi.md).
            *lengths = 0;
            return null;
        }
    }

    /// <summary>Reads the field (running the static constructor if needed) and pins its array.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2057",
        Justification = "The weaver marks each field compiled code reads as a DynamicDependency of its stub (weaver/Stubs/ReflectedFields.cs).")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above: the field is kept with its declaring type.")]
    public static (nint Data, long[] Lengths) Pin(string name)
    {
        var parts = name.Split('|');
        if (parts.Length != 3) throw new FormatException($"bad static field name '{name}'");
        var type = Type.GetType(parts[1] + ", " + parts[0], throwOnError: true)!;
        var field = type.GetField(parts[2], BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                    ?? throw new MissingFieldException(type.FullName, parts[2]);
        if (field.GetValue(null) is not Array array) return (0, new long[1]);
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned); // never freed: the field holds the array for good
        var lengths = new long[array.Rank];
        for (int d = 0; d < lengths.Length; d++) lengths[d] = array.GetLength(d);
        ByData[handle.AddrOfPinnedObject()] = array;
        return (handle.AddrOfPinnedObject(), lengths);
    }
}
