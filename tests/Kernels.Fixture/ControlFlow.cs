// Control-flow kernels: if/else, switch (dense, sparse, on long and char), loops of every kind, break/continue, ?:, && and ||.
using NumbaWeaver;

namespace Kernels.Fixture;

public static class ControlFlow
{
    [Njit] public static int Classify(int x)
    {
        if (x < 0) return -1;
        else if (x == 0) return 0;
        else if (x < 100) return 1;
        return 2;
    }

    [Njit] public static int DenseSwitch(int x)
    {
        switch (x)
        {
            case 0: return 10;
            case 1: return 11;
            case 2: case 3: return 23;
            case 4: return 14;
            case 5: return 15;
            default: return -1;
        }
    }

    [Njit] public static int SparseSwitch(int x)
    {
        switch (x)
        {
            case -1000: return 1;
            case 7: return 2;
            case 1000: return 3;
            case int.MaxValue: return 4;
            case int.MinValue: return 5;
            default: return 0;
        }
    }

    [Njit] public static long LongSwitch(long x) => x switch
    {
        0L => 1,
        1L => 2,
        5_000_000_000L => 3,
        -5_000_000_000L => 4,
        _ => x * 2,
    };

    [Njit] public static int CharSwitch(char c) => c switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => 1,
        >= '0' and <= '9' => 2,
        ' ' => 3,
        _ => 0,
    };

    [Njit] public static int PatternSwitch(double x) => x switch
    {
        < 0 => -1,
        0 => 0,
        > 0 and < 1 => 1,
        >= 1 => 2,
        _ => 99, // NaN
    };

    [Njit] public static int SumFor(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += i;
        return s;
    }

    [Njit] public static int SumWhile(int n)
    {
        int s = 0, i = n;
        while (i > 0) { s += i * i; i--; }
        return s;
    }

    [Njit] public static int SumDoWhile(int n)
    {
        int s = 0, i = 0;
        do { s += i; i += 3; } while (i < n);
        return s;
    }

    [Njit] public static int BreakContinue(int n)
    {
        int s = 0;
        for (int i = 0; ; i++)
        {
            if (i >= n) break;
            if (i % 3 == 0) continue;
            if (s > 1000) break;
            s += i;
        }
        return s;
    }

    [Njit] public static int NestedLoops(int n, int m)
    {
        int s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                if (j > i) break;
                if ((i + j) % 2 == 1) continue;
                s += i * j;
            }
        }
        return s;
    }

    [Njit] public static int Ternary(int a, int b, bool pick) => pick ? (a > b ? a : b) : (a < b ? a - b : b - a);

    [Njit] public static bool AndAlso(int a, int b) => a > 0 && b / a > 2;
    [Njit] public static bool OrElse(int a, int b) => a == 0 || b / a > 2;
    [Njit] public static int ShortCircuitMix(int a, int b, int c) => (a > 0 && b > 0 || c > 0) && !(a == b) ? 1 : 0;

    [Njit] public static int Gcd(int a, int b)
    {
        while (b != 0) { int t = a % b; a = b; b = t; }
        return a;
    }

    [Njit] public static int Collatz(long n)
    {
        int steps = 0;
        while (n != 1) { n = (n & 1) == 0 ? n / 2 : 3 * n + 1; steps++; }
        return steps;
    }

    [Njit] public static double Newton(double x)
    {
        if (x <= 0) return 0;
        double g = x;
        for (int i = 0; i < 60; i++)
        {
            double next = 0.5 * (g + x / g);
            if (next == g) break;
            g = next;
        }
        return g;
    }

    [Njit] public static int Goto(int n)
    {
        int i = 0, s = 0;
    again:
        s += i;
        i++;
        if (i < n) goto again;
        return s;
    }
    [Njit] public static int GotoCase(int x)
    {
        int r = 0;
        switch (x & 3)
        {
            case 0: r += 1; goto case 2;
            case 1: r += 10; goto default;
            case 2: r += 100; break;
            default: r += 1000; break;
        }
        return r;
    }

    [Njit] public static uint CountDownUnsigned(uint n)
    {
        uint s = 0;
        for (uint i = n & 1023; i-- > 0;) s = s * 31 + i;
        return s;
    }

    [Njit] public static int StoreComparisons(double[] a, bool[] flags)
    {
        int n = 0;
        for (int i = 0; i < a.Length; i++)
        {
            flags[i] = a[i] > 0 || double.IsNaN(a[i]);
            if (flags[i]) n++;
        }
        return n;
    }

    [Njit] public static double NestedTernaryNaN(double a, double b) => a > b ? a : a < b ? b : a == b ? 0.0 : -1.0;

    [Njit] public static long CheckedAccumulate(int[] a)
    {
        long s = 0;
        foreach (var x in a) s = checked(s * 3 + x);
        return s;
    }
}
