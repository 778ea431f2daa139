// Keeps a GPU kernel's float arithmetic what C# computes: forbids ptxas from fusing a multiply and an add into one fma.
using System;
using System.Reflection;
using System.Text.RegularExpressions;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;

namespace NumbaWeaver.Gpu.Compilation;

/// <summary>
/// ILGPU writes float <c>add</c>, <c>sub</c> and <c>mul</c> without a rounding mode, and the driver's PTX
/// assembler then contracts <c>a * b + c</c> into <c>fma</c>, rounding once where C# rounds twice (seen on
/// an H100: <c>3x² + 2x + 1</c> came back one ulp off). PTX leaves instructions that name their rounding
/// mode alone, so the kernel's text gets <c>.rn</c> (round to nearest even, what C# does) on each of them;
/// <c>[CudaJit(FastMath = true)]</c> keeps the contraction.
/// </summary>
internal static class PtxContraction
{
    /// <summary>
    /// An instruction (optionally predicated, <c>@%p1</c>) that is a float add, sub or mul. Anchored at the line's
    /// start: <c>atom.global.add.f32</c> and <c>red.add.f64</c> end in the same words and take no rounding mode
    /// (the driver refused the module when they got one).
    /// </summary>
    private static readonly Regex s_unrounded = new(
        @"^(\s*(?:@!?%\w+\s+)?)(add|sub|mul)\.(f32|f64)\b",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <summary>ILGPU 1.5's compiled kernel keeps its PTX in a get-only property; the loader reads it from there.</summary>
    private static readonly FieldInfo? s_assemblyField =
        typeof(PTXCompiledKernel).GetField("<PTXAssembly>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>The PTX with a rounding mode on every float add, sub and mul.</summary>
    public static string Forbid(string ptx) => s_unrounded.Replace(ptx, "$1$2.rn.$3");

    /// <summary>Compiles a kernel twin to PTX; unless <paramref name="fastMath"/>, with contraction forbidden.</summary>
    public static PTXCompiledKernel Compile(PTXBackend backend, MethodInfo twin, bool fastMath)
    {
        var compiled = (PTXCompiledKernel)backend.Compile(
            EntryPointDescription.FromExplicitlyGroupedKernel(twin), KernelSpecialization.Empty);
        if (fastMath) return compiled;
        if (s_assemblyField == null)
            throw new InvalidOperationException(
                "this ILGPU version keeps a compiled kernel's PTX where NumbaWeaver.Cuda cannot replace it; " +
                "use the ILGPU version NumbaWeaver.Cuda was built with");
        s_assemblyField.SetValue(compiled, Forbid(compiled.PTXAssembly));
        return compiled;
    }
}
