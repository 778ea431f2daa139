// Prange kernels (dot, Mandelbrot, N-body) as [Njit(Parallel = true)], strict and FastMath: the sequential loops with the outer loop over Numba.Prange.
using System;

namespace NumbaWeaver.Benchmarks.Kernels;

/// <summary>Parallel, strict IEEE: dot is a regrouped sum (chunks combined in order); Mandelbrot and N-body match the sequential kernels bit for bit.</summary>
public static class NjPrange
{
    [Njit(Parallel = true)]
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        foreach (int i in Numba.Prange(a.Length)) s += a[i] * b[i];
        return s;
    }

    [Njit(Parallel = true)]
    public static void Mandelbrot(int[,] counts, double x0, double y0, double step, int maxIter)
    {
        int h = counts.GetLength(0), w = counts.GetLength(1);
        foreach (int y in Numba.Prange(h))
            for (int x = 0; x < w; x++)
            {
                double cr = x0 + x * step, ci = y0 + y * step, zr = 0, zi = 0;
                int n = 0;
                while (n < maxIter && zr * zr + zi * zi <= 4.0)
                {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2.0 * zr * zi + ci;
                    zr = t;
                    n++;
                }
                counts[y, x] = n;
            }
    }

    [Njit(Parallel = true)]
    public static void NBody(double[] x, double[] y, double[] z, double[] m, double[] ax, double[] ay, double[] az, double eps2)
    {
        int n = x.Length;
        foreach (int i in Numba.Prange(n))
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
}

/// <summary>Parallel with fast-math: each chunk's loop may also be vectorised and reassociated.</summary>
public static class NjPrangeFast
{
    [Njit(Parallel = true, FastMath = true)]
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        foreach (int i in Numba.Prange(a.Length)) s += a[i] * b[i];
        return s;
    }

    [Njit(Parallel = true, FastMath = true)]
    public static void Mandelbrot(int[,] counts, double x0, double y0, double step, int maxIter)
    {
        int h = counts.GetLength(0), w = counts.GetLength(1);
        foreach (int y in Numba.Prange(h))
            for (int x = 0; x < w; x++)
            {
                double cr = x0 + x * step, ci = y0 + y * step, zr = 0, zi = 0;
                int n = 0;
                while (n < maxIter && zr * zr + zi * zi <= 4.0)
                {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2.0 * zr * zi + ci;
                    zr = t;
                    n++;
                }
                counts[y, x] = n;
            }
    }

    [Njit(Parallel = true, FastMath = true)]
    public static void NBody(double[] x, double[] y, double[] z, double[] m, double[] ax, double[] ay, double[] az, double eps2)
    {
        int n = x.Length;
        foreach (int i in Numba.Prange(n))
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
}
