// Finds the weaver's ILGPU twin of a [CudaJit] method and compiles it once per accelerator (exact float rounding on a GPU unless FastMath; PTX from the disk cache with Cache).
using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using System.Threading;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using NumbaWeaver.Config;
using NumbaWeaver.Gpu.Compilation;

namespace NumbaWeaver.Gpu.Launch;

/// <summary>A compiled kernel and what the launcher needs to know about its parameters.</summary>
internal sealed class LoadedKernel
{
    public LoadedKernel(string name, Kernel kernel, ParameterInfo[] parameters)
    {
        Name = name;
        Kernel = kernel;
        Parameters = parameters;
    }

    public string Name { get; }
    public Kernel Kernel { get; }

    /// <summary>The parameters of the user's method (float[], double[,], int ...).</summary>
    public ParameterInfo[] Parameters { get; }
}

/// <summary>Kernels compile on first launch; later launches reuse the loaded kernel.</summary>
internal sealed class KernelCache
{
    /// <summary>Must match weaver/Cuda/CompanionNames.cs.</summary>
    public static string KernelTwinName(string method) => "<" + method + ">cuda_kernel";

    private readonly Accelerator _accelerator;
    private readonly ConcurrentDictionary<MethodInfo, Lazy<LoadedKernel>> _kernels = new();

    public KernelCache(Accelerator accelerator) => _accelerator = accelerator;

    public LoadedKernel Get(MethodInfo method) =>
        _kernels.GetOrAdd(method, m => new Lazy<LoadedKernel>(() => Load(m))).Value;

    /// <summary>Kernels loaded (compiled or taken from the disk cache) in this process, for tests.</summary>
    internal static int LoadCount => Volatile.Read(ref loads);

    private static int loads;

    private LoadedKernel Load(MethodInfo method)
    {
        Interlocked.Increment(ref loads);
        var twin = FindTwin(method);
        var kernel = _accelerator is CudaAccelerator gpu
            ? LoadOnGpu(gpu, method, twin, method.GetCustomAttribute<CudaJitAttribute>()!)
            : _accelerator.LoadKernel(twin);
        return new LoadedKernel(DisplayName(method), kernel, method.GetParameters());
    }

    /// <summary>PTX from the disk cache when the kernel is cached and its entry is there, else compiled by ILGPU (and stored).</summary>
    private static Kernel LoadOnGpu(CudaAccelerator gpu, MethodInfo method, MethodInfo twin, CudaJitAttribute attribute)
    {
        bool fastMath = attribute.FastMath;
        string? key = attribute.Cache || NumbaConfig.CacheAll
            ? PtxDiskCache.Key(method, gpu.Architecture, gpu.InstructionSet, fastMath)
            : null;
        var compiled = key == null ? null : PtxDiskCache.TryLoad(gpu.Context, method, twin, key);
        if (compiled == null)
        {
            compiled = PtxContraction.Compile(gpu.Backend, twin, fastMath);
            if (key != null) PtxDiskCache.Store(method, key, compiled, "PTX of " + DisplayName(method) + " for " + gpu.Architecture + " (" + gpu.Name + ")");
        }
        return gpu.LoadKernel(compiled);
    }

    public static string DisplayName(MethodInfo m) => (m.DeclaringType?.FullName?.Replace('+', '.') ?? "?") + "." + m.Name;

    /// <summary>The twin has the same name in brackets and each array parameter replaced by its device form.</summary>
    internal static MethodInfo FindTwin(MethodInfo method)
    {
        if (method.GetCustomAttribute<CudaJitAttribute>() is not { } attribute)
            throw new ArgumentException($"{DisplayName(method)} is not marked [CudaJit]; only [CudaJit] methods can be launched.", nameof(method));
        if (attribute.Device)
            throw new ArgumentException($"{DisplayName(method)} is a device function ([CudaJit(Device = true)]); call it from a kernel instead of launching it.", nameof(method));
        var expected = method.GetParameters().Select(p => DeviceType(p.ParameterType)).ToArray();
        var twin = method.DeclaringType!
            .GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .FirstOrDefault(m => m.Name == KernelTwinName(method.Name) && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(expected));
        return twin ?? throw new InvalidOperationException(
            $"{DisplayName(method)} has no compiled kernel twin: its assembly was not woven by NumbaWeaver " +
            "(add the NumbaWeaver.Fody package and <NumbaWeaver /> to FodyWeavers.xml, and rebuild).");
    }

    /// <summary>float[] -> ArrayView&lt;float&gt;, double[,] -> DeviceMatrix&lt;double&gt;, scalars unchanged.</summary>
    internal static Type DeviceType(Type type)
    {
        if (type.IsSZArray) return typeof(ArrayView<>).MakeGenericType(type.GetElementType()!);
        if (type.IsArray && type.GetArrayRank() == 2) return typeof(DeviceMatrix<>).MakeGenericType(type.GetElementType()!);
        return type;
    }
}
