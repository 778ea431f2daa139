// Math/MathF intrinsics against System.Math bit for bit, with .NET's exceptions (Sign(NaN), Clamp, Round mode, Abs(MinValue)).
using System;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Backend;

public unsafe class MathIntrinsicTests
{
    private static delegate* unmanaged<double*, double, int> Unary(string method) =>
        (delegate* unmanaged<double*, double, int>)CompileOne(Func("T$::" + method, "f64", "", ["param f64 x"],
            "ldarg", $"callintrinsic n=\"Math.{method}(f64)\"", "ret"));

    private static delegate* unmanaged<float*, float, int> UnaryF(string method) =>
        (delegate* unmanaged<float*, float, int>)CompileOne(Func("T$::F" + method, "f32", "", ["param f32 x"],
            "ldarg", $"callintrinsic n=\"MathF.{method}(f32)\"", "ret"));

    private static delegate* unmanaged<double*, double, double, int> Binary(string method) =>
        (delegate* unmanaged<double*, double, double, int>)CompileOne(Func("T$::" + method, "f64", "", ["param f64 x", "param f64 y"],
            "ldarg", "ldarg i=1", $"callintrinsic n=\"Math.{method}(f64,f64)\"", "ret"));

    private static delegate* unmanaged<float*, float, float, int> BinaryF(string method) =>
        (delegate* unmanaged<float*, float, float, int>)CompileOne(Func("T$::F" + method, "f32", "", ["param f32 x", "param f32 y"],
            "ldarg", "ldarg i=1", $"callintrinsic n=\"MathF.{method}(f32,f32)\"", "ret"));

    private static double ManagedUnary(string m, double x) => m switch
    {
        "Sqrt" => Math.Sqrt(x), "Abs" => Math.Abs(x), "Exp" => Math.Exp(x), "Log" => Math.Log(x), "Log10" => Math.Log10(x),
        "Log2" => Math.Log2(x), "Sin" => Math.Sin(x), "Cos" => Math.Cos(x), "Tan" => Math.Tan(x), "Asin" => Math.Asin(x),
        "Acos" => Math.Acos(x), "Atan" => Math.Atan(x), "Sinh" => Math.Sinh(x), "Cosh" => Math.Cosh(x), "Tanh" => Math.Tanh(x),
        "Asinh" => Math.Asinh(x), "Acosh" => Math.Acosh(x), "Atanh" => Math.Atanh(x), "Floor" => Math.Floor(x),
        "Ceiling" => Math.Ceiling(x), "Round" => Math.Round(x), "Truncate" => Math.Truncate(x), "Cbrt" => Math.Cbrt(x),
        _ => throw new ArgumentException(m),
    };

    private static float ManagedUnaryF(string m, float x) => m switch
    {
        "Sqrt" => MathF.Sqrt(x), "Abs" => MathF.Abs(x), "Exp" => MathF.Exp(x), "Log" => MathF.Log(x), "Log10" => MathF.Log10(x),
        "Log2" => MathF.Log2(x), "Sin" => MathF.Sin(x), "Cos" => MathF.Cos(x), "Tan" => MathF.Tan(x), "Asin" => MathF.Asin(x),
        "Acos" => MathF.Acos(x), "Atan" => MathF.Atan(x), "Sinh" => MathF.Sinh(x), "Cosh" => MathF.Cosh(x), "Tanh" => MathF.Tanh(x),
        "Asinh" => MathF.Asinh(x), "Acosh" => MathF.Acosh(x), "Atanh" => MathF.Atanh(x), "Floor" => MathF.Floor(x),
        "Ceiling" => MathF.Ceiling(x), "Round" => MathF.Round(x), "Truncate" => MathF.Truncate(x), "Cbrt" => MathF.Cbrt(x),
        _ => throw new ArgumentException(m),
    };

    private static readonly double[] MathInputs = [.. EdgeDoubles, 0.1, 0.7, 0.99, -0.99, 1.0000001, 2.0, 10.0, 100.0, 710.0, -745.5, 3.14159, 1e-5, 1e10, 1e22];

