// Floating-point kernels: IEEE arithmetic, remainders, comparisons with NaN and signed zeros, float/double mixing.
using NumbaWeaver;

namespace Kernels.Fixture;

public static class FloatOps
{
    [Njit] public static double AddD(double a, double b) => a + b;
    [Njit] public static double SubD(double a, double b) => a - b;
    [Njit] public static double MulD(double a, double b) => a * b;
    [Njit] public static double DivD(double a, double b) => a / b;
    [Njit] public static double RemD(double a, double b) => a % b;
    [Njit] public static double NegD(double a) => -a;
    [Njit] public static double Poly(double x) => ((2.5 * x - 1.25) * x + 0.5) * x - 3.0;
    [Njit] public static float AddF(float a, float b) => a + b;
    [Njit] public static float MulF(float a, float b) => a * b;
    [Njit] public static float DivF(float a, float b) => a / b;
    [Njit] public static float RemF(float a, float b) => a % b;
    [Njit] public static float NegF(float a) => -a;
    [Njit] public static double MixFD(float a, double b) => a * b + a;
    [Njit] public static float NarrowSum(double a, double b) => (float)a + (float)b;

    [Njit] public static int CompareD(double a, double b)
    {
        int r = 0;
        if (a < b) r |= 1;
        if (a <= b) r |= 2;
        if (a > b) r |= 4;
        if (a >= b) r |= 8;
        if (a == b) r |= 16;
        if (a != b) r |= 32;
        if (!(a < b)) r |= 64;
        if (!(a >= b)) r |= 128;
        return r;
    }

    [Njit] public static int CompareF(float a, float b)
    {
        int r = 0;
        if (a < b) r |= 1;
        if (a <= b) r |= 2;
        if (a > b) r |= 4;
        if (a >= b) r |= 8;
        if (a == b) r |= 16;
        if (a != b) r |= 32;
        if (!(a > b)) r |= 64;
        if (!(a <= b)) r |= 128;
        return r;
    }

    [Njit] public static bool LessD(double a, double b) => a < b;
    [Njit] public static bool NotGreaterD(double a, double b) => !(a > b);
    [Njit] public static double MaxBranch(double a, double b) => a > b ? a : b;

    [Njit] public static bool IsNaND(double x) => double.IsNaN(x);
    [Njit] public static bool IsFiniteD(double x) => double.IsFinite(x);
    [Njit] public static bool IsInfinityD(double x) => double.IsInfinity(x);
    [Njit] public static bool IsPositiveInfinityD(double x) => double.IsPositiveInfinity(x);
    [Njit] public static bool IsNegativeInfinityD(double x) => double.IsNegativeInfinity(x);
    [Njit] public static bool IsNegativeD(double x) => double.IsNegative(x);
    [Njit] public static bool IsNormalD(double x) => double.IsNormal(x);
    [Njit] public static bool IsSubnormalD(double x) => double.IsSubnormal(x);
    [Njit] public static bool IsNormalF(float x) => float.IsNormal(x);
    [Njit] public static bool IsSubnormalF(float x) => float.IsSubnormal(x);
    [Njit] public static bool IsNaNF(float x) => float.IsNaN(x);
    [Njit] public static bool IsFiniteF(float x) => float.IsFinite(x);
    [Njit] public static bool IsInfinityF(float x) => float.IsInfinity(x);
    [Njit] public static bool IsPositiveInfinityF(float x) => float.IsPositiveInfinity(x);
    [Njit] public static bool IsNegativeInfinityF(float x) => float.IsNegativeInfinity(x);
    [Njit] public static bool IsNegativeF(float x) => float.IsNegative(x);

    [Njit] public static double SumNonNaN(double[] a)
    {
        double s = 0;
        foreach (var x in a) if (!double.IsNaN(x) && double.IsFinite(x)) s += x;
        return s;
    }
}
