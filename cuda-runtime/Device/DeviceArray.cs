// DeviceArray<T>: a 1-D array in device memory (Numba's DeviceNDArray); passing it to launches copies nothing.
using System;
using ILGPU;
using ILGPU.Runtime;
using NumbaWeaver.Gpu.Device;

namespace NumbaWeaver;

/// <summary>
/// Made by <see cref="Cuda.ToDevice{T}(T[], CudaStream?)"/> or <see cref="Cuda.DeviceArray{T}(int)"/>;
/// stands for a <c>T[]</c> kernel parameter; <see cref="CopyToHost()"/> brings it back. Dispose it to free
/// device memory early (the GC frees it otherwise).
/// </summary>
public sealed class DeviceArray<T> : IDisposable where T : unmanaged
{
    private readonly MemoryBuffer1D<T, Stride1D.Dense> _buffer;

    internal DeviceArray(Accelerator accelerator, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Accelerator = accelerator;
        Length = length;
        _buffer = accelerator.Allocate1D<T>(Math.Max(length, 1));
        View = _buffer.View.SubView(0, length);
    }

    internal Accelerator Accelerator { get; }

    internal ArrayView<T> View { get; }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Copies <paramref name="source"/> (same length) into device memory, on <paramref name="stream"/> if given.</summary>
    public void CopyToDevice(T[] source, CudaStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckLength(source.Length);
        View.CopyFromCPU(StreamOf(stream), source);
    }

    /// <summary>A new host array with the contents (waits for work queued before it).</summary>
    public T[] CopyToHost()
    {
        var host = new T[Length];
        CopyToHost(host);
        return host;
    }

    /// <summary>Copies into <paramref name="destination"/>; with a stream the copy is queued and done by its Synchronize.</summary>
    public void CopyToHost(T[] destination, CudaStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        CheckLength(destination.Length);
        var s = StreamOf(stream);
        View.CopyToCPU(s, destination);
        if (stream == null)
        {
            s.Synchronize();
            SimulatorFaults.ThrowIfFaulted("launched before CopyToHost");
        }
    }

    public static implicit operator KernelArg<T[]>(DeviceArray<T> array) => new(array);

    public void Dispose() => _buffer.Dispose();

    private AcceleratorStream StreamOf(CudaStream? stream) => stream?.For(Accelerator) ?? Accelerator.DefaultStream;

    private void CheckLength(int length)
    {
        if (length != Length)
            throw new ArgumentException($"the host array has {length} elements, the device array {Length}.");
    }
}
