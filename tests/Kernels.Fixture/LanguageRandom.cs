// Kernels drawing Numba.Random numbers: Monte Carlo, random walks, moments, dice, shuffles, helpers and parallel loops.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageRandom
{
    /// <summary>Monte Carlo estimate of pi from n points in the unit square.</summary>
    [Njit]
    public static double MonteCarloPi(ulong seed, int n)
    {
        Numba.Random.Seed(seed);
        long inside = 0;
        for (int i = 0; i < n; i++)
        {
            double x = Numba.Random.NextDouble();
            double y = Numba.Random.NextDouble();
            if (x * x + y * y < 1.0) inside++;
        }
        return 4.0 * inside / n;
    }

    /// <summary>A Gaussian random walk with a drift, written step by step into path; returns the final position.</summary>
    [Njit]
    public static double RandomWalk(ulong seed, double[] path, double drift)
    {
        Numba.Random.Seed(seed);
        double x = 0;
        for (int i = 0; i < path.Length; i++)
        {
            x += Numba.Random.Normal(drift, 0.5);
            path[i] = x;
        }
        return x;
    }

    /// <summary>Sample mean and variance (Welford) of n standard normal draws into moments[0], moments[1].</summary>
    [Njit]
    public static void NormalMoments(ulong seed, int n, double[] moments)
    {
        Numba.Random.Seed(seed);
        double mean = 0, m2 = 0;
        for (int i = 1; i <= n; i++)
        {
            double z = Numba.Random.Normal();
            double delta = z - mean;
            mean += delta / i;
            m2 += delta * (z - mean);
        }
        moments[0] = mean;
        moments[1] = m2 / (n - 1);
    }

    /// <summary>Mean and variance of n uniform draws in [lo, hi).</summary>
    [Njit]
    public static void UniformMoments(ulong seed, int n, double lo, double hi, double[] moments)
    {
        Numba.Random.Seed(seed);
        double mean = 0, m2 = 0;
        for (int i = 1; i <= n; i++)
        {
            double u = Numba.Random.Uniform(lo, hi);
            double delta = u - mean;
            mean += delta / i;
            m2 += delta * (u - mean);
        }
        moments[0] = mean;
        moments[1] = m2 / (n - 1);
    }

    /// <summary>Histogram of n throws of a die (faces 1..6) into counts[0..5].</summary>
    [Njit]
    public static void DiceHistogram(ulong seed, int n, long[] counts)
    {
        Numba.Random.Seed(seed);
        for (int i = 0; i < n; i++) counts[Numba.Random.NextInt(1, 7) - 1]++;
    }

    /// <summary>Fisher-Yates shuffle of a, seeded.</summary>
    [Njit]
    public static void Shuffle(ulong seed, int[] a)
    {
        Numba.Random.Seed(seed);
        for (int i = a.Length - 1; i > 0; i--)
        {
            int j = Numba.Random.NextInt(0, i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    /// <summary>Every kind of draw, in turn, from the calling thread's generator as it stands (no seed here).</summary>
    [Njit]
    public static void Continue(ulong[] bits, double[] units, double[] normals, int[] ints, long[] longs, int lo, int hi, long lo64, long hi64)
    {
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = Numba.Random.NextUInt64();
            units[i] = Numba.Random.NextDouble();
            normals[i] = Numba.Random.Normal();
            ints[i] = Numba.Random.NextInt(lo, hi);
            longs[i] = Numba.Random.NextLong(lo64, hi64);
        }
    }

    /// <summary>Bounded integers: in [lo, hiExclusive) or ArgumentOutOfRangeException when the range is empty.</summary>
    [Njit]
    public static long BoundedSum(ulong seed, int n, int lo, int hiExclusive, long lo64, long hi64, int[] minMax)
    {
        Numba.Random.Seed(seed);
        long s = 0;
        minMax[0] = int.MaxValue;
        minMax[1] = int.MinValue;
        for (int i = 0; i < n; i++)
        {
            int k = Numba.Random.NextInt(lo, hiExclusive);
            minMax[0] = Math.Min(minMax[0], k);
            minMax[1] = Math.Max(minMax[1], k);
            s += k + (Numba.Random.NextLong(lo64, hi64) & 0xFF);
        }
        return s;
    }

    /// <summary>A helper that draws, called once per iteration (each call fetches the thread's state once).</summary>
    [Njit]
    public static double SumOfHelperDraws(ulong seed, int n)
    {
        Numba.Random.Seed(seed);
        double s = 0;
        for (int i = 0; i < n; i++) s += Exponential(2.0);
        return s;
    }

    private static double Exponential(double rate) => -Math.Log(1.0 - Numba.Random.NextDouble()) / rate;

    /// <summary>Draws n uniforms and sums them (the speed of drawing).</summary>
    [Njit]
    public static double SumUniforms(int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++) s += Numba.Random.NextDouble();
        return s;
    }

    /// <summary>A parallel loop drawing per iteration; then one more draw from the caller's generator.</summary>
    [Njit(Parallel = true)]
    public static double ParallelDraws(ulong seed, double[] values)
    {
        Numba.Random.Seed(seed);
        foreach (int i in Numba.Prange(values.Length)) values[i] = Numba.Random.NextDouble() + i;
        return Numba.Random.NextDouble();
    }

    /// <summary>Parallel Monte Carlo pi: a reduction over per-iteration draws.</summary>
    [Njit(Parallel = true)]
    public static double ParallelPi(ulong seed, int n)
    {
        Numba.Random.Seed(seed);
        long inside = 0;
        foreach (int i in Numba.Prange(n))
        {
            double x = Numba.Random.NextDouble();
            double y = Numba.Random.NextDouble();
            if (x * x + y * y < 1.0) inside++;
        }
        return 4.0 * inside / n;
    }
}
