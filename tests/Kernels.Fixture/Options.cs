// [Njit] options: FastMath (results within rounding), BoundsCheck = false (in-range inputs only) and Inline.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class Options
{
    [Njit(FastMath = true)] public static double FastSum(double[] a)
    {
        double s = 0;
        foreach (var x in a) s += x;
        return s;
    }

    [Njit(FastMath = true)] public static float FastDotF(float[] a, float[] b)
    {
        float s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    [Njit(FastMath = true)] public static double FastNorm(ReadOnlySpan<double> a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * a[i];
        return Math.Sqrt(s);
    }

    [Njit(BoundsCheck = false)] public static double UncheckedSum(double[] a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    [Njit(BoundsCheck = false)] public static void UncheckedStencil(double[,] src, double[,] dst)
    {
        for (int i = 1; i < src.GetLength(0) - 1; i++)
            for (int j = 1; j < src.GetLength(1) - 1; j++)
                dst[i, j] = 0.25 * (src[i - 1, j] + src[i + 1, j] + src[i, j - 1] + src[i, j + 1]);
    }

    [Njit(Inline = InlineMode.Always)] public static double InlinedHelperSum(double[] a)
    {
        double s = 0;
        foreach (var x in a) s += Weight(x);
        return s;
    }

    [Njit(Inline = InlineMode.Always)] public static double InlineWithDivision(int a, int b) => a / b + 0.5;

    /// <summary>FastMath assumes no NaN in arithmetic, but asking whether a value is NaN stays exact.</summary>
    [Njit(FastMath = true)] public static int FastCountNaN(double[] a)
    {
        int n = 0;
        foreach (var x in a) if (double.IsNaN(x) || !double.IsFinite(x)) n++;
        return n;
    }

    private static double Weight(double x) => x * 0.5 + 1;
}
