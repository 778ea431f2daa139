// The measured kernels: Mandelbrot rows and N-body accelerations over Numba.Prange, and a 16-iteration loop.
using System;
using NumbaWeaver;

namespace ParallelBench;

public static class Kernels
{
    [Njit(Parallel = true)]
    public static long Mandelbrot(int[] counts, int width, int height, int maxIter)
    {
        long total = 0;
        foreach (int y in Numba.Prange(height))
        {
            double ci = -1.5 + 3.0 * y / height;
            for (int x = 0; x < width; x++)
            {
                double cr = -2.0 + 3.0 * x / width;
                double zr = 0, zi = 0;
                int k = 0;
                while (k < maxIter && zr * zr + zi * zi <= 4.0)
                {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = t;
                    k++;
                }
                counts[y * width + x] = k;
                total += k;
            }
        }
        return total;
    }

    [Njit(Parallel = true, FastMath = true)]
    public static void Accelerations(double[] x, double[] y, double[] z, double[] m, double[] ax, double[] ay, double[] az)
    {
        int n = x.Length;
        foreach (int i in Numba.Prange(n))
        {
            double sx = 0, sy = 0, sz = 0;
            for (int j = 0; j < n; j++)
            {
                double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
                double r2 = dx * dx + dy * dy + dz * dz + 1e-3;
                double inv = m[j] / (r2 * Math.Sqrt(r2));
                sx += dx * inv;
                sy += dy * inv;
                sz += dz * inv;
            }
            ax[i] = sx;
            ay[i] = sy;
            az[i] = sz;
        }
    }

    [Njit(Parallel = true)]
    public static void Small16(int[] a)
    {
        foreach (int i in Numba.Prange(16)) a[i] = i * 3;
    }

    [Njit]
    public static void Small16Sequential(int[] a)
    {
        foreach (int i in Numba.Prange(16)) a[i] = i * 3;
    }
}
