// Calls between static methods of the assembly: annotated or not, chains, recursion, mutual recursion, void helpers.
using NumbaWeaver;

namespace Kernels.Fixture;

public static class Calls
{
    [Njit] public static double Hypot(double x, double y) => System.Math.Sqrt(Square(x) + Square(y));

    private static double Square(double x) => x * x;

    [Njit] public static int CallsAnnotated(int a, int b) => IntegerOps.AddI(a, b) * ControlFlow.Gcd(a, b);

    [Njit] public static long Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    [Njit] public static int Fibonacci(int n) => n < 2 ? n : Fibonacci(n - 1) + Fibonacci(n - 2);

    [Njit] public static bool IsEven(int n) => n == 0 || IsOdd(n - 1);

    private static bool IsOdd(int n) => n != 0 && IsEven(n - 1);

    [Njit] public static double SumOfHelpers(double[] a) => Helpers.Mean(a) + Helpers.Range(a);

    [Njit] public static void FillSquares(long[] a)
    {
        for (int i = 0; i < a.Length; i++) Helpers.Set(a, i, (long)i * i);
    }

    [Njit] public static int DeepChain(int x) => Helpers.Level1(x);

    [Njit] public static int ThrowsInHelper(int[] a, int i) => Helpers.Get(a, i) + 1;

    [Njit] public static int DivideInHelper(int a, int b) => Helpers.Divide(a, b) * 2;

    [Njit] public static long Ackermann(long m, long n) =>
        m == 0 ? n + 1 : n == 0 ? Ackermann(m - 1, 1) : Ackermann(m - 1, Ackermann(m, n - 1));
}

/// <summary>Plain helpers without [Njit]: compiled into the caller's module.</summary>
internal static class Helpers
{
    public static double Mean(double[] a)
    {
        if (a.Length == 0) return 0;
        double s = 0;
        foreach (var x in a) s += x;
        return s / a.Length;
    }

    public static double Range(double[] a)
    {
        if (a.Length == 0) return 0;
        double lo = a[0], hi = a[0];
        foreach (var x in a) { lo = System.Math.Min(lo, x); hi = System.Math.Max(hi, x); }
        return hi - lo;
    }

    public static void Set(long[] a, int i, long v) => a[i] = v;
    public static int Level1(int x) => Level2(x + 1) * 2;
    public static int Level2(int x) => Level3(x - 3) + x;
    public static int Level3(int x) => x * x - 1;
    public static int Get(int[] a, int i) => a[i];
    public static int Divide(int a, int b) => a / b;
}
