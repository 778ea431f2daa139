// Kernels whose multiply-add gives another result when fused: they show the GPU rounds as C# does unless FastMath.
using NumbaWeaver;

namespace CudaFixture;

public static class RoundingKernels
{
    /// <summary>r = a * b + c, rounded twice as C# does.</summary>
    [CudaJit]
    public static void MultiplyAdd(double[] a, double[] b, double[] c, double[] r)
    {
        int i = Cuda.Grid(1);
        if (i < r.Length) r[i] = a[i] * b[i] + c[i];
    }

    /// <summary>The same with FastMath: the GPU may fuse it into one fma.</summary>
    [CudaJit(FastMath = true)]
    public static void MultiplyAddFast(double[] a, double[] b, double[] c, double[] r)
    {
        int i = Cuda.Grid(1);
        if (i < r.Length) r[i] = a[i] * b[i] + c[i];
    }

    /// <summary>Single precision, through a device function (compiled into the kernel's PTX).</summary>
    [CudaJit]
    public static void Polynomials(float[] x, float[] r)
    {
        int i = Cuda.Grid(1);
        if (i < r.Length) r[i] = BasicKernels.Polynomial(x[i]);
    }

    /// <summary>A float atomic beside float arithmetic: the atomic's PTX must stay as ILGPU wrote it.</summary>
    [CudaJit]
    public static void SumWithAtomic(float[] x, float[] total)
    {
        int i = Cuda.Grid(1);
        if (i < x.Length) Cuda.Atomic.Add(total, 0, x[i] * x[i] + 1f);
    }
}
