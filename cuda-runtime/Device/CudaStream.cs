// CudaStream: an ordered queue of launches and copies (Numba's cuda.stream()).
using System;
using ILGPU.Runtime;
using NumbaWeaver.Gpu.Device;

namespace NumbaWeaver;

/// <summary>
/// Work queued on one stream runs in order; different streams may overlap on a GPU.
/// <see cref="Synchronize"/> waits for all of it (and raises simulator faults).
/// </summary>
public sealed partial class CudaStream : IDisposable
{
    private readonly AcceleratorStream _stream;
    private readonly Accelerator _accelerator;

    internal CudaStream(Accelerator accelerator)
    {
        _accelerator = accelerator;
        _stream = accelerator.CreateStream();
    }

    internal AcceleratorStream For(Accelerator accelerator)
    {
        if (!ReferenceEquals(accelerator, _accelerator))
            throw new ArgumentException($"the stream belongs to {_accelerator.Name}, not to the selected device {accelerator.Name}.");
        return _stream;
    }

    /// <summary>Waits for everything queued on this stream.</summary>
    public void Synchronize()
    {
        _stream.Synchronize();
        SimulatorFaults.ThrowIfFaulted("launched on this stream");
    }

    internal ProfilingMarker Mark() => _stream.AddProfilingMarker();

    public void Dispose() => _stream.Dispose();
}
