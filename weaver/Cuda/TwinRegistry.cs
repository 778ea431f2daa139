// The twins created so far (original method -> twin) and the ones whose bodies are still to be written.
using System.Collections.Generic;
using Mono.Cecil;

namespace NumbaWeaver.Weaving.Cuda;

/// <summary>
/// Device functions are discovered while kernel bodies are rewritten; each gets its twin's
/// signature at once (so calls can point at it) and its body later, exactly once.
/// </summary>
internal sealed class TwinRegistry
{
    private readonly ModuleDefinition _module;
    private readonly CudaReferences _references;
    private readonly Dictionary<(MethodDefinition, CompanionKind, bool), MethodDefinition> _twins = new();
    private readonly Queue<(MethodDefinition Original, MethodDefinition Twin, bool Checks)> _pending = new();

    public TwinRegistry(ModuleDefinition module, CudaReferences references)
    {
        _module = module;
        _references = references;
    }

    /// <summary>
    /// Must match cuda-runtime/Launch/KernelCache.cs. A kernel has one twin, checked or not as its attribute says; a
    /// device function has a checked twin (what other assemblies call) and, when a kernel with
    /// <c>BoundsCheck = false</c> calls it, an unchecked one.
    /// </summary>
    public static string TwinName(string method, CompanionKind kind, bool checks = true) =>
        "<" + method + (kind == CompanionKind.Kernel ? ">cuda_kernel" : checks ? ">cuda_device" : ">cuda_device_unchecked");

    public MethodDefinition GetOrAdd(MethodDefinition original, CompanionKind kind, bool checks = true)
    {
        if (_twins.TryGetValue((original, kind, checks), out var twin)) return twin;
        // Public: ILGPU's CPU accelerator calls the twin from generated code outside this assembly.
        twin = new MethodDefinition(TwinName(original.Name, kind, checks),
            MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig,
            KernelTypes.DeviceType(original.ReturnType, _references));
        foreach (var p in original.Parameters)
            twin.Parameters.Add(new ParameterDefinition(p.Name, p.Attributes & ~ParameterAttributes.HasDefault,
                KernelTypes.DeviceType(p.ParameterType, _references)));
        original.DeclaringType.Methods.Add(twin);
        _twins.Add((original, kind, checks), twin);
        _pending.Enqueue((original, twin, checks));
        return twin;
    }

    public bool TryTakePending(out (MethodDefinition Original, MethodDefinition Twin, bool Checks) pending)
    {
        if (_pending.Count == 0)
        {
            pending = default;
            return false;
        }
        pending = _pending.Dequeue();
        return true;
    }
}
