// Array and span kernels: T[], T[,], T[,,], Span, ReadOnlySpan, foreach, Length, GetLength, writes, bounds and null checks.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class Arrays
{
    [Njit] public static double Sum(double[] a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    [Njit] public static long SumForeach(int[] a)
    {
        long s = 0;
        foreach (int x in a) s += x;
        return s;
    }

    [Njit] public static double At(double[] a, int i) => a[i];
    [Njit] public static int AtLong(int[] a, long i) => a[i];

    // Indices computed as a sum or a difference: the backend widens them to 64 bits (runtime/Backend/IndexWidening.cs),
    // which must read what C#'s wrapping 32-bit arithmetic reads, and fail where it fails.
    [Njit] public static double AtSum(double[] a, int i, int k) => a[i + k];
    [Njit] public static double AtDifference(double[] a, int i, int k) => a[i - k];
    [Njit] public static int AtSum2D(int[,] a, int i, int k, int j) => a[i + k, j - k];

    // Indices of counting locals and constants are the ones widened. Here the counter wraps to int.MinValue (0, 2^30,
    // 2^31) and the sums wrap back into range: C# reads a[2] and a[1] in the third round.
    [Njit] public static double WrappedCounterIndex(double[] a)
    {
        double s = 0;
        for (int k = 0, n = 0; n < 3; k += 1 << 30, n++)
            if (n == 2) s += a[k + (int.MinValue + 2)] + 10 * a[k - int.MaxValue];
        return s;
    }

    [Njit] public static double WindowSum(double[] x, int start, int taps)
    {
        double s = 0;
        for (int k = 0; k < taps; k++) s += x[start + k];
        return s;
    }
    [Njit] public static void Store(float[] a, int i, float v) => a[i] = v;
    [Njit] public static int Length(byte[] a) => a.Length;
    [Njit] public static long LongLength(short[] a) => a.LongLength;

    [Njit] public static void Scale(double[] a, double k)
    {
        for (int i = 0; i < a.Length; i++) a[i] *= k;
    }

    [Njit] public static void Increment(int[] a)
    {
        for (int i = 0; i < a.Length; i++) a[i]++;
    }

    [Njit] public static void Copy(long[] src, long[] dst)
    {
        for (int i = 0; i < src.Length; i++) dst[i] = src[i];
    }

    [Njit] public static void Reverse(char[] a)
    {
        for (int i = 0, j = a.Length - 1; i < j; i++, j--)
        {
            char t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    [Njit] public static int CountTrue(bool[] a)
    {
        int n = 0;
        foreach (bool b in a) if (b) n++;
        return n;
    }

    [Njit] public static void SmallTypes(sbyte[] s, byte[] b, short[] h, ushort[] u, uint[] w, ulong[] q)
    {
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = (sbyte)(s[i] * 3);
            b[i] = (byte)(b[i] + s[i]);
            h[i] = (short)(h[i] - b[i]);
            u[i] = (ushort)(u[i] ^ h[i]);
            w[i] = w[i] * 7 + u[i];
            q[i] = q[i] + w[i];
        }
    }

    [Njit] public static double Sum2D(double[,] m)
    {
        double s = 0;
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++)
                s += m[i, j] * (i + 1) - j;
        return s;
    }

    [Njit] public static double At2D(double[,] m, int i, int j) => m[i, j];
    [Njit] public static int Length2D(int[,] m) => m.Length;
    [Njit] public static int Rank2D(int[,] m) => m.Rank;
    [Njit] public static int GetLengthOf(int[,] m, int d) => m.GetLength(d);
    [Njit] public static int UpperBound(int[,] m, int d) => m.GetUpperBound(d);

    [Njit] public static void Transpose(float[,] src, float[,] dst)
    {
        for (int i = 0; i < src.GetLength(0); i++)
            for (int j = 0; j < src.GetLength(1); j++)
                dst[j, i] = src[i, j];
    }

    [Njit] public static void Increment2D(int[,] m)
    {
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++)
                m[i, j] += i - j;
    }

    [Njit] public static long Sum3D(int[,,] c)
    {
        long s = 0;
        for (int i = 0; i < c.GetLength(0); i++)
            for (int j = 0; j < c.GetLength(1); j++)
                for (int k = 0; k < c.GetLength(2); k++)
                    s += c[i, j, k] * (i - j + 2 * k);
        return s;
    }

    [Njit] public static void Fill3D(double[,,] c, double v)
    {
        for (int i = 0; i < c.GetLength(0); i++)
            for (int j = 0; j < c.GetLength(1); j++)
                for (int k = 0; k < c.GetLength(2); k++)
                    c[i, j, k] = v * i + j - k;
    }

    [Njit] public static double At3D(double[,,] c, int i, int j, int k) => c[i, j, k];
    [Njit] public static int Length3D(double[,,] c) => c.Length;

    [Njit] public static double SpanSum(Span<double> s)
    {
        double t = 0;
        for (int i = 0; i < s.Length; i++) t += s[i];
        return t;
    }

    [Njit] public static double RoSpanForeach(ReadOnlySpan<double> s)
    {
        double t = 0;
        foreach (var x in s) t = t * 0.5 + x;
        return t;
    }

    [Njit] public static void SpanScale(Span<float> s, float k)
    {
        for (int i = 0; i < s.Length; i++) s[i] *= k;
    }

    [Njit] public static int SpanAt(ReadOnlySpan<int> s, int i) => s[i];
    [Njit] public static bool SpanIsEmpty(Span<int> s) => s.IsEmpty;

    [Njit] public static double ArrayAsSpan(double[] a)
    {
        Span<double> s = a;
        ReadOnlySpan<double> r = s;
        return SpanSumHelper(r) + a.AsSpan().Length + new Span<double>(a).Length;
    }

    private static double SpanSumHelper(ReadOnlySpan<double> s)
    {
        double t = 0;
        foreach (var x in s) t += x;
        return t;
    }

    [Njit] public static int ArgMax(int[] a)
    {
        if (a.Length == 0) return -1;
        int best = 0;
        for (int i = 1; i < a.Length; i++) if (a[i] > a[best]) best = i;
        return best;
    }

    [Njit] public static void Prefix(long[] a)
    {
        for (int i = 1; i < a.Length; i++) a[i] += a[i - 1];
    }

    [Njit] public static int ZeroInitLocal(int[] a)
    {
        int count;
        count = 0;
        int last = default;
        foreach (var x in a)
        {
            if (x > last) count++;
            last = x;
        }
        return count;
    }

    [Njit] public static double SwapIfArray(double[] a, double[] b, bool swap)
    {
        double[] x = a;
        double[] y = b;
        if (swap) { x = b; y = a; }
        return x[0] - y[0];
    }

    [Njit] public static double ConditionalArray(double[] a, double[] b, int i) => (i < 0 ? a : b)[Math.Abs(i)];
    /// <summary>Double buffering: array locals swapped in a loop, read after the loop.</summary>
    [Njit] public static double PingPong(double[] a, double[] b, int steps)
    {
        double[] src = a, dst = b;
        for (int s = 0; s < (steps & 7); s++)
        {
            for (int i = 0; i < src.Length; i++) dst[i] = src[i] * 0.5 + s;
            var t = src;
            src = dst;
            dst = t;
        }
        return src.Length > 0 ? src[0] : -1;
    }

    /// <summary>A span local zero-initialised (`default`), assigned on one path only.</summary>
    [Njit] public static int DefaultSpanLocal(int[] a, bool useIt)
    {
        Span<int> s = default;
        if (useIt) s = a;
        int n = 0;
        foreach (var x in s) n += x;
        return n + s.Length;
    }
}
