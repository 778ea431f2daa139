// Shared memory, barriers, atomics and warp shuffles.
using System;
using System.Linq;
using NumbaWeaver;
using CudaFixture;
using Shouldly;

namespace NumbaWeaver.GpuTests;

public abstract partial class CudaModelTests
{
    [CudaFact]
    public void Tiled_matmul_through_shared_memory_matches_the_cpu()
    {
        int n = 40; // not a multiple of the tile: exercises the edge guards
        var a = Sequence(n * n, 0.01f);
        var b = Sequence(n * n, -0.02f, 1);
        var c = new float[n * n];
        int blocks = (n + SharedKernels.Tile - 1) / SharedKernels.Tile;
        Cuda.Launch(SharedKernels.MatMulTiled, (blocks, blocks), (SharedKernels.Tile, SharedKernels.Tile), a, b, c, n);
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int k = 0; k < n; k++) s += (double)a[i * n + k] * b[k * n + j];
            c[i * n + j].ShouldBe((float)s, 1e-3f * (1 + System.Math.Abs((float)s)));
        }
    }

    [CudaFact]
    public void Tiled_matmul_with_long_loop_bodies_equals_the_same_sums_in_CSharp_bit_for_bit()
    {
        int n = 32, tile = SharedKernels.Tile;
        var a = Sequence(n * n, 0.01f);
        var b = Sequence(n * n, -0.02f, 1);
        var c = new float[n * n];
        Cuda.Launch(SharedKernels.MatMulTiledSquare, (n / tile, n / tile), (tile, tile), a, b, c, n);
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
        {
            float s = 0; // the kernel's order: tile by tile, then k within the tile; each product and sum rounded
            for (int t = 0; t < n / tile; t++)
            for (int k = 0; k < tile; k++)
                s += a[i * n + t * tile + k] * b[(t * tile + k) * n + j];
            BitConverter.SingleToInt32Bits(c[i * n + j]).ShouldBe(BitConverter.SingleToInt32Bits(s), $"c[{i},{j}]");
        }
    }

    [CudaFact]
    public void Block_reduction_with_an_atomic_add_sums_all_elements()
    {
        int n = 3000;
        var x = Enumerable.Range(0, n).Select(i => (float)(i % 7)).ToArray(); // integral: the sum is exact in float
        var total = new float[1];
        Cuda.Launch(SharedKernels.SumAtomic, (n + 255) / 256, 256, x, total);
        total[0].ShouldBe(x.Sum());
    }

    [CudaFact]
    public void Integer_atomics_add_max_min_sub_exch_and_compare_and_swap()
    {
        int n = 200;
        var values = Enumerable.Range(0, n).Select(i => (i * 7919) % 1000 - 300).ToArray();
        var results = new[] { 0, int.MinValue, int.MaxValue, 1000 };
        var flags = new int[2];
        var winners = new int[1];
        Cuda.Launch(SharedKernels.IntAtomics, 4, 64, values, results, flags, winners);
        results.ShouldBe(new[] { values.Sum(), values.Max(), values.Min(), 1000 - n });
        flags[0].ShouldBe(7);
        flags[1].ShouldBeInRange(1, n);
        winners[0].ShouldBe(1);
    }

    [CudaFact]
    public void Warp_shuffle_down_sums_each_warp()
    {
        int n = 128;
        var x = Enumerable.Range(1, n).ToArray();
        var totals = new int[n / 32];
        var lanes = new int[n];
        Cuda.Launch(SharedKernels.WarpSums, 2, 64, x, totals, lanes);
        for (int w = 0; w < n / 32; w++) totals[w].ShouldBe(x.Skip(32 * w).Take(32).Sum());
        lanes.ShouldBe(Enumerable.Range(0, n).Select(i => i % 32));
    }

    [CudaFact]
    public void Warp_shuffle_broadcast_and_xor_butterfly()
    {
        int n = 64;
        var x = Enumerable.Range(0, n).Select(i => i * 3 + 1).ToArray();
        var broadcast = new int[n];
        var xor = new int[n];
        Cuda.Launch(SharedKernels.WarpBroadcastXor, 1, 64, x, broadcast, xor);
        for (int i = 0; i < n; i++)
        {
            broadcast[i].ShouldBe(x[i / 32 * 32]);
            xor[i].ShouldBe(x.Skip(i / 32 * 32).Take(32).Sum());
        }
    }
}
