// Integer arithmetic against C#: wrapping, division exceptions as statuses, masked shifts, checked ops, compares.
using System;
using System.Runtime.CompilerServices;
using NumbaWeaver.Llvm;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Backend;

public unsafe class IntegerArithmeticTests
{
    private static delegate* unmanaged<int*, int, int, int> Binary32(string op) =>
        (delegate* unmanaged<int*, int, int, int>)CompileOne(Func("T$::" + op, "i32", "", ["param i32 a", "param i32 b"],
            "ldarg", "ldarg i=1", op + " t=i32", "ret"));

    private static delegate* unmanaged<long*, long, long, int> Binary64(string op) =>
        (delegate* unmanaged<long*, long, long, int>)CompileOne(Func("T$::" + op, "i64", "", ["param i64 a", "param i64 b"],
            "ldarg", "ldarg i=1", op + " t=i64", "ret"));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Managed32(string op, int a, int b) => op switch
    {
        "add" => a + b, "sub" => a - b, "mul" => a * b, "div" => a / b, "rem" => a % b,
        "divun" => (int)((uint)a / (uint)b), "remun" => (int)((uint)a % (uint)b),
        "and" => a & b, "or" => a | b, "xor" => a ^ b,
        "shl" => a << b, "shr" => a >> b, "shrun" => (int)((uint)a >> b),
        "addovf" => checked(a + b), "addovfun" => (int)checked(unchecked((uint)a) + unchecked((uint)b)),
        "subovf" => checked(a - b), "subovfun" => (int)checked(unchecked((uint)a) - unchecked((uint)b)),
        "mulovf" => checked(a * b), "mulovfun" => (int)checked(unchecked((uint)a) * unchecked((uint)b)),
        "ceq" => a == b ? 1 : 0, "cgt" => a > b ? 1 : 0, "cgtun" => (uint)a > (uint)b ? 1 : 0,
        "clt" => a < b ? 1 : 0, "cltun" => (uint)a < (uint)b ? 1 : 0,
        _ => throw new ArgumentException(op),
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Managed64(string op, long a, long b) => op switch
    {
        "add" => a + b, "sub" => a - b, "mul" => a * b, "div" => a / b, "rem" => a % b,
        "divun" => (long)((ulong)a / (ulong)b), "remun" => (long)((ulong)a % (ulong)b),
        "addovf" => checked(a + b), "addovfun" => (long)checked(unchecked((ulong)a) + unchecked((ulong)b)),
        "mulovf" => checked(a * b), "mulovfun" => (long)checked(unchecked((ulong)a) * unchecked((ulong)b)),
        "subovfun" => (long)checked(unchecked((ulong)a) - unchecked((ulong)b)),
        _ => throw new ArgumentException(op),
    };

    [Theory]
    [InlineData("add")] [InlineData("sub")] [InlineData("mul")] [InlineData("div")] [InlineData("rem")]
    [InlineData("divun")] [InlineData("remun")] [InlineData("and")] [InlineData("or")] [InlineData("xor")]
    [InlineData("addovf")] [InlineData("addovfun")] [InlineData("subovf")] [InlineData("subovfun")]
    [InlineData("mulovf")] [InlineData("mulovfun")]
    [InlineData("ceq")] [InlineData("cgt")] [InlineData("cgtun")] [InlineData("clt")] [InlineData("cltun")]
    public void Int32_ops_match_csharp(string op)
    {
        var f = Binary32(op);
        foreach (int a in EdgeInts)
        foreach (int b in EdgeInts)
        {
            int r = 12345;
            int status = f(&r, a, b);
            var (es, ev) = Expected.Of(() => Managed32(op, a, b));
            status.ShouldBe(es, $"{op}({a}, {b})");
            if (es == 0) r.ShouldBe(ev, $"{op}({a}, {b})");
        }
    }

    [Theory]
    [InlineData("add")] [InlineData("sub")] [InlineData("mul")] [InlineData("div")] [InlineData("rem")]
    [InlineData("divun")] [InlineData("remun")] [InlineData("addovf")] [InlineData("addovfun")]
    [InlineData("mulovf")] [InlineData("mulovfun")] [InlineData("subovfun")]
    public void Int64_ops_match_csharp(string op)
    {
        var f = Binary64(op);
        foreach (long a in EdgeLongs)
        foreach (long b in EdgeLongs)
        {
            long r = 0;
            int status = f(&r, a, b);
            var (es, ev) = Expected.Of(() => Managed64(op, a, b));
            status.ShouldBe(es, $"{op}({a}, {b})");
            if (es == 0) r.ShouldBe(ev, $"{op}({a}, {b})");
        }
    }

    [Fact]
    public void Division_edge_cases_map_to_statuses()
    {
        var div = Binary32("div");
        var rem = Binary32("rem");
        int r;
        div(&r, 1, 0).ShouldBe(2);
        div(&r, int.MinValue, -1).ShouldBe(3);
        rem(&r, int.MinValue, -1).ShouldBe(3);
        rem(&r, 5, 0).ShouldBe(2);
        div(&r, -7, 2).ShouldBe(0);
        r.ShouldBe(-3);
    }

    [Theory]
    [InlineData("shl")] [InlineData("shr")] [InlineData("shrun")]
    public void Shifts_mask_the_count(string op)
    {
        var f = Binary32(op);
        var f64 = (delegate* unmanaged<long*, long, int, int>)CompileOne(Func("T$::" + op, "i64", "", ["param i64 a", "param i32 b"],
            "ldarg", "ldarg i=1", op + " t=i64", "ret"));
        foreach (int a in EdgeInts)
        foreach (int count in new[] { 0, 1, 5, 31, 32, 33, 63, 64, 65, -1, -31, 100, int.MinValue })
        {
            int r;
            f(&r, a, count).ShouldBe(0);
            r.ShouldBe(Managed32(op, a, count), $"{a} {op} {count}");
            long r64;
            f64(&r64, a * 0x1_0000_0001L, count).ShouldBe(0);
            long x = a * 0x1_0000_0001L;
            long expected = op switch { "shl" => x << count, "shr" => x >> count, _ => (long)((ulong)x >> count) };
            r64.ShouldBe(expected, $"{x} {op} {count} (i64)");
        }
    }

    [Fact]
    public void Neg_and_not_wrap()
    {
        var neg = (delegate* unmanaged<int*, int, int>)CompileOne(Func("T$::Neg", "i32", "", ["param i32 a"], "ldarg", "neg t=i32", "ret"));
        var not = (delegate* unmanaged<long*, long, int>)CompileOne(Func("T$::Not", "i64", "", ["param i64 a"], "ldarg", "not t=i64", "ret"));
        foreach (int a in EdgeInts)
        {
            int r;
            neg(&r, a).ShouldBe(0);
            r.ShouldBe(unchecked(-a));
            long l;
            not(&l, a).ShouldBe(0);
            l.ShouldBe(~(long)a);
        }
    }

    [Fact]
    public void Symbols_are_deterministic_valid_and_distinct()
    {
        string a = NumbaWeaver.Backend.NativeSymbols.For("N.T::M(f64[])");
        a.ShouldBe(NumbaWeaver.Backend.NativeSymbols.For("N.T::M(f64[])"));
        a.ShouldStartWith("nj_N_T__M_f64___");
        a.ShouldMatch("^[A-Za-z0-9_]+$");
        NumbaWeaver.Backend.NativeSymbols.For("N.T::M(f32[])").ShouldNotBe(a);
        string longName = NumbaWeaver.Backend.NativeSymbols.For(new string('x', 500) + "::é");
        longName.Length.ShouldBeLessThanOrEqualTo(3 + 60 + 9);
        longName.ShouldMatch("^[A-Za-z0-9_]+$");
        // FNV-1a of "a" is e40c292c: the hash is stable across processes, not string.GetHashCode.
        NumbaWeaver.Backend.NativeSymbols.For("a").ShouldBe("nj_a_e40c292c");
        _ = NativeJit.Instance; // the JIT itself must start for every other test here
    }
}
