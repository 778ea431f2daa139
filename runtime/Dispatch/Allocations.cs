// Arrays compiled code allocates: owned by the .NET GC, pinned, and kept alive per thread until the call that made them returns.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumbaWeaver.IR;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// <c>new T[n]</c> in compiled code calls <see cref="NewArray"/> (symbol <c>numbaweaver_new_array</c>):
/// a real .NET array, so nothing is native memory and the GC reclaims it. Arrays are ordinary
/// (gen0) arrays pinned with a <see cref="GCHandle"/> for the call: the pinned object heap is
/// collected only by full collections, which made a million small allocations several times slower
/// (measured, docs/abi.md). Each thread lists the
/// arrays it allocated; a stub notes the list's length before calling native code (<see cref="Enter"/>)
/// and cuts the list back after it (<see cref="Exit"/>), so arrays live exactly as long as the call
/// that made them, unless it returns one (<see cref="Returned"/>). Parallel chunks do the same on
/// their worker threads (runtime/Parallel/ParallelRuntime.cs).
/// </summary>
public static unsafe class Allocations
{
    /// <summary>Arrays this thread's compiled code holds now (<see cref="Entry.AllocationScope.Enter"/>; stubs call that one).</summary>
    public static int Enter() => Entry.AllocationScope.Enter();

    /// <summary>Releases the arrays allocated since <paramref name="mark"/> (<see cref="Entry.AllocationScope.Exit"/>).</summary>
    public static void Exit(int mark) => Entry.AllocationScope.Exit(mark);

    /// <summary>
    /// The array whose data starts at <paramref name="data"/>: one this thread allocated since
    /// <paramref name="mark"/> (a compiled method returning a new array), or a static readonly array.
    /// The stub checks its own array arguments first.
    /// </summary>
    public static object Returned(nint data, int mark)
    {
        return Entry.AllocationScope.Find(data, mark)
               ?? StaticArrays.FindByData(data)
               ?? throw new InvalidOperationException("compiled code returned an array the runtime did not allocate (a NumbaWeaver bug)");
    }

    /// <summary>
    /// <c>ptr numbaweaver_new_array(i32 elementKind, i32 rank, ptr lengths)</c>: a new zeroed array of the
    /// scalar <see cref="TypeKind"/> and i64 lengths, pinned; its data address, or null after recording the
    /// exception .NET throws for these lengths (OverflowException, OutOfMemoryException) for the stub.
    /// </summary>
    [UnmanagedCallersOnly]
    internal static byte* NewArray(int elementKind, int rank, long* lengths)
    {
        try
        {
            var (array, handle) = (TypeKind)elementKind switch
            {
                TypeKind.Bool => Allocate<bool>(rank, lengths),
                TypeKind.I8 => Allocate<sbyte>(rank, lengths),
                TypeKind.U8 => Allocate<byte>(rank, lengths),
                TypeKind.I16 => Allocate<short>(rank, lengths),
                TypeKind.U16 => Allocate<ushort>(rank, lengths),
                TypeKind.Char => Allocate<char>(rank, lengths),
                TypeKind.I32 => Allocate<int>(rank, lengths),
                TypeKind.U32 => Allocate<uint>(rank, lengths),
                TypeKind.I64 => Allocate<long>(rank, lengths),
                TypeKind.U64 => Allocate<ulong>(rank, lengths),
                TypeKind.F32 => Allocate<float>(rank, lengths),
                TypeKind.F64 => Allocate<double>(rank, lengths),
                _ => throw new InvalidOperationException($"compiled code allocated an array of element kind {elementKind}"),
            };
            var data = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
            Keep(array, data, handle);
            return (byte*)data;
        }
        catch (Exception e)
        {
            // Never unwind into native frames: the stub on this thread throws it (status Raised).
            RaisedExceptions.SetPending(e);
            return null;
        }
    }

    /// <summary><c>void numbaweaver_copy_too_short()</c>: records the exception Span.CopyTo throws for a short destination.</summary>
    [UnmanagedCallersOnly]
    internal static void CopyTooShort() => RaisedExceptions.SetPending(DestinationTooShort());

    /// <summary>The exception .NET itself throws, so type and message match in every .NET version and culture.</summary>
    private static Exception DestinationTooShort()
    {
        try
        {
            new Span<byte>(new byte[1]).CopyTo(Span<byte>.Empty);
        }
        catch (ArgumentException e)
        {
            return e;
        }
        return new ArgumentException("Destination is too short.", "destination");
    }

    /// <summary>C#'s own <c>new T[n]</c> / <c>new T[a, b]</c> / <c>new T[a, b, c]</c> with the lengths narrowed as newarr does (checked).</summary>
    private static (Array Array, GCHandle Handle) Allocate<T>(int rank, long* lengths) where T : unmanaged
    {
        switch (rank)
        {
            case 1:
            {
                var array = new T[checked((int)lengths[0])];
                return (array, GCHandle.Alloc(array, GCHandleType.Pinned));
            }
            case 2:
            {
                var array = new T[checked((int)lengths[0]), checked((int)lengths[1])];
                return (array, GCHandle.Alloc(array, GCHandleType.Pinned));
            }
            case 3:
            {
                var array = new T[checked((int)lengths[0]), checked((int)lengths[1]), checked((int)lengths[2])];
                return (array, GCHandle.Alloc(array, GCHandleType.Pinned));
            }
            default:
                throw new InvalidOperationException($"compiled code allocated an array of rank {rank}");
        }
    }

    private static void Keep(Array array, nint data, GCHandle handle) => Entry.AllocationScope.Keep(array, data, handle);
}
