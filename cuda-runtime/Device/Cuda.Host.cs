// Host side of the Cuda API: device selection and detection, device and pinned arrays, streams, events, untyped kernel handles.
using System;
using System.IO;
using NumbaWeaver.Gpu.Device;
using NumbaWeaver.Gpu.Launch;

namespace NumbaWeaver;

public static partial class Cuda
{
    /// <summary><c>cuda.is_available()</c>: true when an NVIDIA GPU is usable (the simulator does not count).</summary>
    public static bool IsAvailable => DeviceSession.Instance.GpuDevices.Length > 0;

    /// <summary>True when launches currently run on the CPU simulator.</summary>
    public static bool IsSimulator => DeviceSession.Instance.Resolve(DeviceSession.Selected) == CudaTarget.Simulator;

    /// <summary>Chooses where later launches, arrays and streams go (Numba's <c>cuda.select_device</c>,
    /// with the simulator as a target). The default, Auto, honours <c>NUMBA_ENABLE_CUDASIM=1</c>.</summary>
    public static void Select(CudaTarget target) => DeviceSession.Selected = target;

    /// <summary>The name of the device launches run on.</summary>
    public static string DeviceName => DeviceSession.Instance.Current().Accelerator.Name;

    /// <summary><c>cuda.detect()</c>: prints the GPUs found and what launches will use; returns true when a GPU is supported.</summary>
    public static bool Detect(TextWriter? output = null)
    {
        output ??= Console.Out;
        var session = DeviceSession.Instance;
        output.WriteLine($"Found {session.GpuDevices.Length} CUDA devices");
        for (int i = 0; i < session.GpuDevices.Length; i++)
        {
            var d = session.GpuDevices[i];
            output.WriteLine($"id {i}    {d.Name,-40} [SUPPORTED]");
            output.WriteLine($"                      Compute Capability: {d.Architecture}");
            output.WriteLine($"                      Memory: {d.MemorySize / (1024 * 1024)} MiB, warp {d.WarpSize}, max threads per block {d.MaxNumThreadsPerGroup}");
        }
        output.WriteLine($"Summary:\n\t{session.GpuDevices.Length}/{session.GpuDevices.Length} devices are supported");
        var target = session.Resolve(DeviceSession.Selected);
        output.WriteLine(target == CudaTarget.Simulator
            ? "Kernels run on the CUDA simulator (ILGPU CPU accelerator, warp 32, 1024 threads per block)" +
              (DeviceSession.SimulatorRequested ? ": NUMBA_ENABLE_CUDASIM=1" : session.GpuDevices.Length == 0 ? ": no NVIDIA GPU" : ": selected")
            : $"Kernels run on GPU 0 ({session.GpuDevices[0].Name})");
        return session.GpuDevices.Length > 0;
    }

    /// <summary><c>cuda.to_device(array)</c>: a device copy of <paramref name="array"/>.</summary>
    public static DeviceArray<T> ToDevice<T>(T[] array, CudaStream? stream = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        var device = new DeviceArray<T>(DeviceSession.Instance.Current().Accelerator, array.Length);
        device.CopyToDevice(array, stream);
        return device;
    }

    /// <summary><c>cuda.to_device(matrix)</c> for a 2-D array.</summary>
    public static DeviceArray2D<T> ToDevice<T>(T[,] array, CudaStream? stream = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        var device = new DeviceArray2D<T>(DeviceSession.Instance.Current().Accelerator, array.GetLength(0), array.GetLength(1));
        device.CopyToDevice(array, stream);
        return device;
    }

    /// <summary><c>cuda.device_array(n, dtype)</c>: uninitialised device memory.</summary>
    public static DeviceArray<T> DeviceArray<T>(int length) where T : unmanaged =>
        new(DeviceSession.Instance.Current().Accelerator, length);

    /// <summary><c>cuda.device_array((rows, columns), dtype)</c>.</summary>
    public static DeviceArray2D<T> DeviceArray<T>(int rows, int columns) where T : unmanaged =>
        new(DeviceSession.Instance.Current().Accelerator, rows, columns);

    /// <summary><c>cuda.pinned_array(n, dtype)</c>: a host array the GC never moves, for copies without staging.</summary>
    public static T[] PinnedArray<T>(int length) where T : unmanaged => GC.AllocateArray<T>(length, pinned: true);

    /// <summary><c>cuda.stream()</c>.</summary>
    public static CudaStream Stream() => new(DeviceSession.Instance.Current().Accelerator);

    /// <summary><c>cuda.event()</c>.</summary>
    public static CudaEvent Event() => new();

    /// <summary><c>cuda.event_elapsed_time(start, end)</c> in milliseconds.</summary>
    public static double EventElapsedTime(CudaEvent start, CudaEvent end) => end.ElapsedSince(start);

    /// <summary><c>cuda.synchronize()</c>: waits for all work on the default stream of the selected device.</summary>
    public static void Synchronize()
    {
        DeviceSession.Instance.Current().Accelerator.Synchronize();
        SimulatorFaults.ThrowIfFaulted("launched before Cuda.Synchronize");
    }

    /// <summary>An untyped handle on a kernel, checked at launch like Numba's dispatcher:
    /// <c>var add = Cuda.Kernel(K.Add); add[blocks, threads](dA, dB, n);</c>.</summary>
    public static CudaKernel Kernel(Delegate kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return new CudaKernel(kernel.Method);
    }

    /// <summary>Compiles <paramref name="kernel"/> for the selected device now rather than at its first launch.</summary>
    public static void Compile(Delegate kernel) => DeviceSession.Instance.Current().Kernels.Get(kernel.Method);
}
