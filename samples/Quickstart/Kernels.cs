// The Quickstart kernels: [Njit] versions and, below, the same loops as plain C# for comparison.
using System;
using NumbaWeaver;

namespace Quickstart;

public static class Kernels
{
    /// <summary>A trivial function: the cost of a call.</summary>
    [Njit]
    public static int Add(int a, int b) => a + b;

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

    [Njit]
    public static void Mandelbrot(int[,] counts, double x0, double y0, double step, int maxIter)
    {
        int h = counts.GetLength(0), w = counts.GetLength(1);
        for (int y = 0; y < h; y++)
        {
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
    }

    // Memory-bound: 256-bit vectors split fewer cache lines than 512-bit ones on .NET arrays (see NjitAttribute).
    [Njit(PreferVectorWidth = 256)]
    public static void Stencil(double[,] src, double[,] dst)
    {
        int n = src.GetLength(0), m = src.GetLength(1);
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < m - 1; j++)
                dst[i, j] = 0.2 * (src[i, j] + src[i - 1, j] + src[i + 1, j] + src[i, j - 1] + src[i, j + 1]);
    }
}

/// <summary>The same code without [Njit]: what RyuJIT makes of it.</summary>
public static class Plain
{
    public static int Add(int a, int b) => a + b;

    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    public static double DotFast(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    public static void Mandelbrot(int[,] counts, double x0, double y0, double step, int maxIter)
    {
        int h = counts.GetLength(0), w = counts.GetLength(1);
        for (int y = 0; y < h; y++)
        {
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
    }

    public static void Stencil(double[,] src, double[,] dst)
    {
        int n = src.GetLength(0), m = src.GetLength(1);
        for (int i = 1; i < n - 1; i++)
            for (int j = 1; j < m - 1; j++)
                dst[i, j] = 0.2 * (src[i, j] + src[i - 1, j] + src[i + 1, j] + src[i, j - 1] + src[i, j + 1]);
    }
}
