// The process-wide ILGPU context and the accelerators it opened, created on first use.
using System;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using NumbaWeaver.Gpu.Launch;

namespace NumbaWeaver.Gpu.Device;

/// <summary>
/// One ILGPU <see cref="Context"/> (CUDA devices plus a CPU device of kind Nvidia), and at most one
/// accelerator per target, each with its own kernel cache. The context's cost (≈150 ms) is paid once.
/// </summary>
internal sealed class DeviceSession
{
    private static readonly Lazy<DeviceSession> s_instance = new(() => new DeviceSession());
    private static readonly object s_selectLock = new();
    private static CudaTarget s_selected = CudaTarget.Auto;

    private readonly object _lock = new();
    private Accelerator? _gpu;
    private Accelerator? _simulator;
    private KernelCache? _gpuKernels;
    private KernelCache? _simulatorKernels;

    private DeviceSession()
    {
        // Profiling makes stream markers (CudaEvent) available; assertions stay off so the GPU build drops them.
        Context = Context.Create(b => b.Cuda().CPU(CPUDeviceKind.Nvidia).Profiling());
        GpuDevices = [.. Context.GetCudaDevices()];
    }

    public static DeviceSession Instance => s_instance.Value;

    public Context Context { get; }

    public CudaDevice[] GpuDevices { get; }

    /// <summary>The target named by Cuda.Select, or the environment's choice for Auto.</summary>
    public static CudaTarget Selected
    {
        get { lock (s_selectLock) return s_selected; }
        set { lock (s_selectLock) s_selected = value; }
    }

    public static bool SimulatorRequested =>
        Environment.GetEnvironmentVariable("NUMBA_ENABLE_CUDASIM") is "1" or "true" or "True"
        || AppContext.GetData("NumbaWeaver.NUMBA_ENABLE_CUDASIM") is "1" or "true" or "True";

    /// <summary>What Auto resolves to here.</summary>
    public CudaTarget Resolve(CudaTarget target) => target switch
    {
        CudaTarget.Auto => SimulatorRequested || GpuDevices.Length == 0 ? CudaTarget.Simulator : CudaTarget.Gpu,
        _ => target,
    };

    /// <summary>The accelerator of the selected target, created on first use.</summary>
    public (Accelerator Accelerator, KernelCache Kernels) Current()
    {
        var target = Resolve(Selected);
        lock (_lock)
        {
            if (target == CudaTarget.Gpu)
            {
                if (GpuDevices.Length == 0)
                    throw new CudaUnavailableException("no NVIDIA GPU was found (CudaTarget.Gpu was selected); Cuda.Detect() lists what ILGPU sees");
                _gpu ??= Context.CreateCudaAccelerator(0);
                _gpuKernels ??= new KernelCache(_gpu);
                return (_gpu, _gpuKernels);
            }
            if (_simulator == null)
            {
                SimulatorFaults.Install();
                _simulator = Context.CreateCPUAccelerator(0, CPUAcceleratorMode.Parallel);
                _simulatorKernels = new KernelCache(_simulator);
            }
            return (_simulator, _simulatorKernels!);
        }
    }

    public static bool IsSimulator(Accelerator accelerator) => accelerator.AcceleratorType == AcceleratorType.CPU;
}
