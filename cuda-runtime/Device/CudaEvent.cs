// CudaEvent: a timestamp recorded in a stream, for timing kernels as cuda.event() / event_elapsed_time do.
using System;
using ILGPU.Runtime;
using NumbaWeaver.Gpu.Device;

namespace NumbaWeaver;

/// <summary>Record one event before and one after the work, then <see cref="Cuda.EventElapsedTime"/>.</summary>
public sealed class CudaEvent : IDisposable
{
    private ProfilingMarker? _marker;

    internal CudaEvent() { }

    /// <summary>Records the event in <paramref name="stream"/> (the default stream when null).</summary>
    public void Record(CudaStream? stream = null)
    {
        _marker?.Dispose();
        _marker = stream != null ? stream.Mark() : DeviceSession.Instance.Current().Accelerator.DefaultStream.AddProfilingMarker();
    }

    /// <summary>Waits until the work before the event is done.</summary>
    public void Synchronize() => Marker.Synchronize();

    /// <summary>Milliseconds from <paramref name="start"/> to this event (waits for both).</summary>
    public double ElapsedSince(CudaEvent start) => Marker.MeasureFrom(start.Marker).TotalMilliseconds;

    private ProfilingMarker Marker => _marker ?? throw new InvalidOperationException("the event was never recorded (call Record first).");

    public void Dispose() => _marker?.Dispose();
}
