// Cuda.Shared.Array and Cuda.Local.Array: per-block and per-thread scratch arrays; the weaver maps them to ILGPU's SharedMemory/LocalMemory.
using System;

namespace NumbaWeaver;

public static partial class Cuda
{
    /// <summary><c>cuda.shared</c>: memory shared by the threads of a block.</summary>
    public static class Shared
    {
        /// <summary><c>cuda.shared.array(size, dtype)</c>. <paramref name="size"/> must be a constant
        /// (a literal or a <c>const</c>); the weaver turns the call into ILGPU's <c>SharedMemory.Allocate</c>.</summary>
        public static T[] Array<T>(int size) where T : unmanaged => throw KernelOnly("Cuda.Shared.Array");
    }

    /// <summary><c>cuda.local</c>: memory private to one thread.</summary>
    public static class Local
    {
        /// <summary><c>cuda.local.array(size, dtype)</c>. <paramref name="size"/> must be a constant.</summary>
        public static T[] Array<T>(int size) where T : unmanaged => throw KernelOnly("Cuda.Local.Array");
    }

    internal static InvalidOperationException KernelOnly(string what) =>
        new($"{what} can only be used inside a [CudaJit] kernel launched with Cuda.Launch.");
}
