// Ordinary C# methods the frontend tests translate from this assembly's own IL (they are not woven here).
using System;
using System.Runtime.CompilerServices;
using NumbaWeaver;

namespace NumbaWeaver.Tests.Weaver;

#pragma warning disable CA1822, CA1805, CA2201, IDE0060 // samples keep their shapes on purpose

/// <summary>Kernels the frontend must translate to verified IR.</summary>
public static class FrontendSamples
{
    /// <summary>This file's path, for tests that look up marker comments' line numbers.</summary>
    public static readonly string SourcePath = ThisFile();

    private static string ThisFile([CallerFilePath] string path = "") => path;

    [Njit]
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Calls an [Njit] method of another woven assembly (the Kernels.Fixture library the tests reference).</summary>
    [Njit]
    public static double CallsNjitOfAnotherAssembly(double[] a) => Kernels.Fixture.Arrays.Sum(a) * 2;

    /// <summary>The same from a generic method: verified per number type with the library's method as a bodiless declaration.</summary>
    [Njit]
    public static T GenericCallsNjitOfAnotherAssembly<T>(T[] x, double[] a) where T : System.Numerics.INumber<T> =>
        x[0] * T.CreateTruncating(Kernels.Fixture.Arrays.Sum(a));

    /// <summary>Calls a generic [Njit] method of another woven assembly with a number type.</summary>
    [Njit]
    public static double CallsGenericNjitOfAnotherAssembly(double[] a) => Kernels.Fixture.LanguageGenerics.Dot(a, a);

    /// <summary>The same with the caller's own type parameter.</summary>
    [Njit]
    public static T PassesItsTypeToAnotherAssembly<T>(T[] a) where T : System.Numerics.INumber<T> => Kernels.Fixture.LanguageGenerics.Dot(a, a);

    [Njit(FastMath = true, BoundsCheck = false, Inline = InlineMode.Always)]
    public static double SumFast(double[] a)
    {
        double s = 0;
        foreach (var x in a) s += x;
        return s;
    }

    [Njit(Inline = InlineMode.Never)]
    public static int NeverInlined(int x) => x + 1;

    public static int FirstNegative(int[] a)
    {
        int found = -1;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == 0) continue;
            if (a[i] > 1000) break;
            if (a[i] < 0)
            {
                found = i;
                break;
            }
        }
        return found;
    }

    public static int Classify(int x)
    {
        switch (x)
        {
            case 0: return 10;
            case 1: return 20;
            case 2: return 30;
            case 3: return 40;
            case 4: return 55;
            default: return -1;
        }
    }

    public static double Ternary(double x, int k) => (x > 0 ? x : -x) + (k > 3 ? 1 : 2);

    public static bool InRange(int x, int lo, int hi) => x >= lo && x <= hi || x == -1;

    public static int Checked(int a, int b, uint c) => checked(a * b + a - b + (int)c);

    public static long Conversions(int i, uint u, double d, float f, byte b, sbyte sb, char c, ulong ul)
    {
        long r = i + (long)u + (long)d + (long)f + b + sb + c;
        r += (long)(ul >> 3);
        double back = ul;
        float fb = ul;
        r += (long)back + (long)fb;
        short s = (short)i;
        ushort us = (ushort)i;
        ulong widened = u;
        r += s + us + (long)widened + (long)(ulong)i;
        return r;
    }

    public static double MathCalls(double x, float y, int n) =>
        Math.Sqrt(x) + Math.Pow(x, 2) + MathF.Sin(y) + Math.Abs(n) + Math.Max(1L, (long)n)
        + Math.Round(x, MidpointRounding.AwayFromZero) + Math.FusedMultiplyAdd(x, x, 1.0);

    public static double Matrix(double[,] m)
    {
        double s = 0;
        for (int i = 0; i < m.GetLength(0); i++)
        {
            for (int j = 0; j < m.GetLength(1); j++)
            {
                m[i, j] += 1;
                s += m[i, j];
            }
        }
        return s + m.Length + m.Rank;
    }

    public static double SpanSum(ReadOnlySpan<double> s)
    {
        double t = 0;
        foreach (var x in s) t += x;
        return t;
    }

    public static void SpanScale(Span<double> s, double k)
    {
        for (int i = 0; i < s.Length; i++) s[i] *= k;
    }

    public static double SpanFromArray(double[] a)
    {
        Span<double> s = a;
        ReadOnlySpan<double> r = s;
        var t = a.AsSpan();
        var u = new Span<double>(a);
        return r[0] + t.Length + u[0] + (s.IsEmpty ? 1 : 0);
    }

    public static void RefOut(ref int x, out double y, in float z)
    {
        x += 1;
        y = z * 2;
    }

    public static double CallsRefOut(int seed)
    {
        int x = seed;
        RefOut(ref x, out double y, 1.5f);
        return x + y;
    }

    public static long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);

    [Njit]
    public static double CallsHelper(double[] a) => Dot(a, a) + Helper(3);

    private static double Helper(int k) => k * 0.5;

    public static float FloatCompare(float a, float b)
    {
        if (a >= b) return a;
        if (a <= b) return b;
        return float.NaN;
    }

    public static int Unsigned(uint a, uint b) => (int)(a / b + a % b + (a >> 2)) + (a < b ? 1 : 0);

    public static int Shifts(long v, int n) => (int)(v << n) + (int)(v >> n) + (int)((ulong)v >> 1);

    public static bool Bools(bool a, bool b) => a & !b | a ^ b;

    public static void ElementTypes(byte[] b, sbyte[] sb, short[] s, ushort[] us, char[] c, uint[] u, long[] l, ulong[] ul, float[] f, bool[] z)
    {
        b[0] = (byte)(b[1] + 1);
        sb[0] = (sbyte)(sb[1] - 1);
        s[0] = (short)(s[1] * 2);
        us[0] = (ushort)(us[1] | 1);
        c[0] = (char)(c[1] + 1);
        u[0] = u[1] >> 1;
        l[0] = l[1] ^ 5;
        ul[0] = ul[1] / 3;
        f[0] = f[1] * 0.5f;
        z[0] = !z[1];
    }

    public static int WhileLoop(int n)
    {
        int steps = 0;
        while (n != 1)
        {
            n = (n & 1) == 0 ? n / 2 : 3 * n + 1;
            steps++;
        }
        return steps;
    }

    public static void Void() { }
}

