// ref, out and in parameters of primitive types, also passed on to other methods and taken from array elements.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class RefOut
{
    [Njit] public static void Swap(ref int a, ref int b)
    {
        int t = a;
        a = b;
        b = t;
    }

    [Njit] public static bool DivMod(long a, long b, out long quotient, out long remainder)
    {
        if (b == 0)
        {
            quotient = 0;
            remainder = 0;
            return false;
        }
        quotient = a / b;
        remainder = a % b;
        return true;
    }

    [Njit] public static void Accumulate(ref double sum, ref int count, double x)
    {
        sum += x;
        count++;
    }

    [Njit] public static double MinMax(double[] a, out double min, out double max)
    {
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        foreach (var x in a)
        {
            if (x < min) min = x;
            if (x > max) max = x;
        }
        return max - min;
    }

    [Njit] public static float ReadIn(in float x, ref byte b, ref short s, ref char c, ref bool flag)
    {
        b += 1;
        s = (short)(s * 2);
        c = (char)(c + 1);
        flag = !flag;
        return x * 2;
    }

    [Njit] public static void IncrementThrough(ref ulong x) => AddOne(ref x);

    private static void AddOne(ref ulong x) => x++;

    [Njit] public static int IncrementElements(int[] a)
    {
        for (int i = 0; i < a.Length; i++) Bump(ref a[i]);
        int local = 5;
        Bump(ref local);
        return local;
    }

    private static void Bump(ref int x) => x += 10;

    [Njit] public static void SortThree(ref double a, ref double b, ref double c)
    {
        if (a > b) (a, b) = (b, a);
        if (b > c) (b, c) = (c, b);
        if (a > b) (a, b) = (b, a);
    }
    [Njit] public static int RefTo2DElement(int[,] m, int i, int j)
    {
        Bump(ref m[i, j]);
        return m[i, j];
    }

    [Njit] public static int RefToSpanElement(int[] a, int i)
    {
        Span<int> s = a;
        Bump(ref s[i]);
        return s[i];
    }

    [Njit] public static long OutFromHelper(long a, long b)
    {
        if (!TryDivide(a, b, out long q)) return -1;
        return q;
    }

    private static bool TryDivide(long a, long b, out long q)
    {
        q = 0;
        if (b == 0) return false;
        q = a / b;
        return true;
    }
}
