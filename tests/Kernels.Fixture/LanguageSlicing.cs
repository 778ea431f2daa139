// Kernels over span views: Slice, AsSpan(start, length), ranges and ^ indices on spans, slices passed to compiled helpers.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageSlicing
{
    [Njit]
    public static double SumRange(double[] a, int start, int length) => Sum(a.AsSpan(start, length));

    [Njit]
    public static double SumFrom(double[] a, int start) => Sum(a.AsSpan(start));

    [Njit]
    public static double SliceOfSlice(double[] a, int s1, int s2, int n)
    {
        Span<double> view = a.AsSpan().Slice(s1);
        return Sum(view.Slice(s2, n)) + view.Slice(s2).Length;
    }

    /// <summary>Ranges and from-end indices on a span: csc turns them into Length arithmetic and Slice.</summary>
    [Njit]
    public static double Inner(ReadOnlySpan<double> s) => s.Length < 2 ? 0 : Sum(s[1..^1]) + s[^1] * 1000;

    [Njit]
    public static void ScaleWindow(double[] a, int start, int length, double k)
    {
        var window = new Span<double>(a, start, length);
        Scale(window, k);
    }

    /// <summary>Writes through a slice reach the caller's array: no copies.</summary>
    [Njit]
    public static void Scale(Span<double> s, double k)
    {
        for (int i = 0; i < s.Length; i++) s[i] *= k;
    }

    [Njit]
    public static double Sum(ReadOnlySpan<double> s)
    {
        double t = 0;
        foreach (var x in s) t += x;
        return t;
    }

    /// <summary>Quickselect (Hoare partition) on a span, recursing into slices: the median without sorting.</summary>
    [Njit]
    public static double Median(double[] values)
    {
        if (values.Length == 0) throw new ArgumentException("median of an empty array");
        int k = values.Length / 2;
        return Select(values.AsSpan(), k);
    }

    private static double Select(Span<double> s, int k)
    {
        while (s.Length > 1)
        {
            double pivot = s[s.Length / 2];
            int i = 0, j = s.Length - 1;
            while (i <= j)
            {
                while (s[i] < pivot) i++;
                while (s[j] > pivot) j--;
                if (i <= j)
                {
                    double t = s[i];
                    s[i] = s[j];
                    s[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) s = s.Slice(0, j + 1);
            else if (k >= i)
            {
                s = s.Slice(i);
                k -= i;
            }
            else return s[k];
        }
        return s[0];
    }

    /// <summary>Tuple swaps of elements (csc uses ref locals) and an explicit ref local into a span.</summary>
    [Njit]
    public static void Reverse(Span<double> s)
    {
        for (int i = 0, j = s.Length - 1; i < j; i++, j--) (s[i], s[j]) = (s[j], s[i]);
        if (s.Length > 0)
        {
            ref double first = ref s[0];
            first += 0.5;
        }
    }

    [Njit]
    public static void SwapRows(int[,] m, int r1, int r2)
    {
        for (int j = 0; j < m.GetLength(1); j++) (m[r1, j], m[r2, j]) = (m[r2, j], m[r1, j]);
    }
}
