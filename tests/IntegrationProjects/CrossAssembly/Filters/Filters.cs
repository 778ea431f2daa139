// [Njit] helpers of a library: the App's kernels call them, and Smooth calls a private helper of its own.
using System;
using System.Numerics;
using NumbaWeaver;

namespace CrossFilters;

public static class Filters
{
    /// <summary>A three-point average around <paramref name="i"/>, repeating the end values past the ends.</summary>
    [Njit]
    public static double Smooth(double[] x, int i)
    {
        int last = x.Length - 1;
        return Blend(x[Math.Max(i - 1, 0)], x[i], x[Math.Min(i + 1, last)]);
    }

    /// <summary>A soft limiter.</summary>
    [Njit]
    public static double Gain(double v) => Math.Tanh(v * 1.5);

    /// <summary>Generic: each caller compiles the instance it calls into its own code, with the private helper.</summary>
    [Njit]
    public static T Scale<T>(T value, T factor) where T : INumber<T> => value * factor + Bias<T>();

    // FiltersChanged builds this file with FILTERS_CHANGED: the same library (one identity) with these two private
    // helpers changed, and every other function on the same lines, so its IR is the same.
#if FILTERS_CHANGED
    private static T Bias<T>() where T : INumber<T> => T.One / (T.One + T.One);

    private static double Blend(double left, double middle, double right) => 0.2 * left + 0.6 * middle + 0.2 * right;
#else
    private static T Bias<T>() where T : INumber<T> => T.One / (T.One + T.One + T.One + T.One);

    private static double Blend(double left, double middle, double right) => 0.25 * left + 0.5 * middle + 0.25 * right;
#endif
}
