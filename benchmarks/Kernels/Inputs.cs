// Deterministic inputs shared with the C and Numba references: the same 64-bit LCG fills every array.
namespace NumbaWeaver.Benchmarks.Kernels;

/// <summary>
/// Every implementation (C#, C, Numba) fills its inputs with this generator and these seeds, so
/// the checksums of their outputs can be compared across languages.
/// </summary>
public static class Inputs
{
    /// <summary>Uniform doubles in [lo, hi): state = state * 6364136223846793005 + 1442695040888963407, top 53 bits.</summary>
    public static double[] Uniform(int n, ulong seed, double lo = 0.0, double hi = 1.0)
    {
        var a = new double[n];
        ulong s = seed;
        for (int i = 0; i < n; i++)
        {
            s = unchecked(s * 6364136223846793005UL + 1442695040888963407UL);
            a[i] = lo + (hi - lo) * ((s >> 11) * (1.0 / 9007199254740992.0));
        }
        return a;
    }

    /// <summary>The same values as <see cref="Uniform"/>, laid out row-major in a rows x cols array.</summary>
    public static double[,] Uniform2D(int rows, int cols, ulong seed)
    {
        var flat = Uniform(rows * cols, seed);
        var a = new double[rows, cols];
        System.Buffer.BlockCopy(flat, 0, a, 0, flat.Length * sizeof(double));
        return a;
    }

    /// <summary>Sum of all elements, in index order: the checksum of an output array.</summary>
    public static double Checksum(double[] a)
    {
        double s = 0;
        foreach (double v in a) s += v;
        return s;
    }

    /// <summary>Sum of all elements of a 2-D array, row-major order.</summary>
    public static double Checksum(double[,] a)
    {
        double s = 0;
        foreach (double v in a) s += v;
        return s;
    }

    /// <summary>Sum of all counts of a 2-D int array.</summary>
    public static double Checksum(int[,] a)
    {
        double s = 0;
        foreach (int v in a) s += v;
        return s;
    }

    /// <summary>Sum of bin index times count: detects a count landing in the wrong bin.</summary>
    public static double Checksum(int[] hist)
    {
        double s = 0;
        for (int i = 0; i < hist.Length; i++) s += (double)i * hist[i];
        return s;
    }
}
