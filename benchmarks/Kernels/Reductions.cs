// Streaming kernels (sum, dot, triad) in every variant: plain C#, [Njit], [Njit(FastMath)], hand-vectorised.
using System.Runtime.Intrinsics;

namespace NumbaWeaver.Benchmarks.Kernels;

public static partial class Plain
{
    public static double Sum(double[] a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    public static void Triad(double[] a, double[] b, double[] c, double s)
    {
        for (int i = 0; i < a.Length; i++) a[i] = b[i] + s * c[i];
    }
}

public static partial class Nj
{
    [Njit]
    public static double Sum(double[] a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    [Njit]
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    [Njit]
    public static void Triad(double[] a, double[] b, double[] c, double s)
    {
        for (int i = 0; i < a.Length; i++) a[i] = b[i] + s * c[i];
    }
}

public static partial class NjFast
{
    [Njit(FastMath = true)]
    public static double Sum(double[] a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    [Njit(FastMath = true)]
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    [Njit(FastMath = true)]
    public static void Triad(double[] a, double[] b, double[] c, double s)
    {
        for (int i = 0; i < a.Length; i++) a[i] = b[i] + s * c[i];
    }
}

/// <summary>What a .NET performance expert writes by hand: Vector256 with several accumulators.</summary>
public static unsafe partial class Simd
{
    public static double Sum(double[] a)
    {
        fixed (double* p = a)
        {
            int n = a.Length, i = 0;
            Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (; i <= n - 16; i += 16)
            {
                s0 += Vector256.Load(p + i);
                s1 += Vector256.Load(p + i + 4);
                s2 += Vector256.Load(p + i + 8);
                s3 += Vector256.Load(p + i + 12);
            }
            double s = Vector256.Sum((s0 + s1) + (s2 + s3));
            for (; i < n; i++) s += p[i];
            return s;
        }
    }

    public static double Dot(double[] a, double[] b)
    {
        fixed (double* pa = a, pb = b)
        {
            int n = a.Length, i = 0;
            Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (; i <= n - 16; i += 16)
            {
                s0 = Vector256.FusedMultiplyAdd(Vector256.Load(pa + i), Vector256.Load(pb + i), s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.Load(pa + i + 4), Vector256.Load(pb + i + 4), s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.Load(pa + i + 8), Vector256.Load(pb + i + 8), s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.Load(pa + i + 12), Vector256.Load(pb + i + 12), s3);
            }
            double s = Vector256.Sum((s0 + s1) + (s2 + s3));
            for (; i < n; i++) s += pa[i] * pb[i];
            return s;
        }
    }

    public static void Triad(double[] a, double[] b, double[] c, double s)
    {
        fixed (double* pa = a, pb = b, pc = c)
        {
            int n = a.Length, i = 0;
            var vs = Vector256.Create(s);
            for (; i <= n - 4; i += 4)
                (Vector256.Load(pb + i) + vs * Vector256.Load(pc + i)).Store(pa + i);
            for (; i < n; i++) pa[i] = pb[i] + s * pc[i];
        }
    }
}
