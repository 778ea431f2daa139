// CudaKernel: an untyped kernel handle whose indexer gives a launcher checked at run time, as Numba's dispatcher.
using System.Reflection;
using NumbaWeaver.Gpu.Launch;

namespace NumbaWeaver;

/// <summary>Launches a kernel with arguments checked against its parameters at launch.</summary>
public delegate void CudaLaunch(params object?[] arguments);

/// <summary>Made by <see cref="Cuda.Kernel(System.Delegate)"/>.</summary>
public sealed class CudaKernel
{
    internal CudaKernel(MethodInfo method) => Method = method;

    public MethodInfo Method { get; }

    public CudaLaunch this[Dim3 blocks, Dim3 threads] => args => KernelLauncher.Launch(Method, blocks, threads, null, args);

    public CudaLaunch this[Dim3 blocks, Dim3 threads, CudaStream stream] => args => KernelLauncher.Launch(Method, blocks, threads, stream, args);
}
