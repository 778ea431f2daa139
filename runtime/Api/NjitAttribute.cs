// [Njit]: marks a static method for native compilation through LLVM on first call.
using System;

namespace NumbaWeaver;

/// <summary>How aggressively the compiler inlines a method into its callers.</summary>
public enum InlineMode
{
    /// <summary>Let LLVM decide.</summary>
    Default = 0,
    /// <summary>Always inline into callers (Numba's inline='always').</summary>
    Always = 1,
    /// <summary>Never inline.</summary>
    Never = 2,
}

/// <summary>
/// Compile this static method to native code for the host CPU on first call (Numba's <c>@njit</c>).
/// The weaver rewrites the body into a stub; the original C# stays as the fallback and runs when
/// <c>NUMBA_DISABLE_JIT=1</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class NjitAttribute : Attribute
{
    /// <summary>Allow LLVM's fast-math transformations (reassociation, contraction, no NaN/inf/signed-zero guarantees).</summary>
    public bool FastMath { get; set; }

    /// <summary>Check array indices (the default). False removes the checks, as <c>NUMBA_BOUNDSCHECK=0</c> does globally.</summary>
    public bool BoundsCheck { get; set; } = true;

    /// <summary>
    /// A subset of fast-math permissions (Numba's <c>fastmath={'reassoc', 'contract'}</c>); combined
    /// with <see cref="FastMath"/> (which means all of them). See docs/parallel.md.
    /// </summary>
    public FastMathFlags FastMathFlags { get; set; }

    /// <summary>
    /// Run the iterations of <c>foreach (var i in Numba.Prange(...))</c> loops on several threads
    /// (Numba's <c>parallel=True</c>). Reductions of scalars are found and combined; see docs/parallel.md.
    /// </summary>
    public bool Parallel { get; set; }

    /// <summary>
    /// The widest SIMD vectors LLVM should prefer, in bits: 128, 256 or 512 (0, the default, lets LLVM decide for
    /// the CPU, as clang's <c>-mprefer-vector-width</c>). .NET array data starts 16 bytes (32 for <c>T[,]</c>)
    /// past a 64-byte boundary, so on AVX-512 CPUs every 512-bit load of a memory-bound loop splits a cache
    /// line: the 2000x2000 <c>double[,]</c> stencil of samples/Quickstart runs about twice as fast with 256,
    /// while compute-bound loops (N-body, matrix multiply) are faster with 512.
    /// </summary>
    public int PreferVectorWidth { get; set; }

    /// <summary>Inlining of this method into compiled callers.</summary>
    public InlineMode Inline { get; set; }

    /// <summary>Keep the machine code in the on-disk cache so later processes skip LLVM (Numba's <c>cache=True</c>; docs/cache.md).</summary>
    public bool Cache { get; set; }
}
