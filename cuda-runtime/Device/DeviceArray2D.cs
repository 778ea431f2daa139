// DeviceArray2D<T>: a row-major 2-D array in device memory that stands for a T[,] kernel parameter.
using System;
using ILGPU;
using ILGPU.Runtime;
using NumbaWeaver.Gpu.Compilation;
using NumbaWeaver.Gpu.Device;
using NumbaWeaver.Gpu.Launch;

namespace NumbaWeaver;

/// <summary>The 2-D counterpart of <see cref="DeviceArray{T}"/>, made by <see cref="Cuda.ToDevice{T}(T[,], CudaStream?)"/>.</summary>
public sealed class DeviceArray2D<T> : IDisposable where T : unmanaged
{
    private readonly MemoryBuffer1D<T, Stride1D.Dense> _buffer;

    internal DeviceArray2D(Accelerator accelerator, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Accelerator = accelerator;
        Rows = rows;
        Columns = columns;
        _buffer = accelerator.Allocate1D<T>(Math.Max((long)rows * columns, 1));
        Matrix = new DeviceMatrix<T>(_buffer.View.SubView(0, rows * columns), rows, columns);
    }

    internal Accelerator Accelerator { get; }

    internal DeviceMatrix<T> Matrix { get; }

    public int Rows { get; }
    public int Columns { get; }

    public void CopyToDevice(T[,] source, CudaStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckShape(source);
        Matrix.Data.CopyFromCPU(StreamOf(stream), HostMatrix.AsSpan(source));
    }

    public T[,] CopyToHost()
    {
        var host = new T[Rows, Columns];
        CopyToHost(host);
        return host;
    }

    public void CopyToHost(T[,] destination, CudaStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        CheckShape(destination);
        var s = StreamOf(stream);
        Matrix.Data.CopyToCPU(s, HostMatrix.AsSpan(destination));
        if (stream == null)
        {
            s.Synchronize();
            SimulatorFaults.ThrowIfFaulted("launched before CopyToHost");
        }
    }

    public static implicit operator KernelArg<T[,]>(DeviceArray2D<T> array) => new(array);

    public void Dispose() => _buffer.Dispose();

    private AcceleratorStream StreamOf(CudaStream? stream) => stream?.For(Accelerator) ?? Accelerator.DefaultStream;

    private void CheckShape(T[,] host)
    {
        if (host.GetLength(0) != Rows || host.GetLength(1) != Columns)
            throw new ArgumentException($"the host array is {host.GetLength(0)}x{host.GetLength(1)}, the device array {Rows}x{Columns}.");
    }
}
