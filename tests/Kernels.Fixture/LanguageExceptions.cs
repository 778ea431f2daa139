// Kernels that throw: exception types and messages (literal, nameof, interpolated numbers) must reach the caller as in C#.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageExceptions
{
    [Njit]
    public static double CheckedSqrt(double x)
    {
        if (x < 0) throw new ArgumentException("x must not be negative");
        return Math.Sqrt(x);
    }

    [Njit]
    public static int ElementAt(int[] a, int i)
    {
        if (i < 0 || i >= a.Length) throw new ArgumentOutOfRangeException(nameof(i), $"index {i} is outside [0, {a.Length})");
        return a[i];
    }

    [Njit]
    public static int ParamNameOnly(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n));
        return n * 2;
    }

    [Njit]
    public static double Normalize(double[] v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += v[i] * v[i];
        if (s == 0) throw new InvalidOperationException();
        if (!(s >= 0) || s > 1e300) throw new InvalidOperationException($"norm² {s} of {v.Length} values is not usable ({s:F2}, {s,12:E3})");
        double n = Math.Sqrt(s);
        for (int i = 0; i < v.Length; i++) v[i] /= n;
        return n;
    }

    /// <summary>Every formattable scalar type in one message.</summary>
    [Njit]
    public static int AllKinds(int code, bool flag, char c, byte b, sbyte sb, short sh, ushort us, uint u, long l, ulong ul, float f, double d)
    {
        if (code != 0)
            throw new ArgumentException($"{code} {flag} {c} {b} {sb} {sh} {us} {u} {l} {ul} {f} {d} {{braces}} {d:R} {u:X8}", nameof(code));
        return 1;
    }

    [Njit]
    public static long Concatenated(long n, double x)
    {
        if (n > 10) throw new NotSupportedException("n = " + n.ToString() + ", x = " + x.ToString("F3") + "; done");
        if (n < -10) throw new ArgumentException(string.Format("n {0} is below {1,5}, x={2:E2}", n, -10, x));
        return n;
    }

    /// <summary>The throw is in a helper: the status travels through the compiled caller.</summary>
    [Njit]
    public static double SumPositive(double[] a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += RequirePositive(a[i], i);
        return s;
    }

    private static double RequirePositive(double x, int index) =>
        x > 0 ? x : throw new ArgumentOutOfRangeException(nameof(x), $"element {index} is {x}");

    [Njit]
    public static int Multiline(int n)
    {
        if (n == 1) throw new InvalidOperationException("line one\nline two\t|pipe| 100% \"quoted\" \\ é ✓");
        return n;
    }

    /// <summary>A throw inside a parallel loop: the exception is made on a worker and thrown on the caller.</summary>
    [Njit(Parallel = true)]
    public static void CheckAllParallel(double[] a)
    {
        foreach (int i in Numba.Prange(a.Length))
        {
            if (a[i] < 0) throw new ArgumentOutOfRangeException(nameof(a), $"a[{i}] = {a[i]} is negative");
            a[i] = Math.Sqrt(a[i]);
        }
    }
}
