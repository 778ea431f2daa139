// One launch: check the configuration against the device, compile on first use, marshal arguments, run, copy host arrays back.
using System;
using System.Reflection;
using System.Runtime.ExceptionServices;
using ILGPU;
using ILGPU.Runtime;
using NumbaWeaver.Gpu.Device;

namespace NumbaWeaver.Gpu.Launch;

/// <summary>
/// Every launch form (Cuda.Launch, kernel handles, stream launches) ends here. A launch that
/// copies host arrays waits for the kernel (the copies back need its results); one that uses
/// only device arrays and scalars is asynchronous, as in Numba.
/// </summary>
internal static class KernelLauncher
{
    public static void Launch(MethodInfo method, Dim3 blocks, Dim3 threads, CudaStream? stream, object?[] arguments)
    {
        var (accelerator, kernels) = DeviceSession.Instance.Current();
        string name = KernelCache.DisplayName(method);
        LaunchLimits.Check(accelerator, blocks, threads, name);
        var target = stream?.For(accelerator) ?? accelerator.DefaultStream;
        var kernel = kernels.Get(method);
        if (arguments.Length != kernel.Parameters.Length)
            throw new ArgumentException($"kernel {name} takes {kernel.Parameters.Length} argument(s), {arguments.Length} given.");

        using var scope = new LaunchScope();
        var deviceArguments = new object[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            var parameter = kernel.Parameters[i];
            HostMatrix.CheckArgument(parameter, arguments[i], name);
            var marshaller = ArgumentMarshaller.For(parameter.ParameterType);
            deviceArguments[i] = marshaller == null
                ? arguments[i]!
                : marshaller.ToDevice(arguments[i]!, accelerator, target, scope, parameter.Name ?? $"#{i}");
        }

        try
        {
            kernel.Kernel.Launch(target, new KernelConfig(
                new ILGPU.Index3D(blocks.X, blocks.Y, blocks.Z),
                new ILGPU.Index3D(threads.X, threads.Y, threads.Z)), deviceArguments);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }

        if (scope.CopyBacks.Count > 0)
        {
            foreach (var copyBack in scope.CopyBacks) copyBack(target);
            target.Synchronize();
            SimulatorFaults.ThrowIfFaulted(name);
        }
        else if (DeviceSession.IsSimulator(accelerator) && stream == null)
        {
            // The simulator has no asynchrony worth keeping on the default stream: report faults at the launch.
            target.Synchronize();
            SimulatorFaults.ThrowIfFaulted(name);
        }
    }
}
