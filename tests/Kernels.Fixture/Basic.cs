// First kernels of the fixture: the spine's examples.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class Basic
{
    [Njit]
    public static int AddInts(int a, int b) => a + b;

    [Njit]
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    [Njit(FastMath = true)]
    public static double DotFast(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
