// Kernels with try/finally: normal exits, return and break out of the try, nested blocks, throws and failed checks inside the try.
using System;
using NumbaWeaver;

namespace Kernels.Fixture;

public static class LanguageFinally
{
    /// <summary>The finally block writes to an array after the try body's normal exit.</summary>
    [Njit]
    public static double SumThenMark(double[] a, int[] log)
    {
        double s = 0;
        try
        {
            for (int i = 0; i < a.Length; i++) s += a[i];
        }
        finally
        {
            log[0] += 1;
        }
        return s;
    }

    /// <summary>The finally block assigns an out parameter and then the method returns a value computed in the try.</summary>
    [Njit]
    public static int FinallyWritesOut(int n, out int cleanedUp)
    {
        int r;
        try
        {
            r = n * 3;
        }
        finally
        {
            cleanedUp = n + 100;
        }
        return r;
    }

    /// <summary>A return from inside the try: the finally block runs before the caller sees the value (and may change an array).</summary>
    [Njit]
    public static int ReturnFromTry(int[] a, int key, int[] log)
    {
        try
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] == key) return i;
            }
            return -1;
        }
        finally
        {
            log[0] = log[0] * 10 + 7;
        }
    }

    /// <summary>break and continue out of a try inside a loop: the finally block runs once per iteration.</summary>
    [Njit]
    public static int BreakOutOfTry(int[] a, int stop, int[] log)
    {
        int count = 0;
        for (int i = 0; i < a.Length; i++)
        {
            try
            {
                if (a[i] == stop) break;
                if (a[i] < 0) continue;
                count += a[i];
            }
            finally
            {
                log[i] += 1;
            }
        }
        return count;
    }

    /// <summary>Nested try/finally blocks: a return from the inner try runs the inner then the outer finally, in that order.</summary>
    [Njit]
    public static int Nested(int n, int[] log)
    {
        int k = 0;
        try
        {
            try
            {
                if (n > 5) return n;
                k = n * 2;
            }
            finally
            {
                log[k % log.Length] = log[k % log.Length] * 10 + 1;
                k++;
            }
            if (n < 0) return -n;
            k += 10;
        }
        finally
        {
            log[0] = log[0] * 10 + 2;
        }
        return k;
    }

    /// <summary>A throw inside the try: the finally block writes to the array before the exception reaches the caller.</summary>
    [Njit]
    public static double ThrowInsideTry(double[] a, int[] log)
    {
        double s = 0;
        try
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] < 0) throw new ArgumentException($"a[{i}] = {a[i]} is negative");
                s += Math.Sqrt(a[i]);
            }
        }
        finally
        {
            log[0] += 1;
            log[1] = (int)s;
        }
        return s;
    }

    /// <summary>A failed check (an index out of range, a division by zero) inside nested trys runs both finally blocks.</summary>
    [Njit]
    public static int CheckFailsInsideTry(int[] a, int i, int d, int[] log)
    {
        try
        {
            try
            {
                return a[i] / d;
            }
            finally
            {
                log[0] = log[0] * 10 + 1;
            }
        }
        finally
        {
            log[0] = log[0] * 10 + 2;
        }
    }

    /// <summary>A helper that throws: its exception passes through the caller's finally block.</summary>
    [Njit]
    public static int CallsThrowingHelper(int n, int[] log)
    {
        try
        {
            return Positive(n) + 1;
        }
        finally
        {
            log[0] = n;
        }
    }

    private static int Positive(int n)
    {
        if (n <= 0) throw new InvalidOperationException($"{n} is not positive");
        return n;
    }

    /// <summary>A throw inside the finally block replaces the exception of the try, as in C#.</summary>
    [Njit]
    public static int ThrowInFinallyReplaces(int n, int[] log)
    {
        try
        {
            if (n > 0) throw new ArgumentException("from the try");
            log[0] = 1;
        }
        finally
        {
            log[1] = 2;
            if (n > 1) throw new InvalidOperationException("from the finally");
        }
        return log[0];
    }

    /// <summary>A try/finally inside the finally block of another.</summary>
    [Njit]
    public static int FinallyInFinally(int n, int[] log)
    {
        try
        {
            if (n == 0) throw new ArgumentException("zero");
            log[0] = n;
        }
        finally
        {
            try
            {
                log[1] = 100 / (n + 1);
            }
            finally
            {
                log[2] += 1;
            }
        }
        return log[0] + log[1];
    }

    /// <summary>A try/finally inside a parallel loop's body: each iteration runs its own finally block.</summary>
    [Njit(Parallel = true)]
    public static void ParallelFinally(double[] a, int[] marks)
    {
        foreach (int i in Numba.Prange(a.Length))
        {
            try
            {
                if (a[i] < 0) throw new ArgumentException("negative");
                a[i] = Math.Sqrt(a[i]);
            }
            finally
            {
                marks[i] += 1;
            }
        }
    }

    /// <summary>A library exception (Math.Clamp with min &gt; max) inside the try runs the finally block first.</summary>
    [Njit]
    public static double ClampInsideTry(double v, double lo, double hi, int[] log)
    {
        try
        {
            return Math.Clamp(v, lo, hi);
        }
        finally
        {
            log[0] += 1;
        }
    }
}
