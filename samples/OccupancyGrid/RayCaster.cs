// The ray caster: for each beam, walk the occupancy grid cell by cell (DDA, Amanatides and Woo) to the first occupied cell.
using System;
using NumbaWeaver;

namespace OccupancyGrid;

public static class RayCaster
{
    /// <summary>
    /// Casts every beam of a scan (unit directions dirX/dirY, precomputed once) from (x, y), in cell units, and writes
    /// the distance to the first occupied cell, or maxRange, into ranges. Arrays in, arrays out.
    /// </summary>
    [Njit]
    public static void Scan(byte[,] grid, double x, double y, double[] dirX, double[] dirY, double maxRange, double[] ranges)
    {
        int h = grid.GetLength(0), w = grid.GetLength(1);
        for (int r = 0; r < ranges.Length; r++)
        {
            double dx = dirX[r], dy = dirY[r];
            int cx = (int)Math.Floor(x), cy = (int)Math.Floor(y);
            int stepX = dx > 0 ? 1 : -1, stepY = dy > 0 ? 1 : -1;
            // Distance along the beam between two vertical (horizontal) grid lines, and to the first one.
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
}

/// <summary>The same code without [Njit]: what RyuJIT makes of it.</summary>
public static class PlainRayCaster
{
    public static void Scan(byte[,] grid, double x, double y, double[] dirX, double[] dirY, double maxRange, double[] ranges)
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
}
