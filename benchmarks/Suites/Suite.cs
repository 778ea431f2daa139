// The base of every benchmark class: the kernel id the report uses and the checksum of the last output.
namespace NumbaWeaver.Benchmarks.Suites;

/// <summary>
/// One kernel at one size. Benchmark methods are named after the implementation (Plain, Njit,
/// NjitFast, Simd); methods returning double return their checksum, void ones leave it to
/// <see cref="Checksum"/>, which reads the output arrays.
/// </summary>
public abstract class Suite
{
    /// <summary>The kernel id shared with the C and Numba references, e.g. <c>dot_1e7</c>.</summary>
    public abstract string Kernel { get; }

    /// <summary>Allocates and fills the inputs (BenchmarkDotNet calls it before timing).</summary>
    public abstract void Setup();

    /// <summary>The checksum of the output a void benchmark method left behind.</summary>
    public virtual double Checksum() => double.NaN;
}
