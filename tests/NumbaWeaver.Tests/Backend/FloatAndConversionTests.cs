// Float arithmetic, comparisons and every conversion against C# bit for bit, including .NET 10's saturation rules.
using System;
using System.Runtime.CompilerServices;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Backend;

public unsafe class FloatAndConversionTests
{
    [Theory]
    [InlineData("add")] [InlineData("sub")] [InlineData("mul")] [InlineData("div")] [InlineData("rem")]
    public void Double_arithmetic_is_ieee_as_in_csharp(string op)
    {
        var f = (delegate* unmanaged<double*, double, double, int>)CompileOne(Func("T$::" + op, "f64", "", ["param f64 a", "param f64 b"],
            "ldarg", "ldarg i=1", op + " t=f64", "ret"));
        var g = (delegate* unmanaged<float*, float, float, int>)CompileOne(Func("T$::" + op + "f", "f32", "", ["param f32 a", "param f32 b"],
            "ldarg", "ldarg i=1", op + " t=f32", "ret"));
        foreach (double a in EdgeDoubles)
        foreach (double b in EdgeDoubles)
        {
            double r;
            f(&r, a, b).ShouldBe(0);
            Bits(r).ShouldBe(Bits(ManagedD(op, a, b)), $"{a} {op} {b}");
        }
        foreach (float a in EdgeFloats)
        foreach (float b in EdgeFloats)
        {
            float r;
            g(&r, a, b).ShouldBe(0);
            Bits(r).ShouldBe(Bits(ManagedF(op, a, b)), $"{a} {op} {b}");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double ManagedD(string op, double a, double b) => op switch
    {
        "add" => a + b, "sub" => a - b, "mul" => a * b, "div" => a / b, _ => a % b,
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float ManagedF(string op, float a, float b) => op switch
    {
        "add" => a + b, "sub" => a - b, "mul" => a * b, "div" => a / b, _ => a % b,
    };

    [Theory]
    [InlineData("ceq")] [InlineData("cgt")] [InlineData("cgtun")] [InlineData("clt")] [InlineData("cltun")]
    public void Float_compares_follow_cil_ordered_and_unordered_rules(string op)
    {
        var f = (delegate* unmanaged<int*, double, double, int>)CompileOne(Func("T$::" + op, "i32", "", ["param f64 a", "param f64 b"],
            "ldarg", "ldarg i=1", op + " t=f64", "ret"));
        foreach (double a in EdgeDoubles)
        foreach (double b in EdgeDoubles)
        {
            int r;
            f(&r, a, b).ShouldBe(0);
            // C#: a > b is cgt; !(a <= b) is cgt.un; likewise clt / clt.un.
            bool expected = op switch { "ceq" => a == b, "cgt" => a > b, "cgtun" => !(a <= b), "clt" => a < b, _ => !(a >= b) };
            r.ShouldBe(expected ? 1 : 0, $"{a} {op} {b}");
        }
        double n;
        var neg = (delegate* unmanaged<double*, double, int>)CompileOne(Func("T$::Neg", "f64", "", ["param f64 a"], "ldarg", "neg t=f64", "ret"));
        neg(&n, 0.0).ShouldBe(0);
        Bits(n).ShouldBe(Bits(-0.0));
    }

    private static delegate* unmanaged<long*, double, int> DoubleTo(string target, string flags = "") =>
        (delegate* unmanaged<long*, double, int>)CompileOne(Func("T$::To" + target, "i64", "", ["param f64 x"],
            "ldarg", $"conv t={target} t2=f64{flags}", target is "i64" or "u64" ? "nop" : (target is "u32" ? "conv t=u64 t2=i32" : "conv t=i64 t2=i32"), "ret"));

    /// <summary>The compiled result sign- or zero-extended to i64 exactly as the IR widened it; C# does the same via its cast.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ManagedTo(string target, double x) => target switch
    {
        "i8" => (sbyte)x, "u8" => (byte)x, "i16" => (short)x, "u16" => (ushort)x, "char" => (char)x,
        "i32" => (int)x, "u32" => (uint)x, "i64" => (long)x, _ => (long)(ulong)x,
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ManagedToChecked(string target, double x) => target switch
    {
        "i8" => checked((sbyte)x), "u8" => checked((byte)x), "i16" => checked((short)x), "u16" => checked((ushort)x),
        "char" => checked((char)x), "i32" => checked((int)x), "u32" => checked((uint)x), "i64" => checked((long)x),
        _ => unchecked((long)checked((ulong)x)),
    };

    [Theory]
    [InlineData("i8")] [InlineData("u8")] [InlineData("i16")] [InlineData("u16")] [InlineData("char")]
    [InlineData("i32")] [InlineData("u32")] [InlineData("i64")] [InlineData("u64")]
    public void Double_to_integer_saturates_like_dotnet10_and_checks_under_ovf(string target)
    {
        var sat = DoubleTo(target);
        var ovf = DoubleTo(target, " i=1");
        foreach (double x in EdgeDoubles)
        {
            long r;
            sat(&r, x).ShouldBe(0);
            r.ShouldBe(ManagedTo(target, x), $"({target}){x}");
            var (status, value) = Expected.Of(() => ManagedToChecked(target, x));
            ovf(&r, x).ShouldBe(status, $"checked(({target}){x})");
            if (status == 0) r.ShouldBe(value, $"checked(({target}){x})");
        }
    }

    [Fact]
    public void Small_targets_saturate_through_int32_then_truncate()
    {
        // .NET 10 on x64, verified on this machine: (sbyte)300.0 == 44, (byte)-5.0 == 251, (byte)1e20 == 255.
        long r;
        DoubleTo("i8")(&r, 300.0).ShouldBe(0);
        r.ShouldBe(44);
        DoubleTo("u8")(&r, -5.0).ShouldBe(0);
        r.ShouldBe(251);
        DoubleTo("u8")(&r, 1e20).ShouldBe(0);
        r.ShouldBe(255);
    }

    [Fact]
    public void Float_to_integer_and_float_widths()
    {
        var toInt = (delegate* unmanaged<int*, float, int>)CompileOne(Func("T$::F2I", "i32", "", ["param f32 x"], "ldarg", "conv t=i32 t2=f32", "ret"));
        var toU8 = (delegate* unmanaged<int*, float, int>)CompileOne(Func("T$::F2B", "i32", "", ["param f32 x"], "ldarg", "conv t=u8 t2=f32", "ret"));
        var toU64 = (delegate* unmanaged<ulong*, float, int>)CompileOne(Func("T$::F2UL", "u64", "", ["param f32 x"], "ldarg", "conv t=u64 t2=f32", "ret"));
        var widen = (delegate* unmanaged<double*, float, int>)CompileOne(Func("T$::F2D", "f64", "", ["param f32 x"], "ldarg", "conv t=f64 t2=f32", "ret"));
        var narrow = (delegate* unmanaged<float*, double, int>)CompileOne(Func("T$::D2F", "f32", "", ["param f64 x"], "ldarg", "conv t=f32 t2=f64", "ret"));
        foreach (float x in EdgeFloats)
        {
            int i;
            toInt(&i, x).ShouldBe(0);
            i.ShouldBe((int)x, $"(int){x}f");
            toU8(&i, x).ShouldBe(0);
            i.ShouldBe((byte)x, $"(byte){x}f");
            ulong ul;
            toU64(&ul, x).ShouldBe(0);
            ul.ShouldBe((ulong)x, $"(ulong){x}f");
            double d;
            widen(&d, x).ShouldBe(0);
            Bits(d).ShouldBe(Bits((double)x));
        }
        foreach (double x in EdgeDoubles)
        {
            float f;
            narrow(&f, x).ShouldBe(0);
            Bits(f).ShouldBe(Bits((float)x), $"(float){x}");
        }
    }

    [Fact]
    public void Integer_conversions_truncate_and_extend_by_signedness()
    {
        string[] targets = { "i8", "u8", "i16", "u16", "char", "i32", "u32" };
        foreach (var t in targets)
        {
            var f = (delegate* unmanaged<int*, long, int>)CompileOne(Func("T$::L2" + t, "i32", "", ["param i64 x"], "ldarg", $"conv t={t} t2=i64", "ret"));
            var g = (delegate* unmanaged<int*, long, int>)CompileOne(Func("T$::L2c" + t, "i32", "", ["param i64 x"], "ldarg", $"conv t={t} t2=i64 i=1", "ret"));
            var gu = (delegate* unmanaged<int*, long, int>)CompileOne(Func("T$::L2u" + t, "i32", "", ["param i64 x"], "ldarg", $"conv t={t} t2=i64 i=3", "ret"));
            foreach (long x in EdgeLongs)
            {
                int r;
                f(&r, x).ShouldBe(0);
                int expected = t switch { "i8" => (sbyte)x, "u8" => (byte)x, "i16" => (short)x, "u16" => (ushort)x, "char" => (char)x, "i32" => (int)x, _ => (int)(uint)x };
                r.ShouldBe(expected, $"({t}){x}");
                var (s, v) = Expected.Of(() => t switch
                {
                    "i8" => checked((sbyte)x), "u8" => checked((byte)x), "i16" => checked((short)x), "u16" => checked((ushort)x),
                    "char" => checked((char)x), "i32" => checked((int)x), _ => (int)checked((uint)x),
                });
                g(&r, x).ShouldBe(s, $"checked(({t}){x})");
                if (s == 0) r.ShouldBe(v);
                ulong ux = unchecked((ulong)x);
                var (su, vu) = Expected.Of(() => t switch
                {
                    "i8" => checked((sbyte)ux), "u8" => checked((byte)ux), "i16" => checked((short)ux), "u16" => checked((ushort)ux),
                    "char" => checked((char)ux), "i32" => checked((int)ux), _ => (int)checked((uint)ux),
                });
                gu(&r, x).ShouldBe(su, $"checked(({t}){ux}UL)");
                if (su == 0) r.ShouldBe(vu);
            }
        }
    }

    [Fact]
    public void Int_to_long_and_to_float_respect_signedness()
    {
        var sext = (delegate* unmanaged<long*, int, int>)CompileOne(Func("T$::I2L", "i64", "", ["param i32 x"], "ldarg", "conv t=i64 t2=i32", "ret"));
        var zext = (delegate* unmanaged<long*, int, int>)CompileOne(Func("T$::U2L", "i64", "", ["param i32 x"], "ldarg", "conv t=u64 t2=i32", "ret"));
        var ovfU = (delegate* unmanaged<long*, int, int>)CompileOne(Func("T$::I2UL", "i64", "", ["param i32 x"], "ldarg", "conv t=u64 t2=i32 i=1", "ret"));
        var s2d = (delegate* unmanaged<double*, long, int>)CompileOne(Func("T$::L2D", "f64", "", ["param i64 x"], "ldarg", "conv t=f64 t2=i64", "ret"));
        var u2d = (delegate* unmanaged<double*, long, int>)CompileOne(Func("T$::UL2D", "f64", "", ["param i64 x"], "ldarg", "conv t=f64 t2=i64 i=2", "ret"));
        var s2f = (delegate* unmanaged<float*, long, int>)CompileOne(Func("T$::L2F", "f32", "", ["param i64 x"], "ldarg", "conv t=f32 t2=i64", "ret"));
        foreach (int x in EdgeInts)
        {
            long r;
            sext(&r, x).ShouldBe(0);
            r.ShouldBe((long)x);
            zext(&r, x).ShouldBe(0);
            r.ShouldBe((long)(uint)x);
            ovfU(&r, x).ShouldBe(x < 0 ? 3 : 0);
        }
        foreach (long x in EdgeLongs)
        {
            double d;
            s2d(&d, x).ShouldBe(0);
            Bits(d).ShouldBe(Bits((double)x));
            u2d(&d, x).ShouldBe(0);
            Bits(d).ShouldBe(Bits((double)(ulong)x));
            float f;
            s2f(&f, x).ShouldBe(0);
            Bits(f).ShouldBe(Bits((float)x));
        }
    }
}
