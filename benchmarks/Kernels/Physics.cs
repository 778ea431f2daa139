// N-body accelerations and the pairwise distance matrix, in every variant.
using System;
using System.Runtime.Intrinsics;

namespace NumbaWeaver.Benchmarks.Kernels;

public static partial class Plain
{
    public static void NBody(double[] x, double[] y, double[] z, double[] m, double[] ax, double[] ay, double[] az, double eps2)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            double sx = 0, sy = 0, sz = 0;
            for (int j = 0; j < n; j++)
            {
                double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
                double inv = 1.0 / Math.Sqrt(dx * dx + dy * dy + dz * dz + eps2);
                double f = m[j] * inv * inv * inv;
                sx += f * dx; sy += f * dy; sz += f * dz;
            }
            ax[i] = sx; ay[i] = sy; az[i] = sz;
        }
    }

    public static void Pairwise(double[,] p, double[,] d)
    {
        int n = p.GetLength(0), k = p.GetLength(1);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int c = 0; c < k; c++)
                {
                    double t = p[i, c] - p[j, c];
                    s += t * t;
                }
                d[i, j] = Math.Sqrt(s);
            }
    }
}

public static partial class Nj
{
    [Njit]
    public static void NBody(double[] x, double[] y, double[] z, double[] m, double[] ax, double[] ay, double[] az, double eps2)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            double sx = 0, sy = 0, sz = 0;
            for (int j = 0; j < n; j++)
            {
                double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
                double inv = 1.0 / Math.Sqrt(dx * dx + dy * dy + dz * dz + eps2);
                double f = m[j] * inv * inv * inv;
                sx += f * dx; sy += f * dy; sz += f * dz;
            }
            ax[i] = sx; ay[i] = sy; az[i] = sz;
        }
    }

    [Njit]
    public static void Pairwise(double[,] p, double[,] d)
    {
        int n = p.GetLength(0), k = p.GetLength(1);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int c = 0; c < k; c++)
                {
                    double t = p[i, c] - p[j, c];
                    s += t * t;
                }
                d[i, j] = Math.Sqrt(s);
            }
    }
}

public static partial class NjFast
{
    [Njit(FastMath = true)]
    public static void NBody(double[] x, double[] y, double[] z, double[] m, double[] ax, double[] ay, double[] az, double eps2)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            double sx = 0, sy = 0, sz = 0;
            for (int j = 0; j < n; j++)
            {
                double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
                double inv = 1.0 / Math.Sqrt(dx * dx + dy * dy + dz * dz + eps2);
                double f = m[j] * inv * inv * inv;
                sx += f * dx; sy += f * dy; sz += f * dz;
            }
            ax[i] = sx; ay[i] = sy; az[i] = sz;
        }
    }

    [Njit(FastMath = true)]
    public static void Pairwise(double[,] p, double[,] d)
    {
        int n = p.GetLength(0), k = p.GetLength(1);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int c = 0; c < k; c++)
                {
                    double t = p[i, c] - p[j, c];
                    s += t * t;
                }
                d[i, j] = Math.Sqrt(s);
            }
    }
}

public static unsafe partial class Simd
{
    /// <summary>Vector256 across j (four bodies at a time), a scalar tail; exact sqrt and divide.</summary>
    public static void NBody(double[] x, double[] y, double[] z, double[] m, double[] ax, double[] ay, double[] az, double eps2)
    {
        int n = x.Length;
        fixed (double* px = x, py = y, pz = z, pm = m)
        {
            var one = Vector256.Create(1.0);
            var e = Vector256.Create(eps2);
            for (int i = 0; i < n; i++)
            {
                var xi = Vector256.Create(px[i]);
                var yi = Vector256.Create(py[i]);
                var zi = Vector256.Create(pz[i]);
                Vector256<double> sx = default, sy = default, sz = default;
                int j = 0;
                for (; j <= n - 4; j += 4)
                {
                    var dx = Vector256.Load(px + j) - xi;
                    var dy = Vector256.Load(py + j) - yi;
                    var dz = Vector256.Load(pz + j) - zi;
                    var inv = one / Vector256.Sqrt(dx * dx + dy * dy + dz * dz + e);
                    var f = Vector256.Load(pm + j) * inv * inv * inv;
                    sx += f * dx; sy += f * dy; sz += f * dz;
                }
                double rx = Vector256.Sum(sx), ry = Vector256.Sum(sy), rz = Vector256.Sum(sz);
                for (; j < n; j++)
                {
                    double dx = px[j] - px[i], dy = py[j] - py[i], dz = pz[j] - pz[i];
                    double inv = 1.0 / Math.Sqrt(dx * dx + dy * dy + dz * dz + eps2);
                    double f = pm[j] * inv * inv * inv;
                    rx += f * dx; ry += f * dy; rz += f * dz;
                }
                ax[i] = rx; ay[i] = ry; az[i] = rz;
            }
        }
    }
}
