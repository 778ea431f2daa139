// Mandelbrot escape counts on an int[,] grid, in every variant (no hand-vectorised one: see the README).
namespace NumbaWeaver.Benchmarks.Kernels;

public static partial class Plain
{
    public static void Mandelbrot(int[,] counts, double x0, double y0, double step, int maxIter)
    {
        int h = counts.GetLength(0), w = counts.GetLength(1);
        for (int y = 0; y < h; y++)
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

public static partial class Nj
{
    [Njit]
    public static void Mandelbrot(int[,] counts, double x0, double y0, double step, int maxIter)
    {
        int h = counts.GetLength(0), w = counts.GetLength(1);
        for (int y = 0; y < h; y++)
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

public static partial class NjFast
{
    [Njit(FastMath = true)]
    public static void Mandelbrot(int[,] counts, double x0, double y0, double step, int maxIter)
    {
        int h = counts.GetLength(0), w = counts.GetLength(1);
        for (int y = 0; y < h; y++)
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
