// The measured kernels: a small one (a dot product) and a large one (a stencil relaxation calling helpers in Helpers.cs).
using System;
using System.Numerics;
using NumbaWeaver;

namespace Cached;

public static class Kernels
{
    [Njit(Cache = true)]
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>A second small kernel, called last: its first call shows the cost of one more method once the runtime is warm.</summary>
    [Njit(Cache = true)]
    public static double SumOfSquares(double[] a)
    {
        double s = 0;
        foreach (double x in a) s += x * x;
        return s;
    }

    /// <summary>A generic kernel: its instantiations for double and int, which Program calls, are precompiled at build time.</summary>
    [Njit(Cache = true)]
    public static T Total<T>(T[] values) where T : INumber<T>
    {
        T total = T.Zero;
        for (int i = 0; i < values.Length; i++) total += values[i];
        return total;
    }

    [Njit(Cache = true)]
    public static double Relax(double[,] grid, double[,] next, int sweeps, double omega)
    {
        int rows = grid.GetLength(0), cols = grid.GetLength(1);
        double residual = 0;
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            residual = 0;
            for (int i = 1; i < rows - 1; i++)
            {
                for (int j = 1; j < cols - 1; j++)
                {
                    double average = 0.25 * (grid[i - 1, j] + grid[i + 1, j] + grid[i, j - 1] + grid[i, j + 1]);
                    double updated = Helpers.Blend(grid[i, j], average, omega);
                    residual = Math.Max(residual, Math.Abs(updated - grid[i, j]));
                    next[i, j] = Helpers.Clamp01(updated);
                }
            }
            for (int i = 1; i < rows - 1; i++)
                for (int j = 1; j < cols - 1; j++)
                    grid[i, j] = next[i, j];
            if (residual < 1e-12) break;
        }
        double checksum = 0;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double v = grid[i, j];
                checksum += (i % 3 == 0) ? Math.Sqrt(v + 1) : (j % 2 == 0 ? Math.Sin(v) : Math.Exp(-v));
            }
        }
        return checksum + residual;
    }
}
