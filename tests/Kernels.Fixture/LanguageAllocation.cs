// Kernels that allocate: new arrays returned or used as scratch, 2-D/3-D arrays, stackalloc, Fill/Clear/CopyTo, Prange scratch.
using System;
using System.Numerics;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageAllocation
{
    public static readonly double[] Weights = { 0.25, 0.5, 0.25 };

    [Njit]
    public static double[] CumulativeSum(double[] x)
    {
        var r = new double[x.Length];
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i];
            r[i] = s;
        }
        return r;
    }

    [Njit]
    public static double[] Normalize(double[] x)
    {
        var r = new double[x.Length];
        double norm = 0;
        for (int i = 0; i < x.Length; i++) norm += x[i] * x[i];
        norm = Math.Sqrt(norm);
        for (int i = 0; i < x.Length; i++) r[i] = x[i] / norm;
        return r;
    }

    /// <summary>A trailing moving average through a scratch prefix-sum array (one longer than the input).</summary>
    [Njit]
    public static double[] MovingAverage(double[] x, int window)
    {
        var prefix = new double[x.Length + 1];
        for (int i = 0; i < x.Length; i++) prefix[i + 1] = prefix[i] + x[i];
        var r = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int from = Math.Max(0, i - window + 1);
            r[i] = (prefix[i + 1] - prefix[from]) / (i + 1 - from);
        }
        return r;
    }

    [Njit]
    public static double[,] MatMul(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var c = new double[n, m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i, p] * b[p, j];
                c[i, j] = s;
            }
        return c;
    }

    [Njit]
    public static int[,,] Cube(int a, int b, int c)
    {
        var r = new int[a, b, c];
        for (int i = 0; i < a; i++)
            for (int j = 0; j < b; j++)
                for (int k = 0; k < c; k++) r[i, j, k] = i * 100 + j * 10 + k;
        return r;
    }

    /// <summary>Histogram with a local counts array; returns the weighted bin sum so the counts stay local.</summary>
    [Njit]
    public static long HistogramChecksum(double[] x, int bins, double lo, double hi)
    {
        var counts = new int[bins];
        double width = (hi - lo) / bins;
        for (int i = 0; i < x.Length; i++)
        {
            int b = (int)((x[i] - lo) / width);
            if (b >= 0 && b < bins) counts[b]++;
        }
        long checksum = 0;
        for (int b = 0; b < bins; b++) checksum += (long)counts[b] * (b + 1);
        return checksum;
    }

    [Njit]
    public static int[] Histogram(double[] x, int bins, double lo, double hi)
    {
        var counts = new int[bins];
        double width = (hi - lo) / bins;
        for (int i = 0; i < x.Length; i++)
        {
            int b = (int)((x[i] - lo) / width);
            if (b >= 0 && b < bins) counts[b]++;
        }
        return counts;
    }

    /// <summary>A small constant stackalloc: the last eight values, smoothed.</summary>
    [Njit]
    public static double StackSmallBuffer(double[] x)
    {
        Span<double> last = stackalloc double[8];
        for (int i = 0; i < x.Length; i++) last[i % 8] = x[i];
        double s = 0;
        for (int i = 0; i < last.Length; i++) s += last[i] * (i + 1);
        return s;
    }

    /// <summary>A variable-size stackalloc (GC memory in compiled code), zeroed as C# guarantees.</summary>
    [Njit]
    public static long StackVariable(int n)
    {
        Span<int> digits = stackalloc int[n];
        long zeros = 0;
        for (int i = 0; i < digits.Length; i++) zeros += digits[i] == 0 ? 1 : 0;
        for (int i = 0; i < digits.Length; i++) digits[i] = (i * 7) % 10;
        long s = zeros;
        for (int i = 0; i < digits.Length; i++) s = s * 3 + digits[i];
        return s;
    }

    /// <summary>stackalloc inside a loop: a fresh zeroed buffer each iteration.</summary>
    [Njit]
    public static int StackInLoop(int rounds)
    {
        int total = 0;
        for (int r = 0; r < rounds; r++)
        {
#pragma warning disable CA2014 // on purpose: compiled code must give a fresh zeroed buffer per iteration without growing the stack
            Span<byte> flags = stackalloc byte[16];
#pragma warning restore CA2014
            for (int i = 0; i < flags.Length; i++) total += flags[i];
            for (int i = r % 16; i < flags.Length; i += 3) flags[i] = 1;
            for (int i = 0; i < flags.Length; i++) total += flags[i];
        }
        return total;
    }

    /// <summary>Fill, Clear and CopyTo on arrays and spans, one after another.</summary>
    [Njit]
    public static double[] FillClearCopy(double[] x, double v)
    {
        var r = new double[x.Length + 4];
        Array.Fill(r, v);
        x.AsSpan().CopyTo(r.AsSpan(2));
        r.AsSpan(0, 1).Clear();
        var tail = r.AsSpan(r.Length - 1);
        tail.Fill(-v);
        return r;
    }

    [Njit]
    public static float[] ClearAndCopyBack(float[] x)
    {
        var scratch = new float[x.Length];
        x.CopyTo(scratch.AsSpan());
        Array.Clear(x);
        ReadOnlySpan<float> view = scratch;
        var copy = new float[x.Length];
        view.CopyTo(copy);
        return copy;
    }

    [Njit]
    public static double[,] ClearGrid(double[,] g, double v)
    {
        var r = new double[g.GetLength(0), g.GetLength(1)];
        Array.Clear(g);
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < r.GetLength(1); j++) r[i, j] = v + i - j;
        return r;
    }

    [Njit]
    public static void CopyInto(double[] source, int destinationLength)
    {
        var destination = new double[destinationLength];
        source.AsSpan().CopyTo(destination);
    }

    [Njit]
    public static int NewOfLength(int n) => new double[n].Length;

    [Njit]
    public static int NewGrid(int a, int b) => new double[a, b].Length;

    [Njit]
    public static long NewOfLongLength(long n) => new byte[n].LongLength;

    /// <summary>A scratch array per outer iteration: many allocations in one call.</summary>
    [Njit]
    public static double AllocateInLoop(int n, int m)
    {
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var t = new double[m];
            for (int j = 0; j < m; j++) t[j] = i + j * 0.5;
            for (int j = m - 1; j > 0; j--) t[j - 1] += t[j];
            total += t[0];
        }
        return total;
    }

    /// <summary>Each Prange iteration allocates its own scratch row: allocation on worker threads.</summary>
    [Njit(Parallel = true)]
    public static double[] ParallelScratch(int n, int m)
    {
        var result = new double[n];
        foreach (int i in Numba.Prange(n))
        {
            var row = new double[m];
            for (int j = 0; j < m; j++) row[j] = Math.Sin(i + j);
            double s = 0;
            for (int j = 0; j < m; j++) s += row[j] * row[m - 1 - j];
            result[i] = s;
        }
        return result;
    }

    /// <summary>A compiled helper returning a new array to a compiled caller.</summary>
    private static long[] Squares(int n)
    {
        var r = new long[n];
        for (int i = 0; i < n; i++) r[i] = (long)i * i;
        return r;
    }

    [Njit]
    public static long SumOfSquares(int n)
    {
        var squares = Squares(n);
        long s = 0;
        for (int i = 0; i < squares.Length; i++) s += squares[i];
        return s;
    }

    /// <summary>An array from a compiled helper, passed on to another compiled method, then returned.</summary>
    [Njit]
    public static double[] SmoothTwice(double[] x) => Smooth(Smooth(x));

    private static double[] Smooth(double[] x)
    {
        var r = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double s = Weights[1] * x[i];
            if (i > 0) s += Weights[0] * x[i - 1];
            if (i + 1 < x.Length) s += Weights[2] * x[i + 1];
            r[i] = s;
        }
        return r;
    }

    /// <summary>Returns either its argument itself or a new array.</summary>
    [Njit]
    public static double[] SameOrCopy(double[] x, bool copy)
    {
        if (!copy) return x;
        var r = new double[x.Length];
        x.AsSpan().CopyTo(r);
        return r;
    }

    [Njit]
    public static double[] TheWeights() => Weights;

    [Njit]
    public static bool[] Sieve(int n)
    {
        var composite = new bool[n + 1];
        var prime = new bool[n + 1];
        for (int i = 2; i <= n; i++)
        {
            if (composite[i]) continue;
            prime[i] = true;
            for (long j = (long)i * i; j <= n; j += i) composite[j] = true;
        }
        return prime;
    }

    [Njit]
    public static char[] Letters(int n)
    {
        var r = new char[n];
        r.AsSpan().Fill('a');
        for (int i = 1; i < n; i += 2) r[i] = (char)('a' + i % 26);
        return r;
    }

    /// <summary>The small kernel the memory test calls a million times.</summary>
    [Njit]
    public static double ScratchSum(int n)
    {
        var t = new double[n];
        for (int i = 0; i < n; i++) t[i] = i;
        double s = 0;
        for (int i = 0; i < n; i++) s += t[i];
        return s;
    }

    /// <summary>A generic kernel that allocates: new T[n] is compiled per type argument and returned.</summary>
    [Njit]
    public static T[] RunningSums<T>(T[] x) where T : INumber<T>
    {
        var r = new T[x.Length];
        T s = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i];
            r[i] = s;
        }
        return r;
    }
}
