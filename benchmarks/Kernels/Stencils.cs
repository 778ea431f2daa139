// 2-D Jacobi 5-point stencil on double[,] and on a flat row-major array, in every variant.
using System.Runtime.Intrinsics;

namespace NumbaWeaver.Benchmarks.Kernels;

public static partial class Plain
{
    public static void Jacobi2D(double[,] src, double[,] dst)
    {
        int n = src.GetLength(0), m = src.GetLength(1);
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < m - 1; j++)
                dst[i, j] = 0.2 * (src[i, j] + src[i - 1, j] + src[i + 1, j] + src[i, j - 1] + src[i, j + 1]);
    }

    public static void JacobiFlat(double[] src, double[] dst, int n, int m)
    {
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < m - 1; j++)
            {
                int k = i * m + j;
                dst[k] = 0.2 * (src[k] + src[k - m] + src[k + m] + src[k - 1] + src[k + 1]);
            }
    }
}

public static partial class Nj
{
    [Njit]
    public static void Jacobi2D(double[,] src, double[,] dst)
    {
        int n = src.GetLength(0), m = src.GetLength(1);
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < m - 1; j++)
                dst[i, j] = 0.2 * (src[i, j] + src[i - 1, j] + src[i + 1, j] + src[i, j - 1] + src[i, j + 1]);
    }

    [Njit]
    public static void JacobiFlat(double[] src, double[] dst, int n, int m)
    {
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < m - 1; j++)
            {
                int k = i * m + j;
                dst[k] = 0.2 * (src[k] + src[k - m] + src[k + m] + src[k - 1] + src[k + 1]);
            }
    }
}

public static partial class NjFast
{
    [Njit(FastMath = true)]
    public static void Jacobi2D(double[,] src, double[,] dst)
    {
        int n = src.GetLength(0), m = src.GetLength(1);
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < m - 1; j++)
                dst[i, j] = 0.2 * (src[i, j] + src[i - 1, j] + src[i + 1, j] + src[i, j - 1] + src[i, j + 1]);
    }

    [Njit(FastMath = true)]
    public static void JacobiFlat(double[] src, double[] dst, int n, int m)
    {
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < m - 1; j++)
            {
                int k = i * m + j;
                dst[k] = 0.2 * (src[k] + src[k - m] + src[k + m] + src[k - 1] + src[k + 1]);
            }
    }
}

public static unsafe partial class Simd
{
    /// <summary>Vector256 across a row; same operation order per element as the scalar loop, so bit-identical.</summary>
    public static void JacobiFlat(double[] src, double[] dst, int n, int m)
    {
        fixed (double* s = src, d = dst)
        {
            var fifth = Vector256.Create(0.2);
            for (int i = 1; i < n - 1; i++)
            {
                int j = 1;
                for (; j <= m - 1 - 4; j += 4)
                {
                    double* c = s + i * m + j;
                    var sum = Vector256.Load(c) + Vector256.Load(c - m) + Vector256.Load(c + m) + Vector256.Load(c - 1) + Vector256.Load(c + 1);
                    (fifth * sum).Store(d + i * m + j);
                }
                for (; j < m - 1; j++)
                {
                    int k = i * m + j;
                    d[k] = 0.2 * (s[k] + s[k - m] + s[k + m] + s[k - 1] + s[k + 1]);
                }
            }
        }
    }
}
