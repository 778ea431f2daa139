// Elementwise kernels: 1-D indexing, grid-stride loops, scalars of several types, device functions.
using NumbaWeaver;

namespace CudaFixture;

public static class BasicKernels
{
    [CudaJit]
    public static void VecAdd(float[] a, float[] b, float[] c)
    {
        int i = Cuda.Grid(1);
        if (i < c.Length) c[i] = a[i] + b[i];
    }

    /// <summary>A grid-stride loop: any launch size covers the whole array.</summary>
    [CudaJit]
    public static void Saxpy(float alpha, float[] x, float[] y)
    {
        int stride = Cuda.GridSize(1);
        for (int i = Cuda.Grid(1); i < y.Length; i += stride)
            y[i] = alpha * x[i] + y[i];
    }

    /// <summary>Every scalar kind and compound assignment through ldelema.</summary>
    [CudaJit]
    public static void Mixed(double[] d, int[] n, long[] l, byte[] b, double scale, int offset, long big)
    {
        int i = Cuda.Grid(1);
        if (i >= d.Length) return;
        d[i] *= scale;
        n[i] += offset;
        l[i] = big + i;
        b[i] = (byte)(b[i] + 1);
    }

    [CudaJit(Device = true)]
    public static float Polynomial(float x) => 3f * x * x + 2f * x + 1f;

    /// <summary>A device function that takes an array (marked, so kernels of other assemblies can call it too).</summary>
    [CudaJit(Device = true)]
    public static float SumWindow(float[] a, int start, int count)
    {
        float s = 0;
        for (int k = start; k < start + count && k < a.Length; k++) s += a[k];
        return s;
    }

    [CudaJit]
    public static void ApplyDeviceFunctions(float[] x, float[] poly, float[] window)
    {
        int i = Cuda.Grid(1);
        if (i >= x.Length) return;
        poly[i] = Polynomial(x[i]);
        window[i] = SumWindow(x, i, 3);
    }

    /// <summary>The same without index checks: its twin and the device twins it calls index directly.</summary>
    [CudaJit(BoundsCheck = false)]
    public static void ApplyDeviceFunctionsUnchecked(float[] x, float[] poly, float[] window)
    {
        int i = Cuda.Grid(1);
        if (i >= x.Length) return;
        poly[i] = Polynomial(x[i]);
        window[i] = SumWindow(x, i, 3);
    }

    /// <summary>Per-thread scratch with Cuda.Local.Array.</summary>
    [CudaJit]
    public static void ReverseTriples(int[] input, int[] output)
    {
        int i = Cuda.Grid(1);
        if (3 * i + 2 >= input.Length) return;
        int[] tmp = Cuda.Local.Array<int>(3);
        for (int k = 0; k < 3; k++) tmp[k] = input[3 * i + k];
        for (int k = 0; k < 3; k++) output[3 * i + k] = tmp[2 - k];
    }

    /// <summary>Writes count elements: out of range when count exceeds the array.</summary>
    [CudaJit]
    public static void WriteUpTo(int[] a, int count)
    {
        int i = Cuda.Grid(1);
        if (i < count) a[i] = i;
    }

    /// <summary>The thread coordinates, for checking ThreadIdx/BlockIdx/BlockDim/GridDim with a 3-D launch.</summary>
    [CudaJit]
    public static void Coordinates(int[] thread, int[] block, int[] dims)
    {
        var t = Cuda.ThreadIdx;
        var b = Cuda.BlockIdx;
        var bd = Cuda.BlockDim;
        var gd = Cuda.GridDim;
        int blockId = b.X + gd.X * (b.Y + gd.Y * b.Z);
        int inBlock = t.X + bd.X * (t.Y + bd.Y * t.Z);
        int id = blockId * (bd.X * bd.Y * bd.Z) + inBlock;
        if (id >= thread.Length / 3) return;
        thread[3 * id] = t.X;
        thread[3 * id + 1] = t.Y;
        thread[3 * id + 2] = t.Z;
        block[3 * id] = b.X;
        block[3 * id + 1] = b.Y;
        block[3 * id + 2] = b.Z;
        if (id == 0)
        {
            dims[0] = bd.X; dims[1] = bd.Y; dims[2] = bd.Z;
            dims[3] = gd.X; dims[4] = gd.Y; dims[5] = gd.Z;
            dims[6] = Cuda.WarpSize;
        }
    }
}
