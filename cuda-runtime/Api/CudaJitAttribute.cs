// [CudaJit]: marks a static method as a CUDA kernel (or device function) compiled by ILGPU on first launch.
using System;

namespace NumbaWeaver;

/// <summary>
/// A CUDA kernel written in C# with Numba's vocabulary (Numba's <c>@cuda.jit</c>). Kernels are
/// static, return void and take arrays (<c>float[]</c>, <c>double[,]</c>) and scalars; the weaver
/// adds an ILGPU twin of the method at build time and <see cref="Cuda.Launch{T1}"/> runs it.
/// Ordinary static methods called from a kernel are device functions; marking them
/// <c>[CudaJit(Device = true)]</c> only documents that (and checks them even when unused).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CudaJitAttribute : Attribute
{
    /// <summary>A device function: callable from kernels, not launchable.</summary>
    public bool Device { get; set; }

    /// <summary>
    /// Lets the GPU fuse a multiply and an add into one <c>fma</c> (one rounding instead of C#'s two: faster,
    /// and results may differ from the C# in the last bit). Off by default, so a kernel computes on the GPU
    /// what its C# computes; numba-cuda fuses by default. Applies to the kernel and the device functions it calls.
    /// </summary>
    public bool FastMath { get; set; }

    /// <summary>
    /// Keeps the kernel's PTX in the disk cache (as <c>[Njit(Cache = true)]</c> does machine code; <c>NUMBA_CACHE=1</c>
    /// caches every kernel), so a new process launches it without running ILGPU's compiler. Numba's <c>cache=True</c>.
    /// </summary>
    public bool Cache { get; set; }

    /// <summary>
    /// Check every array index (the default): out of range, a GPU skips the access and the simulator throws. False
    /// removes the checks from the kernel and from the device functions of its assembly that it calls: faster
    /// (docs/cuda.md), and an index out of range is then undefined behaviour, as in numba-cuda. Set on kernels
    /// (device functions follow their kernel).
    /// </summary>
    public bool BoundsCheck { get; set; } = true;
}
