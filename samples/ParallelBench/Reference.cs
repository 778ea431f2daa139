// Plain C# Mandelbrot row (not compiled by NumbaWeaver): the Parallel.For reference of the benchmark.
namespace ParallelBench;

public static class Reference
{
    public static void MandelbrotRow(int[] counts, int width, int height, int maxIter, int y)
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
        }
    }
}
