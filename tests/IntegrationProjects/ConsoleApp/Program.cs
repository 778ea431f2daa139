// Integration console app: prints each kernel's result as "name value" (floats as bit patterns) for the tests to compare.
using NumbaWeaver;

double[] a = Enumerable.Range(0, 1000).Select(i => Math.Sin(i) * 3.5).ToArray();
double[] b = Enumerable.Range(0, 1000).Select(i => Math.Cos(i * 0.5)).ToArray();
Console.WriteLine($"dot {BitConverter.DoubleToInt64Bits(Kernels.Dot(a, b)):X16}");

float[] y = Enumerable.Range(0, 257).Select(i => i * 0.25f).ToArray();
float[] x = Enumerable.Range(0, 257).Select(i => MathF.Sqrt(i)).ToArray();
Kernels.Saxpy(1.5f, x, y);
Console.WriteLine($"saxpy {string.Join(",", y.Select(v => BitConverter.SingleToInt32Bits(v).ToString("X8")).Take(8))} {Checksum(y)}");

int[] bins = new int[16];
Kernels.Histogram(a, -3.5, 3.5, bins);
Console.WriteLine($"histogram {string.Join(",", bins)}");

Console.WriteLine($"hash {Kernels.Fnv1a(Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray()):X8}");
Console.WriteLine($"collatz {Kernels.LongestCollatz(2000)}");

var grid = new double[48, 40];
for (int i = 0; i < 48; i++) for (int j = 0; j < 40; j++) grid[i, j] = (i * 31 + j * 17) % 13;
var smoothed = new double[48, 40];
Kernels.Smooth(grid, smoothed);
Console.WriteLine($"smooth {BitConverter.DoubleToInt64Bits(smoothed.Cast<double>().Sum()):X16}");
Console.WriteLine($"scaled {Kernels.Scaled(21)}");
Console.WriteLine($"weighted {BitConverter.DoubleToInt64Bits(Kernels.Weighted(a)):X16}");
try
{
    Console.WriteLine($"checked {Kernels.Checked(-2.5)}");
}
catch (ArgumentOutOfRangeException e)
{
    Console.WriteLine($"checked {e.GetType().Name}: {e.Message}");
}
Console.WriteLine($"compiled {NumbaWeaver.Dispatch.Statistics.CompileCount}");
Console.WriteLine($"cache-hits {NumbaWeaver.Cache.CacheStatistics.Hits}");
Console.WriteLine($"native-hits {NumbaWeaver.Cache.CacheStatistics.NativeHits}");

static string Checksum(float[] v) => v.Aggregate(17L, (h, f) => h * 31 + BitConverter.SingleToInt32Bits(f)).ToString("X16");

static class Kernels
{
    [Njit]
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    [Njit]
    public static void Saxpy(float alpha, float[] x, float[] y)
    {
        for (int i = 0; i < y.Length; i++) y[i] += alpha * x[i];
    }

    [Njit]
    public static void Histogram(double[] values, double lo, double hi, int[] bins)
    {
        double scale = bins.Length / (hi - lo);
        foreach (double v in values)
        {
            int k = (int)((v - lo) * scale);
            if (k >= 0 && k < bins.Length) bins[k]++;
        }
    }

    [Njit]
    public static uint Fnv1a(byte[] data)
    {
        uint h = 2166136261;
        for (int i = 0; i < data.Length; i++)
        {
            h ^= data[i];
            h *= 16777619;
        }
        return h;
    }

    [Njit]
    public static int LongestCollatz(int limit)
    {
        int best = 0;
        for (int start = 1; start < limit; start++)
        {
            long n = start;
            int steps = 0;
            while (n != 1)
            {
                n = (n & 1) == 0 ? n >> 1 : 3 * n + 1;
                steps++;
            }
            if (steps > best) best = steps;
        }
        return best;
    }

    [Njit]
    public static void Smooth(double[,] src, double[,] dst)
    {
        for (int i = 1; i < src.GetLength(0) - 1; i++)
            for (int j = 1; j < src.GetLength(1) - 1; j++)
                dst[i, j] = 0.25 * (src[i - 1, j] + src[i + 1, j] + src[i, j - 1] + src[i, j + 1]);
    }

    // Read by compiled code through the runtime, by name (a trimmed or NativeAOT app must keep the field).
    private static readonly double[] Weights = { 0.25, 0.5, 0.25 };

    [Njit]
    public static double Weighted(double[] x)
    {
        double s = 0;
        for (int i = 0; i + 2 < x.Length; i++) s += Weights[0] * x[i] + Weights[1] * x[i + 1] + Weights[2] * x[i + 2];
        return s;
    }

    // Compiled code raises the exception the C# throws, message and all.
    [Njit]
    public static double Checked(double v)
    {
        if (v < 0) throw new ArgumentOutOfRangeException(nameof(v), $"must be non-negative, was {v}");
        return Math.Sqrt(v);
    }

    // The incremental-build tests edit this constant and expect the next build to carry the change.
    [Njit]
    public static int Scaled(int v) => v * 2;
}
