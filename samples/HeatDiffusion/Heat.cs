// The simulation kernels: one explicit (FTCS) heat-equation step and a temperature-to-colour map, as [Njit] and plain C#.
using System;
using NumbaWeaver;

namespace HeatDiffusion;

/// <summary>
/// A plate whose cells either diffuse (fixed[i, j] &lt; 0) or are held at a temperature (heaters, cold walls).
/// Arrays in, arrays out: the kernels never allocate.
/// </summary>
public static class Heat
{
    [Njit]
    public static void Step(double[,] t, double[,] next, double[,] fixedTemperature, double alpha)
    {
        int h = t.GetLength(0), w = t.GetLength(1);
        for (int i = 0; i < h; i++)
        {
            for (int j = 0; j < w; j++)
            {
                double held = fixedTemperature[i, j];
                if (held >= 0 || i == 0 || j == 0 || i == h - 1 || j == w - 1)
                {
                    next[i, j] = held >= 0 ? held : t[i, j];
                    continue;
                }
                double laplacian = t[i - 1, j] + t[i + 1, j] + t[i, j - 1] + t[i, j + 1] - 4.0 * t[i, j];
                next[i, j] = t[i, j] + alpha * laplacian;
            }
        }
    }

    /// <summary>Black, red, yellow, white as the temperature goes from 0 to maxTemperature; 3 bytes a pixel.</summary>
    [Njit]
    public static void Colorize(double[,] t, double maxTemperature, byte[] rgb)
    {
        int h = t.GetLength(0), w = t.GetLength(1);
        for (int i = 0; i < h; i++)
        {
            for (int j = 0; j < w; j++)
            {
                double x = Math.Clamp(t[i, j] / maxTemperature, 0.0, 1.0) * 3.0;
                int k = 3 * (i * w + j);
                rgb[k] = (byte)(Math.Min(x, 1.0) * 255.0);
                rgb[k + 1] = (byte)(Math.Clamp(x - 1.0, 0.0, 1.0) * 255.0);
                rgb[k + 2] = (byte)(Math.Clamp(x - 2.0, 0.0, 1.0) * 255.0);
            }
        }
    }
}

/// <summary>The same code without [Njit]: what RyuJIT makes of it.</summary>
public static class PlainHeat
{
    public static void Step(double[,] t, double[,] next, double[,] fixedTemperature, double alpha)
    {
        int h = t.GetLength(0), w = t.GetLength(1);
        for (int i = 0; i < h; i++)
        {
            for (int j = 0; j < w; j++)
            {
                double held = fixedTemperature[i, j];
                if (held >= 0 || i == 0 || j == 0 || i == h - 1 || j == w - 1)
                {
                    next[i, j] = held >= 0 ? held : t[i, j];
                    continue;
                }
                double laplacian = t[i - 1, j] + t[i + 1, j] + t[i, j - 1] + t[i, j + 1] - 4.0 * t[i, j];
                next[i, j] = t[i, j] + alpha * laplacian;
            }
        }
    }

    public static void Colorize(double[,] t, double maxTemperature, byte[] rgb)
    {
        int h = t.GetLength(0), w = t.GetLength(1);
        for (int i = 0; i < h; i++)
        {
            for (int j = 0; j < w; j++)
            {
                double x = Math.Clamp(t[i, j] / maxTemperature, 0.0, 1.0) * 3.0;
                int k = 3 * (i * w + j);
                rgb[k] = (byte)(Math.Min(x, 1.0) * 255.0);
                rgb[k + 1] = (byte)(Math.Clamp(x - 1.0, 0.0, 1.0) * 255.0);
                rgb[k + 2] = (byte)(Math.Clamp(x - 2.0, 0.0, 1.0) * 255.0);
            }
        }
    }
}
