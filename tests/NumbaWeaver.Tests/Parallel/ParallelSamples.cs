// Prange samples the frontend tests translate (this assembly is not woven): accepted loops and the NJ04xx errors.
using System;

namespace NumbaWeaver.Tests.Parallel;

public static class ParallelSamples
{
    [Njit(Parallel = true)]
    public static double Reductions(double[] a, int[] b)
    {
        double s = 0, lo = double.MaxValue;
        int bits = 0;
        foreach (int i in Numba.Prange(a.Length))
        {
            double t = a[i] * 2;
            s += t;
            lo = Math.Min(lo, t);
            bits |= b[i];
        }
        return s + lo + bits;
    }

    [Njit(Parallel = true)]
    public static double LastValue(double[] a)
    {
        double last = 0;
        foreach (int i in Numba.Prange(a.Length)) last = a[i];
        return last;
    }

    [Njit(Parallel = true)]
    public static double NotAReduction(double[] a)
    {
        double s = 0;
        foreach (int i in Numba.Prange(a.Length)) s = s * 2 + a[i];
        return s;
    }

    [Njit(Parallel = true)]
    public static int IntegerDivision(int[] a)
    {
        int q = 1 << 30;
        foreach (int i in Numba.Prange(a.Length)) q /= a[i];
        return q;
    }

    [Njit(Parallel = true)]
    public static int Return(int[] a)
    {
        foreach (int i in Numba.Prange(a.Length))
            if (a[i] < 0) return i;
        return -1;
    }

    [Njit]
    public static int Sequential(int[] a)
    {
        int s = 0;
        foreach (int i in Numba.Prange(a.Length))
            if (a[i] < 0) return i;
            else s += a[i];
        return s;
    }
}
