// Kernels reading const and static readonly fields, calling static local functions, and recursing.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageStatics
{
    private const double Gravity = 9.81;
    private static readonly double Damping = 0.25;
    private static readonly int Steps = 16;
    private static readonly long Big = 5_000_000_000L;
    private static readonly long Widened = -7;
    private static readonly float Half = 0.5f;
    private static readonly bool Enabled = true;
    private static readonly char Marker = 'x';
    private static readonly byte Small = 200;

    /// <summary>Read at call time: a test changes an element and the compiled code must see it.</summary>
    public static readonly double[] Weights = { 0.5, 0.25, 0.125, 0.0625 };

    public static readonly int[,] Grid = { { 1, 2, 3 }, { 4, 5, 6 } };

    [Njit]
    public static double Constants(double v)
    {
        double x = 0;
        for (int i = 0; i < Steps; i++)
        {
            v -= Gravity * 0.01;
            v *= 1 - Damping * 0.01;
            x += v * Half;
        }
        return Enabled ? x + Big + Widened + Marker + Small : x;
    }

    [Njit]
    public static double Weighted(double[] a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * Weights[i % Weights.Length];
        return s;
    }

    [Njit]
    public static long GridSum()
    {
        long s = 0;
        for (int i = 0; i < Grid.GetLength(0); i++)
            for (int j = 0; j < Grid.GetLength(1); j++) s += Grid[i, j] * (i + 1);
        return s;
    }

    /// <summary>A static local function is a static method of the class: it is compiled with its caller.</summary>
    [Njit]
    public static double SumOfSquares(double[] a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += Square(a[i]);
        return s;

        static double Square(double x) => x * x;
    }

    [Njit]
    public static long Fibonacci(int n) => n < 2 ? n : Fibonacci(n - 1) + Fibonacci(n - 2);

    /// <summary>Mutual recursion through helpers, and a recursive in-place quicksort.</summary>
    [Njit]
    public static bool IsEven(int n) => n == 0 || IsOdd(n - 1);

    private static bool IsOdd(int n) => n != 0 && IsEven(n - 1);

    [Njit]
    public static void QuickSort(double[] a, int lo, int hi)
    {
        if (lo >= hi) return;
        double pivot = a[(lo + hi) >>> 1];
        int i = lo, j = hi;
        while (i <= j)
        {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j)
            {
                double t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                j--;
            }
        }
        QuickSort(a, lo, j);
        QuickSort(a, i, hi);
    }
}
