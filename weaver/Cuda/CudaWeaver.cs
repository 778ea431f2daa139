// Build-time step for [CudaJit]: adds to each kernel an ILGPU twin whose arrays are ArrayViews, and to each device function it calls.
using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.Weaving.Diagnostics;
using NumbaWeaver.Weaving.Frontend;

namespace NumbaWeaver.Weaving.Cuda;

/// <summary>
/// Users write kernels over plain arrays; ILGPU compiles kernels over ArrayViews. For every
/// [CudaJit] kernel the weaver adds a public static twin <c>&lt;Name&gt;cuda_kernel</c> with each
/// <c>T[]</c> parameter as <c>ArrayView&lt;T&gt;</c> and each <c>T[,]</c> as <c>DeviceMatrix&lt;T&gt;</c>, whose
/// body is the original IL with array instructions replaced one for one by device helpers;
/// same-assembly static methods the kernel calls get <c>&lt;Name&gt;cuda_device</c> twins the same
/// way. The original methods are left as they are. Unsupported code is an NJ05xx build error.
/// </summary>
public static class CudaWeaver
{
    public const string CudaJitAttributeName = "NumbaWeaver.CudaJitAttribute";

    /// <summary>Adds the twins; returns the problems found (empty when none or when there are no kernels).</summary>
    public static List<Diagnostic> Weave(ModuleDefinition module)
    {
        var diagnostics = new List<Diagnostic>();
        var roots = module.GetTypes().SelectMany(t => t.Methods).Where(IsCudaJit).ToList();
        if (roots.Count == 0) return diagnostics;
        var references = CudaReferences.TryCreate(module);
        if (references == null) return diagnostics;

        var twins = new TwinRegistry(module, references);
        foreach (var root in roots)
        {
            if (!CheckSignature(root, IsDevice(root), diagnostics)) continue;
            if (IsDevice(root)) twins.GetOrAdd(root, CompanionKind.Device);
            else twins.GetOrAdd(root, CompanionKind.Kernel, checks: !Unchecked(root));
        }
        while (twins.TryTakePending(out var pending))
        {
            try
            {
                new KernelTwinBuilder(module, references, twins, pending.Original, pending.Twin, pending.Checks, diagnostics).Build();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NullReferenceException
                                           or InvalidCastException or IndexOutOfRangeException or AssemblyResolutionException)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.TranslatorCrash,
                    $"internal error preparing {ModuleTranslator.DisplayName(pending.Original)} for [CudaJit]: {ex.GetType().Name}: {ex.Message}. Please report this NumbaWeaver bug",
                    pending.Original, SourceLocator.For(pending.Original).First));
            }
        }
        return diagnostics;
    }

    public static bool IsCudaJit(MethodDefinition m) => CudaJitAttribute(m) != null;

    private static CustomAttribute? CudaJitAttribute(MethodDefinition m) =>
        m.HasCustomAttributes ? m.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == CudaJitAttributeName) : null;

    public static bool IsDevice(MethodDefinition m) =>
        CudaJitAttribute(m)!.Properties.Any(p => p.Name == "Device" && p.Argument.Value is true);

    /// <summary>[CudaJit(BoundsCheck = false)]: the kernel and the device functions it calls index without checks.</summary>
    private static bool Unchecked(MethodDefinition m) =>
        CudaJitAttribute(m)!.Properties.Any(p => p.Name == "BoundsCheck" && p.Argument.Value is false);

    private static bool CheckSignature(MethodDefinition method, bool device, List<Diagnostic> diagnostics)
    {
        string name = ModuleTranslator.DisplayName(method);
        string? problem = null;
        if (!method.IsStatic) problem = $"[CudaJit] method {name} is not static: kernels and device functions must be static methods";
        else if (method.HasGenericParameters || method.DeclaringType.HasGenericParameters)
            problem = $"[CudaJit] method {name} is generic: write one kernel per element type";
        else if (!method.HasBody) problem = $"[CudaJit] method {name} has no body";
        else if (!device && method.ReturnType.MetadataType != MetadataType.Void)
            problem = $"[CudaJit] kernel {name} returns a value: kernels return void and write results into arrays (device functions, [CudaJit(Device = true)], may return values)";
        else if (!device)
        {
            var bad = method.Parameters.FirstOrDefault(p => !KernelTypes.IsKernelParameter(p.ParameterType));
            if (bad != null)
                problem = $"parameter '{bad.Name}' of [CudaJit] kernel {name} has type {bad.ParameterType.Name}: kernel parameters are primitives (int, float, double, ...) and T[] or T[,] of primitives";
        }
        if (problem == null) return true;
        diagnostics.Add(new Diagnostic(DiagnosticCodes.CudaKernelSignature, problem, method, SourceLocator.For(method).First));
        return false;
    }
}

/// <summary>Which twin a method gets.</summary>
internal enum CompanionKind
{
    Kernel,
    Device,
}
