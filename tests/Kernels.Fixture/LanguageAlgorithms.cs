// Ported numerical algorithms that combine the language features: LU with partial pivoting, an RK4 step, a DDA ray cast.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageAlgorithms
{
    private static readonly double SingularTolerance = 1e-12;

    /// <summary>In-place LU decomposition with partial pivoting (Doolittle, row-major); returns the permutation sign.</summary>
    [Njit]
    public static int LuDecompose(double[,] a, int[] pivot)
    {
        int n = a.GetLength(0);
        if (a.GetLength(1) != n) throw new ArgumentException($"the matrix must be square, not {n}x{a.GetLength(1)}", nameof(a));
        if (pivot.Length != n) throw new ArgumentOutOfRangeException(nameof(pivot), $"needs {n} entries, has {pivot.Length}");
        int sign = 1;
        for (int i = 0; i < n; i++) pivot[i] = i;
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double max = Math.Abs(a[k, k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(a[i, k]);
                if (v > max)
                {
                    max = v;
                    p = i;
                }
            }
            if (max < SingularTolerance) throw new InvalidOperationException($"the matrix is singular at column {k} (pivot {max:E3})");
            if (p != k)
            {
                for (int j = 0; j < n; j++)
                {
                    double t = a[k, j];
                    a[k, j] = a[p, j];
                    a[p, j] = t;
                }
                int swap = pivot[k];
                pivot[k] = pivot[p];
                pivot[p] = swap;
                sign = -sign;
            }
            for (int i = k + 1; i < n; i++)
            {
                a[i, k] /= a[k, k];
                double f = a[i, k];
                for (int j = k + 1; j < n; j++) a[i, j] -= f * a[k, j];
            }
        }
        return sign;
    }

    /// <summary>One classical Runge-Kutta step of the damped oscillator y'' = -w² y - c y', state (y, v) in place.</summary>
    [Njit]
    public static void Rk4Step(Span<double> state, double t, double h, Span<double> scratch)
    {
        if (state.Length != 2 || scratch.Length < 8) throw new ArgumentException("state needs 2 values and scratch 8");
        Span<double> k1 = scratch.Slice(0, 2), k2 = scratch.Slice(2, 2), k3 = scratch.Slice(4, 2), k4 = scratch.Slice(6, 2);
        double y = state[0], v = state[1];
        Derivative(t, y, v, k1);
        Derivative(t + h / 2, y + h / 2 * k1[0], v + h / 2 * k1[1], k2);
        Derivative(t + h / 2, y + h / 2 * k2[0], v + h / 2 * k2[1], k3);
        Derivative(t + h, y + h * k3[0], v + h * k3[1], k4);
        state[0] = y + h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
        state[1] = v + h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
    }

    private static void Derivative(double t, double y, double v, Span<double> dy)
    {
        const double W2 = 4.0, C = 0.1;
        dy[0] = v;
        dy[1] = -W2 * y - C * v + 0.01 * Math.Sin(t);
    }

    /// <summary>Amanatides-Woo DDA through a grid of solid cells: the index of the first solid cell hit, or -1.</summary>
    [Njit]
    public static int RayCast(byte[,] grid, double ox, double oy, double dx, double dy, int maxSteps)
    {
        int w = grid.GetLength(1), hgt = grid.GetLength(0);
        int x = (int)Math.Floor(ox), y = (int)Math.Floor(oy);
        int stepX = Math.Sign(dx), stepY = Math.Sign(dy);
        double tDeltaX = dx == 0 ? double.PositiveInfinity : Math.Abs(1 / dx);
        double tDeltaY = dy == 0 ? double.PositiveInfinity : Math.Abs(1 / dy);
        double tMaxX = dx == 0 ? double.PositiveInfinity : (stepX > 0 ? x + 1 - ox : ox - x) * tDeltaX;
        double tMaxY = dy == 0 ? double.PositiveInfinity : (stepY > 0 ? y + 1 - oy : oy - y) * tDeltaY;
        for (int s = 0; s < maxSteps; s++)
        {
            if ((uint)x >= (uint)w || (uint)y >= (uint)hgt) return -1;
            if (grid[y, x] != 0) return y * w + x;
            if (tMaxX < tMaxY)
            {
                tMaxX += tDeltaX;
                x += stepX;
            }
            else
            {
                tMaxY += tDeltaY;
                y += stepY;
            }
        }
        return -1;
    }
}
