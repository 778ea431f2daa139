// Histogram of values in [0, 1) into 256 bins, plain C# and [Njit] (FastMath cannot help integer counting).
namespace NumbaWeaver.Benchmarks.Kernels;

public static partial class Plain
{
    public static void Histogram(double[] values, int[] hist)
    {
        for (int b = 0; b < hist.Length; b++) hist[b] = 0;
        int bins = hist.Length;
        for (int i = 0; i < values.Length; i++) hist[(int)(values[i] * bins)]++;
    }
}

public static partial class Nj
{
    [Njit]
    public static void Histogram(double[] values, int[] hist)
    {
        for (int b = 0; b < hist.Length; b++) hist[b] = 0;
        int bins = hist.Length;
        for (int i = 0; i < values.Length; i++) hist[(int)(values[i] * bins)]++;
    }
}
