// Generic-math kernels written as ordinary .NET generic C#: compiled once per type argument at the first call with it.
using System;
using System.Numerics;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageGenerics
{
    [Njit]
    public static T Sum<T>(ReadOnlySpan<T> x) where T : INumber<T>
    {
        T sum = T.Zero;
        foreach (var v in x) sum += v;
        return sum;
    }

    [Njit]
    public static T Dot<T>(T[] a, T[] b) where T : INumber<T>
    {
        T s = T.Zero;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    [Njit]
    public static T Mean<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T> =>
        SumOf(x) / T.CreateChecked(x.Length);

    /// <summary>Calls the generic helpers Mean and SumOf with its own type parameter.</summary>
    [Njit]
    public static T Variance<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
    {
        T mean = Mean(x);
        T s = T.Zero;
        foreach (var v in x)
        {
            T d = v - mean;
            s += d * d;
        }
        return s / T.CreateChecked(x.Length - 1);
    }

    private static T SumOf<T>(ReadOnlySpan<T> x) where T : INumber<T>
    {
        T sum = T.Zero;
        for (int i = 0; i < x.Length; i++) sum += x[i];
        return sum;
    }

    /// <summary>Clamps every element into [lo, hi] in place; returns how many changed.</summary>
    [Njit]
    public static int ClampAll<T>(Span<T> x, T lo, T hi) where T : INumber<T>
    {
        int changed = 0;
        for (int i = 0; i < x.Length; i++)
        {
            T c = T.Clamp(x[i], lo, hi);
            if (c != x[i]) changed++;
            x[i] = c;
        }
        return changed;
    }

    [Njit]
    public static T MaxOf<T>(T[] x) where T : INumber<T>, IMinMaxValue<T>
    {
        T max = T.MinValue;
        for (int i = 0; i < x.Length; i++) max = T.Max(max, x[i]);
        return max;
    }

    [Njit]
    public static T MinOf<T>(T[] x) where T : INumber<T>, IMinMaxValue<T>
    {
        T min = T.MaxValue;
        for (int i = 0; i < x.Length; i++)
            if (x[i] < min) min = x[i];
        return min;
    }

    [Njit]
    public static T Gcd<T>(T a, T b) where T : IBinaryInteger<T>
    {
        while (b != T.Zero)
        {
            T r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /// <summary>Evaluates the polynomial with integer coefficients (highest first) at x.</summary>
    [Njit]
    public static T Horner<T>(ReadOnlySpan<int> coefficients, T x) where T : INumber<T>
    {
        T y = T.Zero;
        for (int i = 0; i < coefficients.Length; i++) y = y * x + T.CreateTruncating(coefficients[i]);
        return y;
    }

    [Njit]
    public static T Norm<T>(ReadOnlySpan<T> x) where T : IRootFunctions<T>, INumber<T>
    {
        T s = T.Zero;
        foreach (var v in x) s += v * v;
        return T.Sqrt(s);
    }

    [Njit]
    public static void Scale<T>(Span<T> x, T factor) where T : INumber<T>
    {
        for (int i = 0; i < x.Length; i++) x[i] *= factor;
    }

    /// <summary>Counts the elements in [lo, hi] with &lt;= and &gt;= (NaN is in no range).</summary>
    [Njit]
    public static int CountInRange<T>(T[] x, T lo, T hi) where T : INumber<T>
    {
        int n = 0;
        for (int i = 0; i < x.Length; i++)
            if (x[i] >= lo && x[i] <= hi) n++;
        return n;
    }

    /// <summary>Conversions out of a type parameter: truncating to int, saturating to byte, checked to long.</summary>
    [Njit]
    public static long Conversions<T>(T[] x, int[] truncated, byte[] saturated) where T : INumber<T>
    {
        long s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            truncated[i] = int.CreateTruncating(x[i]);
            saturated[i] = byte.CreateSaturating(x[i]);
            s += long.CreateChecked(truncated[i]);
        }
        return s;
    }

    /// <summary>Two type parameters: converts each element (saturating) into the other type.</summary>
    [Njit]
    public static void ConvertAll<TFrom, TTo>(ReadOnlySpan<TFrom> x, Span<TTo> y) where TFrom : INumber<TFrom> where TTo : INumber<TTo>
    {
        for (int i = 0; i < x.Length; i++) y[i] = TTo.CreateSaturating(x[i]);
    }

    [Njit]
    public static T BitMix<T>(T a, int n) where T : IBinaryInteger<T>
    {
        T x = (a << n) ^ (a >> n);
        x++;
        return (x & ~a) | T.One;
    }

    [Njit]
    public static T CheckedSum<T>(T[] x) where T : INumber<T>
    {
        T s = T.Zero;
        for (int i = 0; i < x.Length; i++) s = checked(s + x[i]);
        return s;
    }

    // A generic helper called from non-generic kernels with concrete type arguments.
    private static T SumOfSquares<T>(T[] x) where T : INumber<T>
    {
        T s = T.Zero;
        for (int i = 0; i < x.Length; i++) s += x[i] * x[i];
        return s;
    }

    [Njit]
    public static double SumOfSquaresDouble(double[] x) => SumOfSquares<double>(x);

    [Njit]
    public static int SumOfSquaresInt(int[] x) => SumOfSquares(x) + Gcd<int>(x.Length, 6);

    /// <summary>Called only by the compile-count test, so its instances are compiled there first.</summary>
    [Njit]
    public static T Quadratic<T>(T x) where T : INumber<T> => x * x + x + T.One;
}
