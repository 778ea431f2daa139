// Black-Scholes call and put prices (polynomial normal CDF, as Numba's example), in every variant.
using System;
using System.Runtime.Intrinsics;

namespace NumbaWeaver.Benchmarks.Kernels;

/// <summary>The constants every Black-Scholes variant shares.</summary>
public static class BlackScholesConstants
{
    public const double A1 = 0.31938153, A2 = -0.356563782, A3 = 1.781477937, A4 = -1.821255978, A5 = 1.330274429;
    public const double RSqrt2Pi = 0.39894228040143267793994605993438;
    public const double Rate = 0.02, Volatility = 0.30;
}

public static partial class Plain
{
    public static double Cnd(double d)
    {
        double k = 1.0 / (1.0 + 0.2316419 * Math.Abs(d));
        double r = BlackScholesConstants.RSqrt2Pi * Math.Exp(-0.5 * d * d) *
            (k * (BlackScholesConstants.A1 + k * (BlackScholesConstants.A2 + k * (BlackScholesConstants.A3 + k * (BlackScholesConstants.A4 + k * BlackScholesConstants.A5)))));
        return d > 0 ? 1.0 - r : r;
    }

    public static void BlackScholes(double[] s, double[] x, double[] t, double r, double v, double[] call, double[] put)
    {
        for (int i = 0; i < s.Length; i++)
        {
            double sqrtT = Math.Sqrt(t[i]);
            double d1 = (Math.Log(s[i] / x[i]) + (r + 0.5 * v * v) * t[i]) / (v * sqrtT);
            double d2 = d1 - v * sqrtT;
            double c1 = Cnd(d1), c2 = Cnd(d2);
            double e = Math.Exp(-r * t[i]);
            call[i] = s[i] * c1 - x[i] * e * c2;
            put[i] = x[i] * e * (1.0 - c2) - s[i] * (1.0 - c1);
        }
    }
}

public static partial class Nj
{
    [Njit]
    public static double Cnd(double d)
    {
        double k = 1.0 / (1.0 + 0.2316419 * Math.Abs(d));
        double r = BlackScholesConstants.RSqrt2Pi * Math.Exp(-0.5 * d * d) *
            (k * (BlackScholesConstants.A1 + k * (BlackScholesConstants.A2 + k * (BlackScholesConstants.A3 + k * (BlackScholesConstants.A4 + k * BlackScholesConstants.A5)))));
        return d > 0 ? 1.0 - r : r;
    }

    [Njit]
    public static void BlackScholes(double[] s, double[] x, double[] t, double r, double v, double[] call, double[] put)
    {
        for (int i = 0; i < s.Length; i++)
        {
            double sqrtT = Math.Sqrt(t[i]);
            double d1 = (Math.Log(s[i] / x[i]) + (r + 0.5 * v * v) * t[i]) / (v * sqrtT);
            double d2 = d1 - v * sqrtT;
            double c1 = Cnd(d1), c2 = Cnd(d2);
            double e = Math.Exp(-r * t[i]);
            call[i] = s[i] * c1 - x[i] * e * c2;
            put[i] = x[i] * e * (1.0 - c2) - s[i] * (1.0 - c1);
        }
    }
}

public static partial class NjFast
{
    [Njit(FastMath = true)]
    public static double Cnd(double d)
    {
        double k = 1.0 / (1.0 + 0.2316419 * Math.Abs(d));
        double r = BlackScholesConstants.RSqrt2Pi * Math.Exp(-0.5 * d * d) *
            (k * (BlackScholesConstants.A1 + k * (BlackScholesConstants.A2 + k * (BlackScholesConstants.A3 + k * (BlackScholesConstants.A4 + k * BlackScholesConstants.A5)))));
        return d > 0 ? 1.0 - r : r;
    }

    [Njit(FastMath = true)]
    public static void BlackScholes(double[] s, double[] x, double[] t, double r, double v, double[] call, double[] put)
    {
        for (int i = 0; i < s.Length; i++)
        {
            double sqrtT = Math.Sqrt(t[i]);
            double d1 = (Math.Log(s[i] / x[i]) + (r + 0.5 * v * v) * t[i]) / (v * sqrtT);
            double d2 = d1 - v * sqrtT;
            double c1 = Cnd(d1), c2 = Cnd(d2);
            double e = Math.Exp(-r * t[i]);
            call[i] = s[i] * c1 - x[i] * e * c2;
            put[i] = x[i] * e * (1.0 - c2) - s[i] * (1.0 - c1);
        }
    }
}

public static unsafe partial class Simd
{
    private static Vector256<double> Cnd(Vector256<double> d)
    {
        var one = Vector256.Create(1.0);
        var k = one / (one + Vector256.Create(0.2316419) * Vector256.Abs(d));
        var poly = k * (Vector256.Create(BlackScholesConstants.A1) + k * (Vector256.Create(BlackScholesConstants.A2) + k * (Vector256.Create(BlackScholesConstants.A3) +
            k * (Vector256.Create(BlackScholesConstants.A4) + k * Vector256.Create(BlackScholesConstants.A5)))));
        var r = Vector256.Create(BlackScholesConstants.RSqrt2Pi) * Vector256.Exp(Vector256.Create(-0.5) * d * d) * poly;
        return Vector256.ConditionalSelect(Vector256.GreaterThan(d, Vector256<double>.Zero), one - r, r);
    }

    /// <summary>Vector256 with .NET's vector Exp and Log (approximations a few ulp from Math.Exp/Log).</summary>
    public static void BlackScholes(double[] s, double[] x, double[] t, double r, double v, double[] call, double[] put)
    {
        int n = s.Length, i = 0;
        fixed (double* ps = s, px = x, pt = t, pc = call, pp = put)
        {
            var vr = Vector256.Create(r);
            var vv = Vector256.Create(v);
            var one = Vector256.Create(1.0);
            var drift = Vector256.Create(r + 0.5 * v * v);
            for (; i <= n - 4; i += 4)
            {
                var S = Vector256.Load(ps + i);
                var X = Vector256.Load(px + i);
                var T = Vector256.Load(pt + i);
                var sqrtT = Vector256.Sqrt(T);
                var d1 = (Vector256.Log(S / X) + drift * T) / (vv * sqrtT);
                var d2 = d1 - vv * sqrtT;
                var c1 = Cnd(d1);
                var c2 = Cnd(d2);
                var e = Vector256.Exp(-vr * T);
                (S * c1 - X * e * c2).Store(pc + i);
                (X * e * (one - c2) - S * (one - c1)).Store(pp + i);
            }
        }
        for (; i < n; i++)
        {
            double sqrtT = Math.Sqrt(t[i]);
            double d1 = (Math.Log(s[i] / x[i]) + (r + 0.5 * v * v) * t[i]) / (v * sqrtT);
            double d2 = d1 - v * sqrtT;
            double c1 = Plain.Cnd(d1), c2 = Plain.Cnd(d2);
            double e = Math.Exp(-r * t[i]);
            call[i] = s[i] * c1 - x[i] * e * c2;
            put[i] = x[i] * e * (1.0 - c2) - s[i] * (1.0 - c1);
        }
    }
}
