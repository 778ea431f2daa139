// 1-D kernels: host-array launches, grid-stride loops, scalars, device functions, local arrays, thread coordinates.
using System;
using System.Linq;
using NumbaWeaver;
using CudaFixture;
using Shouldly;

namespace NumbaWeaver.GpuTests;

public abstract partial class CudaModelTests
{
    [CudaFact]
    public void VecAdd_host_arrays_are_copied_in_and_back()
    {
        int n = 1000;
        var a = Sequence(n, 0.5f);
        var b = Sequence(n, -1.25f, 3);
        var c = new float[n];
        Cuda.Launch(BasicKernels.VecAdd, (n + 127) / 128, 128, a, b, c);
        for (int i = 0; i < n; i++) c[i].ShouldBe(a[i] + b[i]);
    }

    [CudaFact]
    public void Saxpy_grid_stride_loop_covers_more_elements_than_threads()
    {
        int n = 5000;
        var x = Sequence(n, 1f);
        var y = Sequence(n, 2f, 1);
        var expected = x.Zip(y, (xi, yi) => 2.5f * xi + yi).ToArray();
        Cuda.Launch(BasicKernels.Saxpy, 4, 64, 2.5f, x, y);
        y.ShouldBe(expected);
    }

    [CudaFact]
    public void Scalars_of_every_kind_and_compound_assignment()
    {
        int n = 70;
        var d = Enumerable.Range(0, n).Select(i => i * 0.5).ToArray();
        var ints = Enumerable.Range(0, n).ToArray();
        var longs = new long[n];
        var bytes = Enumerable.Range(0, n).Select(i => (byte)(250 + i)).ToArray();
        Cuda.Launch(BasicKernels.Mixed, 3, 32, d, ints, longs, bytes, 3.0, -4, 1L << 40);
        for (int i = 0; i < n; i++)
        {
            d[i].ShouldBe(i * 0.5 * 3.0);
            ints[i].ShouldBe(i - 4);
            longs[i].ShouldBe((1L << 40) + i);
            bytes[i].ShouldBe(unchecked((byte)(250 + i + 1)));
        }
    }

    [CudaFact]
    public void Device_functions_with_scalar_and_array_parameters()
    {
        int n = 50;
        var x = Sequence(n, 0.1f);
        var poly = new float[n];
        var window = new float[n];
        Cuda.Launch(BasicKernels.ApplyDeviceFunctions, 1, 64, x, poly, window);
        for (int i = 0; i < n; i++)
        {
            poly[i].ShouldBe(BasicKernels.Polynomial(x[i]));
            window[i].ShouldBe(BasicKernels.SumWindow(x, i, 3));
        }
    }

    [CudaFact]
    public void Without_bounds_checks_in_range_results_are_the_same()
    {
        int n = 50;
        var x = Sequence(n, 0.1f);
        var poly = new float[n];
        var window = new float[n];
        Cuda.Launch(BasicKernels.ApplyDeviceFunctionsUnchecked, 1, 64, x, poly, window);
        for (int i = 0; i < n; i++)
        {
            BitConverter.SingleToInt32Bits(poly[i]).ShouldBe(BitConverter.SingleToInt32Bits(BasicKernels.Polynomial(x[i])), $"poly[{i}]");
            BitConverter.SingleToInt32Bits(window[i]).ShouldBe(BitConverter.SingleToInt32Bits(BasicKernels.SumWindow(x, i, 3)), $"window[{i}]");
        }
    }

    [CudaFact]
    public void Device_functions_of_another_assembly_with_array_parameters()
    {
        var x = Sequence(300, 0.1f, -7f);
        var r = new float[x.Length];
        Cuda.Launch(CudaCrossFixture.CrossAssemblyKernels.WindowPlusPolynomial, 2, 256, x, r);
        for (int i = 0; i < r.Length; i++)
        {
            float csharp = BasicKernels.SumWindow(x, i, 3) + BasicKernels.Polynomial(x[i]);
            BitConverter.SingleToInt32Bits(r[i]).ShouldBe(BitConverter.SingleToInt32Bits(csharp), $"r[{i}]");
        }
    }

    [CudaFact]
    public void Local_arrays_are_private_per_thread()
    {
        var input = Enumerable.Range(1, 96).ToArray();
        var output = new int[96];
        Cuda.Launch(BasicKernels.ReverseTriples, 1, 32, input, output);
        for (int t = 0; t < 32; t++)
            output.Skip(3 * t).Take(3).ShouldBe(input.Skip(3 * t).Take(3).Reverse());
    }

    [CudaFact]
    public void Thread_block_and_grid_coordinates_in_three_dimensions()
    {
        Dim3 blocks = (2, 3, 2), threads = (4, 2, 3);
        int total = (int)(blocks.Size * threads.Size);
        var thread = new int[3 * total];
        var block = new int[3 * total];
        var dims = new int[7];
        Cuda.Launch(BasicKernels.Coordinates, blocks, threads, thread, block, dims);
        dims.ShouldBe(new[] { 4, 2, 3, 2, 3, 2, 32 });
        int id = 0;
        for (int bz = 0; bz < 2; bz++)
        for (int by = 0; by < 3; by++)
        for (int bx = 0; bx < 2; bx++)
        for (int tz = 0; tz < 3; tz++)
        for (int ty = 0; ty < 2; ty++)
        for (int tx = 0; tx < 4; tx++, id++)
        {
            thread.Skip(3 * id).Take(3).ShouldBe(new[] { tx, ty, tz }, $"thread of id {id}");
            block.Skip(3 * id).Take(3).ShouldBe(new[] { bx, by, bz }, $"block of id {id}");
        }
    }

    [CudaFact]
    public void Untyped_kernel_handle_launches_like_numba()
    {
        var add = Cuda.Kernel(BasicKernels.VecAdd);
        var a = Sequence(64, 1f);
        var b = Sequence(64, 3f);
        var c = new float[64];
        add[2, 32](a, b, c);
        for (int i = 0; i < 64; i++) c[i].ShouldBe(a[i] + b[i]);
    }
}
