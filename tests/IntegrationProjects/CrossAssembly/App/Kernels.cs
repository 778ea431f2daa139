// Kernels that call the CrossFilters library's [Njit] methods (and one that does not), all cached on disk.
using System.Numerics;
using CrossFilters;
using NumbaWeaver;

namespace CrossApp;

public static class Kernels
{
    /// <summary>Calls Filters.Smooth, whose private helper the changed library rewrites.</summary>
    [Njit(Cache = true)]
    public static void SmoothAll(double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) y[i] = Filters.Smooth(x, i);
    }

    /// <summary>The same across threads: the library's code runs inside the outlined Prange chunk.</summary>
    [Njit(Cache = true, Parallel = true)]
    public static void SmoothParallel(double[] x, double[] y)
    {
        foreach (int i in Numba.Prange(x.Length)) y[i] = Filters.Smooth(x, i);
    }

    /// <summary>Calls Filters.Gain only, which the changed library leaves as it was: its entry stays valid.</summary>
    [Njit(Cache = true)]
    public static double Energy(double[] x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += Filters.Gain(x[i]) * x[i];
        return sum;
    }

    /// <summary>
    /// Generic, calls the library's generic Scale with its own T and reaches the changed helper through Smooth: its
    /// instantiations are listed by the weaver with the library functions they call, so a cached or precompiled first
    /// call parses no IR either.
    /// </summary>
    [Njit(Cache = true)]
    public static T SmoothedSum<T>(T[] x, double[] weights) where T : INumber<T>
    {
        T sum = T.Zero;
        for (int i = 0; i < x.Length; i++) sum += Filters.Scale(x[i], T.CreateTruncating(Filters.Smooth(weights, i)));
        return sum;
    }

    /// <summary>Calls the library's generic Scale (instantiated over double here), which the changed library leaves as it was.</summary>
    [Njit(Cache = true)]
    public static double Scaled(double[] x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += Filters.Scale(x[i], 0.75);
        return sum;
    }

    /// <summary>Calls nothing of the library.</summary>
    [Njit(Cache = true)]
    public static double Sum(double[] x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += x[i];
        return sum;
    }
}
