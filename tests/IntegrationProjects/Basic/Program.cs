// Integration app: prints kernel results (bit patterns) and whether LLVM was loaded, for the tests to compare.
using System;
using System.IO;
using System.Linq;
using NumbaWeaver;

double[] a = Enumerable.Range(0, 1000).Select(i => Math.Sin(i) * 3.5).ToArray();
double[] b = Enumerable.Range(0, 1000).Select(i => Math.Cos(i * 0.5)).ToArray();
var grid = new double[50, 40];
for (int i = 0; i < 50; i++) for (int j = 0; j < 40; j++) grid[i, j] = (i * 31 + j * 17) % 13;
var output = new double[50, 40];

Console.WriteLine($"dot {BitConverter.DoubleToInt64Bits(Kernels.Dot(a, b)):X16}");
Console.WriteLine($"collatz {Kernels.CollatzSteps(27)} {Kernels.CollatzSteps(97)}");
Kernels.Smooth(grid, output);
Console.WriteLine($"smooth {BitConverter.DoubleToInt64Bits(output.Cast<double>().Sum()):X16}");
Console.WriteLine($"clampsum {Kernels.ClampSum(new[] { -5, 3, 100, 7 }, 0, 10)}");
// Without bounds checks an out-of-range index reads outside the array: only ask for it when checks are on.
if (Environment.GetEnvironmentVariable("NUMBA_BOUNDSCHECK") != "0")
{
    try
    {
        Kernels.At(a, 5000);
    }
    catch (IndexOutOfRangeException ex)
    {
        Console.WriteLine($"caught {ex.GetType().Name}: {ex.Message}");
    }
}
Console.WriteLine($"at {BitConverter.DoubleToInt64Bits(Kernels.At(a, 999)):X16}");
bool llvmLoaded = File.ReadAllText("/proc/self/maps").Contains("libLLVM");
Console.WriteLine($"llvm-loaded {llvmLoaded}");
Console.WriteLine($"compiled {NumbaWeaver.Dispatch.Statistics.CompileCount}");

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
    public static int CollatzSteps(long n)
    {
        int steps = 0;
        while (n != 1)
        {
            n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
            steps++;
        }
        return steps;
    }

    [Njit]
    public static void Smooth(double[,] src, double[,] dst)
    {
        for (int i = 1; i < src.GetLength(0) - 1; i++)
            for (int j = 1; j < src.GetLength(1) - 1; j++)
                dst[i, j] = 0.25 * (src[i - 1, j] + src[i + 1, j] + src[i, j - 1] + src[i, j + 1]);
    }

    [Njit]
    public static int ClampSum(int[] values, int lo, int hi)
    {
        int s = 0;
        foreach (var v in values) s += Math.Clamp(v, lo, hi);
        return s;
    }

    [Njit]
    public static double At(double[] a, int i) => a[i];
}
