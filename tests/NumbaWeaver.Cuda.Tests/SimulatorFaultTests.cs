// Out-of-range indices in kernels: on the simulator they raise IndexOutOfRangeException after the launch and touch no memory.
using System;
using NumbaWeaver;
using CudaFixture;
using Shouldly;
using Xunit;

namespace NumbaWeaver.GpuTests;

/// <summary>Simulator only: on a GPU ILGPU drops assertions and the out-of-range access is skipped silently.</summary>
[Collection(CudaCollection.Name)]
public sealed class SimulatorFaultTests
{
    public SimulatorFaultTests() => Cuda.Select(CudaTarget.Simulator);

    [Fact]
    public void Out_of_range_store_raises_and_leaves_the_array_intact()
    {
        var a = new int[40];
        var ex = Should.Throw<IndexOutOfRangeException>(() => Cuda.Launch(BasicKernels.WriteUpTo, 2, 32, a, 64));
        ex.Message.ShouldContain("WriteUpTo");
        // The launch still ran the in-range threads; the next launch is unaffected.
        var b = new int[40];
        Cuda.Launch(BasicKernels.WriteUpTo, 2, 32, b, 40);
        b[39].ShouldBe(39);
    }

    [Fact]
    public void Out_of_range_row_of_a_2d_array_raises()
    {
        var m = new float[4, 8];
        Should.Throw<IndexOutOfRangeException>(() => Cuda.Launch(MatrixKernels.WriteBeyondRows, 1, (8, 8), m, 2));
        Cuda.Launch(MatrixKernels.WriteBeyondRows, 1, (8, 8), m, 0);
        m[3, 7].ShouldBe(1f);
    }

    [Fact]
    public void Out_of_range_on_device_arrays_surfaces_at_synchronize()
    {
        using var d = Cuda.DeviceArray<int>(10);
        using var stream = Cuda.Stream();
        Cuda.Kernel<int[], int>(BasicKernels.WriteUpTo)[1, 32, stream](d, 20);
        Should.Throw<IndexOutOfRangeException>(() => stream.Synchronize());
    }

    [Fact]
    public void Selecting_the_gpu_works_where_there_is_one_and_fails_clearly_elsewhere()
    {
        Cuda.Select(CudaTarget.Gpu);
        try
        {
            if (Cuda.IsAvailable) Cuda.DeviceName.ShouldNotContain("CPU");
            else Should.Throw<CudaUnavailableException>(() => Cuda.DeviceArray<int>(1)).Message.ShouldContain("no NVIDIA GPU");
        }
        finally
        {
            Cuda.Select(CudaTarget.Simulator);
        }
    }
}
