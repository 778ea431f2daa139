// Kernels whose optimized code the backend tests inspect: shapes where LLVM's vectorizers have gone wrong before.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class Vectorization
{
    /// <summary>
    /// samples/OccupancyGrid's ray caster (DDA through a grid): with the SLP vectorizer's default threshold LLVM carried
    /// cx and cy in one vector register around the inner loop and the kernel ran at half the speed of plain C#.
    /// </summary>
    [Njit]
    public static void RayScan(byte[,] grid, double x, double y, double[] dirX, double[] dirY, double maxRange, double[] ranges)
    {
        int h = grid.GetLength(0), w = grid.GetLength(1);
        for (int r = 0; r < ranges.Length; r++)
        {
            double dx = dirX[r], dy = dirY[r];
            int cx = (int)Math.Floor(x), cy = (int)Math.Floor(y);
            int stepX = dx > 0 ? 1 : -1, stepY = dy > 0 ? 1 : -1;
            double deltaX = dx != 0 ? Math.Abs(1.0 / dx) : double.PositiveInfinity;
            double deltaY = dy != 0 ? Math.Abs(1.0 / dy) : double.PositiveInfinity;
            double nextX = dx > 0 ? (cx + 1 - x) * deltaX : (x - cx) * deltaX;
            double nextY = dy > 0 ? (cy + 1 - y) * deltaY : (y - cy) * deltaY;
            double distance = 0;
            while (true)
            {
                if (nextX < nextY)
                {
                    distance = nextX;
                    nextX += deltaX;
                    cx += stepX;
                }
                else
                {
                    distance = nextY;
                    nextY += deltaY;
                    cy += stepY;
                }
                if (distance >= maxRange || cx < 0 || cy < 0 || cx >= w || cy >= h)
                {
                    distance = maxRange;
                    break;
                }
                if (grid[cy, cx] != 0) break;
            }
            ranges[r] = Math.Min(distance, maxRange);
        }
    }

    /// <summary>
    /// A FastMath Prange dot product: its chunk loop was not vectorised while the loop variable was recomputed as the
    /// 32-bit truncation of start + k * step with a run-time step; chunks now have a unit-step copy of the loop.
    /// </summary>
    [Njit(Parallel = true, FastMath = true)]
    public static double PrangeDot(double[] a, double[] b)
    {
        double s = 0;
        foreach (int i in Numba.Prange(a.Length)) s += a[i] * b[i];
        return s;
    }
}
