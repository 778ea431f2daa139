// Kernels the weaver must reject; this project is not woven, so they compile, and the diagnostics tests weave a copy of it.
using System;
using NumbaWeaver;

namespace NumbaWeaver.GpuTests;

#pragma warning disable CA1822
public static class BadKernels
{
    [CudaJit]
    public static void Allocates(float[] a)
    {
        var tmp = new float[4];
        a[0] = tmp[0];
    }

    [CudaJit]
    public static void DynamicSharedSize(float[] a, int n)
    {
        var s = Cuda.Shared.Array<float>(n);
        a[0] = s[0];
    }

    [CudaJit]
    public static void Throws(int[] a)
    {
        if (a[0] < 0) throw new InvalidOperationException("negative");
    }

    [CudaJit]
    public static int ReturnsValue(int[] a) => a[0];

    [CudaJit]
    public static void StringParameter(string s, int[] a) => a[0] = s.Length;

    [CudaJit]
    public static void Jagged(float[][] rows) => rows[0][0] = 1;

    [CudaJit]
    public static void ArrayMethod(float[] a) => Array.Fill(a, 1f);

    [CudaJit]
    public static void ForeignArrayCall(float[] a) => a[0] = System.Linq.Enumerable.Sum(a);

    /// <summary>Fine: no index checks here nor in the helper it calls (its unchecked twin); CheckedCaller shares the helper.</summary>
    [CudaJit(BoundsCheck = false)]
    public static void UncheckedKernel(float[] a) => a[0] = Helper(a) + a[1];

    [CudaJit]
    public static void CheckedCaller(float[] a) => a[0] = Helper(a);

    private static float Helper(float[] a) => a[2] * a[3];

    /// <summary>Fine: a [CudaJit(Device = true)] function of another woven assembly, called through its twin.</summary>
    [CudaJit]
    public static void ForeignDeviceFunction(float[] a) => a[0] = CudaFixture.BasicKernels.SumWindow(a, 1, 2);

    private static int s_counter;

    [CudaJit]
    public static void WritesStatic(int[] a) => s_counter = a[0];

    [CudaJit]
    public static void Fine(float[] a, float[,] m)
    {
        int i = Cuda.Grid(1);
        if (i < a.Length) a[i] += m[0, i % m.GetLength(1)];
    }
}
