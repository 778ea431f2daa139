// Prange kernels: every reduction form, element writes, nesting, calls, bounds and exceptions, with and without Parallel.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class ParallelKernels
{
    [Njit(Parallel = true)]
    public static double SumF64(double[] a)
    {
        double s = 0;
        foreach (int i in Numba.Prange(a.Length)) s += a[i];
        return s;
    }

    [Njit(Parallel = true)]
    public static long SumI64(int[] a)
    {
        long s = 0;
        foreach (int i in Numba.Prange(a.Length)) s += a[i] * (long)a[i];
        return s;
    }

    [Njit(Parallel = true)]
    public static int SubI32(int[] a)
    {
        int s = 1000;
        foreach (int i in Numba.Prange(a.Length)) s -= a[i];
        return s;
    }

    [Njit(Parallel = true)]
    public static long ProductI64(int[] a)
    {
        long p = 1;
        foreach (int i in Numba.Prange(a.Length)) p *= a[i] | 1;
        return p;
    }

    [Njit(Parallel = true)]
    public static double DivF64(double[] a)
    {
        double q = 1e6;
        foreach (int i in Numba.Prange(a.Length)) q /= a[i];
        return q;
    }

    [Njit(Parallel = true)]
    public static int Bits(int[] a, int[] result)
    {
        int and = -1, or = 0, xor = 0;
        foreach (int i in Numba.Prange(a.Length))
        {
            and &= a[i];
            or |= a[i];
            xor ^= a[i];
        }
        result[0] = and;
        result[1] = or;
        return xor;
    }

    [Njit(Parallel = true)]
    public static double MinMaxF64(double[] a, double[] result)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (int i in Numba.Prange(a.Length))
        {
            lo = Math.Min(lo, a[i]);
            hi = Math.Max(a[i], hi);
        }
        result[0] = lo;
        return hi;
    }

    [Njit(Parallel = true)]
    public static long MinMaxI64(long[] a)
    {
        long lo = long.MaxValue, hi = long.MinValue;
        foreach (int i in Numba.Prange(a.Length))
        {
            lo = Math.Min(lo, a[i]);
            hi = Math.Max(hi, a[i]);
        }
        return hi - lo;
    }

    /// <summary>Element writes and a private temporary; the range has a start and a negative step.</summary>
    [Njit(Parallel = true)]
    public static void Scale(double[] a, double[] b, double factor)
    {
        foreach (int i in Numba.Prange(a.Length - 1, -1, -1))
        {
            double t = a[i] * factor;
            b[i] = t + 1;
        }
    }

    [Njit(Parallel = true)]
    public static void Stepped(int[] b, int start, int stop, int step)
    {
        foreach (int i in Numba.Prange(start, stop, step)) b[i] += i;
    }

    /// <summary>A nested Prange runs sequentially inside the parallel one.</summary>
    [Njit(Parallel = true)]
    public static long Nested(int[,] m)
    {
        long total = 0;
        foreach (int i in Numba.Prange(m.GetLength(0)))
        {
            long row = 0;
            foreach (int j in Numba.Prange(m.GetLength(1))) row += m[i, j] * (j + 1);
            total += row;
        }
        return total;
    }

    /// <summary>A parallel loop whose body calls another method, and Prange in a called method.</summary>
    [Njit(Parallel = true)]
    public static double CallsHelper(double[] a)
    {
        double s = 0;
        foreach (int i in Numba.Prange(a.Length)) s += Square(a[i]);
        return s + RowSum(a);
    }

    private static double Square(double x) => x * x;

    [Njit(Parallel = true)]
    public static double RowSum(double[] a)
    {
        double s = 0;
        foreach (long i in Numba.Prange(0L, (long)a.Length)) s += a[i];
        return s;
    }

    /// <summary>Index i + 1 fails at the last iteration: IndexOutOfRangeException from a worker.</summary>
    [Njit(Parallel = true)]
    public static void OutOfRange(double[] a, double[] b)
    {
        foreach (int i in Numba.Prange(a.Length)) b[i] = a[i + 1];
    }

    [Njit(Parallel = true)]
    public static int DivideByElements(int[] a)
    {
        int s = 0;
        foreach (int i in Numba.Prange(a.Length)) s += 100 / a[i];
        return s;
    }

    [Njit(Parallel = true)]
    public static int ZeroStep(int n)
    {
        int s = 0;
        foreach (int i in Numba.Prange(0, n, 0)) s += i;
        return s;
    }

    /// <summary>Without Parallel a Prange is a plain sequential loop.</summary>
    [Njit]
    public static double SequentialSum(double[] a)
    {
        double s = 0;
        foreach (int i in Numba.Prange(a.Length)) s += a[i];
        return s;
    }

    /// <summary>16 trivial iterations: the small-loop overhead measurement's kernel.</summary>
    [Njit(Parallel = true)]
    public static void Small16(int[] a)
    {
        foreach (int i in Numba.Prange(16)) a[i] = i * 3;
    }

    [Njit]
    public static void Small16Sequential(int[] a)
    {
        foreach (int i in Numba.Prange(16)) a[i] = i * 3;
    }

    [Njit(FastMathFlags = FastMathFlags.Reassoc | FastMathFlags.Contract)]
    public static double DotReassoc(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}

public static class ParallelArgKernels
{
    [Njit(Parallel = true)]
    public static int ArgMin(double[] a)
    {
        double best = double.PositiveInfinity;
        int index = -1;
        foreach (int i in Numba.Prange(a.Length))
        {
            if (a[i] < best)
            {
                best = a[i];
                index = i;
            }
        }
        return index;
    }

    [Njit(Parallel = true)]
    public static long ArgMax(int[] a, long[] where)
    {
        int best = int.MinValue;
        int index = -1, count = 0;
        foreach (int i in Numba.Prange(a.Length))
        {
            int v = a[i] % 50;
            if (v > best)
            {
                best = v;
                index = i;
            }
        }
        where[0] = index;
        return best + count;
    }
}