    public static TheoryData<string> UnaryNames() => new(NumbaWeaver.IR.Intrinsics.UnaryFloat);

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void Unary_math_matches_System_Math(string method)
    {
        var f = Unary(method);
        var g = UnaryF(method);
        foreach (double x in MathInputs)
        {
            double r;
            f(&r, x).ShouldBe(0);
            Bits(r).ShouldBe(Bits(ManagedUnary(method, x)), $"Math.{method}({x:R}) = {r:R}");
            float xf = (float)x, rf;
            g(&rf, xf).ShouldBe(0);
            Bits(rf).ShouldBe(Bits(ManagedUnaryF(method, xf)), $"MathF.{method}({xf:R}) = {rf:R}");
        }
    }

    [Theory]
    [InlineData("Pow")] [InlineData("Atan2")] [InlineData("Min")] [InlineData("Max")] [InlineData("CopySign")] [InlineData("Log")]
    public void Binary_math_matches_System_Math(string method)
    {
        var f = Binary(method);
        var g = BinaryF(method);
        double[] inputs = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -2.5, 3.7, 10.0, 1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon];
        foreach (double x in inputs)
        foreach (double y in inputs)
        {
            double expected = method switch
            {
                "Pow" => Math.Pow(x, y), "Atan2" => Math.Atan2(x, y), "Min" => Math.Min(x, y), "Max" => Math.Max(x, y),
                "CopySign" => Math.CopySign(x, y), _ => Math.Log(x, y),
            };
            double r;
            f(&r, x, y).ShouldBe(0);
            Bits(r).ShouldBe(Bits(expected), $"Math.{method}({x:R}, {y:R}) = {r:R}");
            float xf = (float)x, yf = (float)y;
            float expectedF = method switch
            {
                "Pow" => MathF.Pow(xf, yf), "Atan2" => MathF.Atan2(xf, yf), "Min" => MathF.Min(xf, yf), "Max" => MathF.Max(xf, yf),
                "CopySign" => MathF.CopySign(xf, yf), _ => MathF.Log(xf, yf),
            };
            float rf;
            g(&rf, xf, yf).ShouldBe(0);
            Bits(rf).ShouldBe(Bits(expectedF), $"MathF.{method}({xf:R}, {yf:R}) = {rf:R}");
        }
    }

    [Fact]
    public void Round_with_mode_and_fma()
    {
        var round = (delegate* unmanaged<double*, double, int, int>)CompileOne(Func("T$::RoundMode", "f64", "", ["param f64 x", "param i32 m"],
            "ldarg", "ldarg i=1", "callintrinsic n=\"Math.Round(f64,i32)\"", "ret"));
        foreach (double x in MathInputs)
        foreach (int mode in new[] { 0, 1, 2, 3, 4, 5, -1 })
        {
            double r = 0;
            var (status, expected) = Expected.Of(() => Math.Round(x, (MidpointRounding)mode));
            round(&r, x, mode).ShouldBe(status, $"Round({x}, {mode})");
            if (status == (int)Status.Raised) Expected.ShouldHaveRaised(() => Math.Round(x, (MidpointRounding)mode), $"Round({x}, {mode})");
            if (status == 0) Bits(r).ShouldBe(Bits(expected), $"Round({x:R}, {(MidpointRounding)mode})");
        }
        var fma = (delegate* unmanaged<double*, double, double, double, int>)CompileOne(Func("T$::Fma", "f64", "", ["param f64 a", "param f64 b", "param f64 c"],
            "ldarg", "ldarg i=1", "ldarg i=2", "callintrinsic n=\"Math.FusedMultiplyAdd(f64,f64,f64)\"", "ret"));
        double fr;
        fma(&fr, 0.1, 10.0, -1.0).ShouldBe(0);
        Bits(fr).ShouldBe(Bits(Math.FusedMultiplyAdd(0.1, 10.0, -1.0)));
    }

    [Fact]
    public void Sign_and_clamp_throw_like_dotnet()
    {
        var sign = (delegate* unmanaged<int*, double, int>)CompileOne(Func("T$::Sign", "i32", "", ["param f64 x"],
            "ldarg", "callintrinsic n=\"Math.Sign(f64)\"", "ret"));
        foreach (double x in EdgeDoubles)
        {
            int r;
            var (status, expected) = Expected.Of(() => Math.Sign(x));
            sign(&r, x).ShouldBe(status, $"Sign({x})");
            if (status == 0) r.ShouldBe(expected);
        }
        var clamp = (delegate* unmanaged<double*, double, double, double, int>)CompileOne(Func("T$::Clamp", "f64", "", ["param f64 v", "param f64 lo", "param f64 hi"],
            "ldarg", "ldarg i=1", "ldarg i=2", "callintrinsic n=\"Math.Clamp(f64,f64,f64)\"", "ret"));
        double[] values = [double.NaN, -1.0, -0.0, 0.0, 0.5, 1.0, 2.0, double.NegativeInfinity];
        foreach (double v in values)
        foreach (double lo in values)
        foreach (double hi in values)
        {
            double r;
            var (status, expected) = Expected.Of(() => Math.Clamp(v, lo, hi));
            clamp(&r, v, lo, hi).ShouldBe(status, $"Clamp({v}, {lo}, {hi})");
            if (status == (int)Status.Raised) Expected.ShouldHaveRaised(() => Math.Clamp(v, lo, hi), $"Clamp({v}, {lo}, {hi})");
            if (status == 0) Bits(r).ShouldBe(Bits(expected), $"Clamp({v}, {lo}, {hi})");
        }
    }

    [Fact]
    public void Integer_math_uses_the_real_width_and_signedness()
    {
        var abs = (delegate* unmanaged<int*, int, int>)CompileOne(Func("T$::Abs", "i32", "", ["param i32 x"], "ldarg", "callintrinsic n=\"Math.Abs(i32)\"", "ret"));
        var absB = (delegate* unmanaged<sbyte*, sbyte, int>)CompileOne(Func("T$::AbsB", "i8", "", ["param i8 x"], "ldarg", "callintrinsic n=\"Math.Abs(i8)\"", "ret"));
        var maxU = (delegate* unmanaged<uint*, uint, uint, int>)CompileOne(Func("T$::MaxU", "u32", "", ["param u32 a", "param u32 b"],
            "ldarg", "ldarg i=1", "callintrinsic n=\"Math.Max(u32,u32)\"", "ret"));
        var minB = (delegate* unmanaged<byte*, byte, byte, int>)CompileOne(Func("T$::MinB", "u8", "", ["param u8 a", "param u8 b"],
            "ldarg", "ldarg i=1", "callintrinsic n=\"Math.Min(u8,u8)\"", "ret"));
        var clampL = (delegate* unmanaged<long*, long, long, long, int>)CompileOne(Func("T$::ClampL", "i64", "", ["param i64 v", "param i64 lo", "param i64 hi"],
            "ldarg", "ldarg i=1", "ldarg i=2", "callintrinsic n=\"Math.Clamp(i64,i64,i64)\"", "ret"));
        var signS = (delegate* unmanaged<int*, short, int>)CompileOne(Func("T$::SignS", "i32", "", ["param i16 x"], "ldarg", "callintrinsic n=\"Math.Sign(i16)\"", "ret"));
        foreach (int x in EdgeInts)
        {
            int r;
            var (s, e) = Expected.Of(() => Math.Abs(x));
            abs(&r, x).ShouldBe(s, $"Abs({x})");
            if (s == 0) r.ShouldBe(e);
            sbyte sb = unchecked((sbyte)x), rb;
            var (sb1, eb) = Expected.Of(() => Math.Abs(sb));
            absB(&rb, sb).ShouldBe(sb1, $"Abs((sbyte){sb})");
            if (sb1 == 0) rb.ShouldBe(eb);
            short sh = unchecked((short)x);
            signS(&r, sh).ShouldBe(0);
            r.ShouldBe(Math.Sign(sh));
            foreach (int y in EdgeInts)
            {
                uint ru;
                maxU(&ru, (uint)x, (uint)y).ShouldBe(0);
                ru.ShouldBe(Math.Max((uint)x, (uint)y));
                byte rbb;
                minB(&rbb, (byte)x, (byte)y).ShouldBe(0);
                rbb.ShouldBe(Math.Min((byte)x, (byte)y));
                long rl;
                var (sc, ec) = Expected.Of(() => Math.Clamp(7L, (long)x, (long)y));
                clampL(&rl, 7L, x, y).ShouldBe(sc, $"Clamp(7, {x}, {y})");
                if (sc == (int)Status.Raised) Expected.ShouldHaveRaised(() => Math.Clamp(7L, (long)x, (long)y), $"Clamp(7, {x}, {y})");
                if (sc == 0) rl.ShouldBe(ec);
            }
        }
    }
}
