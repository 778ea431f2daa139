// Naive i-k-j matrix multiply and the FIR filter, in every variant.
using System.Runtime.Intrinsics;

namespace NumbaWeaver.Benchmarks.Kernels;

public static partial class Plain
{
    public static void MatMul(double[,] a, double[,] b, double[,] c)
    {
        int n = a.GetLength(0), p = a.GetLength(1), m = b.GetLength(1);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) c[i, j] = 0;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < p; k++)
            {
                double aik = a[i, k];
                for (int j = 0; j < m; j++) c[i, j] += aik * b[k, j];
            }
    }

    public static void Fir(double[] x, double[] h, double[] y)
    {
        int taps = h.Length;
        for (int i = 0; i < y.Length; i++)
        {
            double s = 0;
            for (int k = 0; k < taps; k++) s += h[k] * x[i + k];
            y[i] = s;
        }
    }
}

public static partial class Nj
{
    [Njit]
    public static void MatMul(double[,] a, double[,] b, double[,] c)
    {
        int n = a.GetLength(0), p = a.GetLength(1), m = b.GetLength(1);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) c[i, j] = 0;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < p; k++)
            {
                double aik = a[i, k];
                for (int j = 0; j < m; j++) c[i, j] += aik * b[k, j];
            }
    }

    [Njit]
    public static void Fir(double[] x, double[] h, double[] y)
    {
        int taps = h.Length;
        for (int i = 0; i < y.Length; i++)
        {
            double s = 0;
            for (int k = 0; k < taps; k++) s += h[k] * x[i + k];
            y[i] = s;
        }
    }
}

public static partial class NjFast
{
    [Njit(FastMath = true)]
    public static void MatMul(double[,] a, double[,] b, double[,] c)
    {
        int n = a.GetLength(0), p = a.GetLength(1), m = b.GetLength(1);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) c[i, j] = 0;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < p; k++)
            {
                double aik = a[i, k];
                for (int j = 0; j < m; j++) c[i, j] += aik * b[k, j];
            }
    }

    [Njit(FastMath = true)]
    public static void Fir(double[] x, double[] h, double[] y)
    {
        int taps = h.Length;
        for (int i = 0; i < y.Length; i++)
        {
            double s = 0;
            for (int k = 0; k < taps; k++) s += h[k] * x[i + k];
            y[i] = s;
        }
    }
}

public static unsafe partial class Simd
{
    /// <summary>Vector256 along a row of C with a broadcast a[i,k]; same order per element as the scalar loop.</summary>
    public static void MatMul(double[,] a, double[,] b, double[,] c)
    {
        int n = a.GetLength(0), p = a.GetLength(1), m = b.GetLength(1);
        fixed (double* pa = &a[0, 0], pb = &b[0, 0], pc = &c[0, 0])
        {
            new System.Span<double>(pc, n * m).Clear();
            for (int i = 0; i < n; i++)
            {
                double* ci = pc + i * m;
                for (int k = 0; k < p; k++)
                {
                    var aik = Vector256.Create(pa[i * p + k]);
                    double* bk = pb + k * m;
                    int j = 0;
                    for (; j <= m - 4; j += 4) (Vector256.Load(ci + j) + aik * Vector256.Load(bk + j)).Store(ci + j);
                    for (; j < m; j++) ci[j] += pa[i * p + k] * bk[j];
                }
            }
        }
    }

    /// <summary>Vector256 across outputs (four y[i] at a time), taps in order: bit-identical to the scalar loop.</summary>
    public static void Fir(double[] x, double[] h, double[] y)
    {
        int taps = h.Length, n = y.Length, i = 0;
        fixed (double* px = x, ph = h, py = y)
        {
            for (; i <= n - 4; i += 4)
            {
                Vector256<double> s = default;
                for (int k = 0; k < taps; k++) s += Vector256.Create(ph[k]) * Vector256.Load(px + i + k);
                s.Store(py + i);
            }
            for (; i < n; i++)
            {
                double s = 0;
                for (int k = 0; k < taps; k++) s += ph[k] * px[i + k];
                py[i] = s;
            }
        }
    }
}