/// <summary>Code the frontend must reject; each offending line ends with a marker comment the tests look up.</summary>
public class UnsupportedSamples
{
    private static double s_scale = 2.0;
    private int _value = 1;

    public static int Allocates(int n)
    {
        var a = new double[n, n, n, n]; // MARK Allocates
        return a.Length;
    }

    public static int UsesString(int n)
    {
        string s = "abc"; // MARK UsesString
        return s.Length + n;
    }

    public static double ReadsField(double x)
    {
        return x * s_scale; // MARK ReadsField
    }

    public static int TryCatch(int[] a)
    {
        try
        {
            return a[0];
        }
        catch (IndexOutOfRangeException) // MARK TryCatch
        {
            return -1;
        }
    }

    public static int Throws(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "negative"); // MARK Throws
        return n;
    }

    public static int CallsInstanceMethod(int n)
    {
        return n.CompareTo(3); // MARK CallsInstanceMethod
    }

    public static int CallsPlainMethodOfAnotherAssembly(int n)
    {
        return System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(n); // MARK CallsPlainMethodOfAnotherAssembly
    }

    [Njit]
    public int InstanceRoot() => _value;

    [Njit]
    public static T GenericRoot<T>(T x) => x;

    [Njit]
    public static T ThreeTypeParameters<T, U, V>(T x) => x;

    [Njit]
    public static T GenericMathRoot<T>(T x) where T : System.Numerics.INumber<T> => T.Max(x, T.One) + T.CreateTruncating(2.5);

    public static double UnsupportedMath(double x)
    {
        return Math.Round(x, 2); // MARK UnsupportedMath
    }

    public static int TwoProblems(int n)
    {
        var a = new int[n, 1, 1, 1]; // MARK TwoProblems.1
        a[0, 0, 0, 0] = (int)s_scale; // MARK TwoProblems.2
        return a[0, 0, 0, 0];
    }

    public static int StackAllocates()
    {
        Span<decimal> s = stackalloc decimal[4]; // MARK StackAllocates
        return s.Length;
    }

    public static int CallsBrokenHelper(int n) => BrokenHelper(n) + 1;

    private static int BrokenHelper(int n)
    {
        var a = new int[n, 1, 1, 1]; // MARK BrokenHelper
        return a.Length;
    }

    public static double SlicesSpan(Span<double> s)
    {
        return s.ToArray()[0]; // MARK SlicesSpan
    }

    public static object ReturnsObject() => 1;

    public static int AllocatesStructs(int n)
    {
        var a = new SamplePair[n]; // MARK AllocatesStructs
        return a.Length;
    }

    public static int StackAllocatesStructs()
    {
        Span<SamplePair> s = stackalloc SamplePair[4]; // MARK StackAllocatesStructs
        return s.Length;
    }

    public static int ClearsStructs(SamplePair[] a)
    {
        Array.Clear(a); // MARK ClearsStructs
        return a.Length;
    }
}

/// <summary>A struct the frontend compiles (primitive fields), whose arrays compiled code may index but not allocate or clear.</summary>
public struct SamplePair
{
    public double X;
    public double Y;
}

/// <summary>A generic type: its methods stay unsupported in [Njit] code (NJ0002).</summary>
public static class GenericHolder<T>
{
    [Njit]
    public static int InGenericType(int x) => x;
}
