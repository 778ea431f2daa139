// Resolves and imports what kernel twins call: ILGPU's ArrayView/SharedMemory/LocalMemory and NumbaWeaver.Cuda's device helpers.
using System;
using System.Linq;
using Mono.Cecil;

namespace NumbaWeaver.Weaving.Cuda;

/// <summary>
/// The user's assembly references NumbaWeaver.Cuda (it uses [CudaJit] and Cuda.*); ILGPU is found
/// through NumbaWeaver.Cuda's own references, so a user project never names ILGPU.
/// </summary>
internal sealed class CudaReferences
{
    private readonly ModuleDefinition _module;
    private readonly TypeDefinition _arrayView;
    private readonly TypeDefinition _deviceMatrix;
    private readonly TypeDefinition _kernelArrays;
    private readonly TypeDefinition _deviceAtomic;
    private readonly MethodDefinition _sharedAllocate;
    private readonly MethodDefinition _localAllocate;

    private CudaReferences(ModuleDefinition module, ModuleDefinition cuda, ModuleDefinition ilgpu)
    {
        _module = module;
        _arrayView = Type(ilgpu, "ILGPU.ArrayView`1");
        _deviceMatrix = Type(cuda, "NumbaWeaver.Gpu.Compilation.DeviceMatrix`1");
        _kernelArrays = Type(cuda, "NumbaWeaver.Gpu.Compilation.KernelArrays");
        _deviceAtomic = Type(cuda, "NumbaWeaver.Gpu.Compilation.DeviceAtomic");
        _sharedAllocate = Allocate(Type(ilgpu, "ILGPU.SharedMemory"));
        _localAllocate = Allocate(Type(ilgpu, "ILGPU.LocalMemory"));
    }

    /// <summary>Null when the module does not reference NumbaWeaver.Cuda (then it has no [CudaJit] code either).</summary>
    public static CudaReferences? TryCreate(ModuleDefinition module)
    {
        var cudaName = module.AssemblyReferences.FirstOrDefault(a => a.Name == "NumbaWeaver.Cuda");
        if (cudaName == null) return null;
        var cuda = module.AssemblyResolver.Resolve(cudaName)
                   ?? throw new InvalidOperationException("NumbaWeaver.Cuda.dll could not be resolved");
        var ilgpuName = cuda.MainModule.AssemblyReferences.First(a => a.Name == "ILGPU");
        var ilgpu = module.AssemblyResolver.Resolve(ilgpuName)
                    ?? throw new InvalidOperationException("ILGPU.dll could not be resolved");
        return new CudaReferences(module, cuda.MainModule, ilgpu.MainModule);
    }

    private static TypeDefinition Type(ModuleDefinition module, string fullName) =>
        module.GetType(fullName) ?? throw new InvalidOperationException($"{fullName} not found in {module.Name}");

    private static MethodDefinition Allocate(TypeDefinition memory) =>
        memory.Methods.Single(m => m.Name == "Allocate" && m.GenericParameters.Count == 1 && m.Parameters.Count == 1
                                   && m.Parameters[0].ParameterType.MetadataType == MetadataType.Int32);

    /// <summary>ArrayView&lt;T&gt;: what a T[] becomes.</summary>
    public TypeReference ArrayView(TypeReference element) => Instance(_arrayView, element);

    /// <summary>DeviceMatrix&lt;T&gt;: what a T[,] becomes.</summary>
    public TypeReference DeviceMatrix(TypeReference element) => Instance(_deviceMatrix, element);

    /// <summary>
    /// A generic helper of KernelArrays (Load, Store, Ref, Length, GetLength, Load2 ...) for <paramref name="element"/>;
    /// without <paramref name="checks"/>, its unchecked form where it has one.
    /// </summary>
    public MethodReference ArrayHelper(string name, TypeReference element, bool checks = true)
    {
        string chosen = !checks && name is "Load" or "Store" or "Ref" or "Load2" or "Store2" or "Ref2" ? name + "Unchecked" : name;
        return GenericMethod(_kernelArrays.Methods.Single(m => m.Name == chosen), element);
    }

    public MethodReference SharedAllocate(TypeReference element) => GenericMethod(_sharedAllocate, element);

    public MethodReference LocalAllocate(TypeReference element) => GenericMethod(_localAllocate, element);

    /// <summary>The DeviceAtomic overload named <paramref name="name"/> for arrays of <paramref name="element"/>, or null.</summary>
    public MethodReference? Atomic(string name, TypeReference element, int parameterCount)
    {
        var match = _deviceAtomic.Methods.FirstOrDefault(m =>
            m.Name == name && m.Parameters.Count == parameterCount
            && m.Parameters[0].ParameterType is GenericInstanceType g && g.GenericArguments[0].FullName == element.FullName);
        return match == null ? null : _module.ImportReference(match);
    }

    private TypeReference Instance(TypeDefinition generic, TypeReference element)
    {
        var instance = new GenericInstanceType(_module.ImportReference(generic));
        instance.GenericArguments.Add(_module.ImportReference(element));
        return instance;
    }

    private MethodReference GenericMethod(MethodDefinition method, TypeReference element)
    {
        var instance = new GenericInstanceMethod(_module.ImportReference(method));
        instance.GenericArguments.Add(_module.ImportReference(element));
        return instance;
    }
}
