// A negation keeps the sign a NaN had when .NET made it: LLVM may not move it into the product or quotient that made the NaN.
using System;
using NumbaWeaver.Backend;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Backend;

public unsafe class NegatedNaNTests
{
    private static string Negated(string op) => Func("T$::Neg", "f64", "entry", ["param f64 a", "param f64 b"],
        "ldarg", "ldarg i=1", op + " t=f64", "neg t=f64", "ret");

    // static double NegLocal(double a, double b) { double p = a * b; return -p; }
    private static string NegatedLocal(string op) => Func("T$::NegLocal", "f64", "entry", ["param f64 a", "param f64 b", "local f64 p"],
        "ldarg", "ldarg i=1", op + " t=f64", "stloc", "ldloc", "neg t=f64", "ret");

    [Theory]
    [InlineData("mul", double.PositiveInfinity, 0.0)]
    [InlineData("div", 0.0, 0.0)]
    public void Negating_a_local_that_holds_a_product_gives_dotnets_bits(string op, double a, double b)
    {
        var f = (delegate* unmanaged<double*, double, double, int>)CompileOne(NegatedLocal(op));
        double r;
        f(&r, a, b).ShouldBe(0);
        double p = op == "mul" ? Volatile(a) * Volatile(b) : Volatile(a) / Volatile(b);
        BitConverter.DoubleToInt64Bits(r).ShouldBe(BitConverter.DoubleToInt64Bits(-Volatile(p)));
    }

    [Theory]
    [InlineData("mul", double.PositiveInfinity, 0.0)]
    [InlineData("mul", 0.0, double.NegativeInfinity)]
    [InlineData("div", 0.0, 0.0)]
    [InlineData("div", double.PositiveInfinity, double.NegativeInfinity)]
    [InlineData("mul", 3.0, -2.5)]
    public void Negating_a_product_or_quotient_gives_dotnets_bits(string op, double a, double b)
    {
        var f = (delegate* unmanaged<double*, double, double, int>)CompileOne(Negated(op));
        double r;
        f(&r, a, b).ShouldBe(0);
        double expected = op == "mul" ? -(Volatile(a) * Volatile(b)) : -(Volatile(a) / Volatile(b));
        BitConverter.DoubleToInt64Bits(r).ShouldBe(BitConverter.DoubleToInt64Bits(expected), $"-({a} {op} {b})");
    }

    // static void NegMul(double[] a, double[] b, double[] y) { for (int i = 0; i < y.Length; i++) y[i] = -(a[i] * b[i]); }
    private static readonly string NegatedProducts = Func("T$::NegMul", "void", "entry", ["param f64[] a", "param f64[] b", "param f64[] y", "local i32 i"],
        "const t=i32", "stloc", "br ->18",
        "ldarg i=2", "ldloc", "ldarg", "ldloc", "ldelem t2=f64[]", "ldarg i=1", "ldloc", "ldelem t2=f64[]", "mul t=f64", "neg t=f64", "stelem t2=f64[]",
        "ldloc", "const t=i32 i=1", "add t=i32", "stloc",
        "ldloc", "ldarg i=2", "arrlen t=i32 t2=f64[]", "clt t=i32", "brtrue t=i32 ->3",
        "ret");

    [Fact]
    public void A_loop_of_negated_products_keeps_the_fence_and_fast_math_drops_it()
    {
        // Strict: the fence survives O3 (so no fold moved the negation); FastMath: no fence, and the loop vectorises.
        LowerToText("T$::NegMul", [NegatedProducts], optimise: true).ShouldContain("llvm.arithmetic.fence");
        string fast = LowerToText("T$::NegMul", [NegatedProducts], new LoweringOptions { FastMathOverride = true }, optimise: true);
        fast.ShouldNotContain("llvm.arithmetic.fence");
        fast.ShouldContain("x double>");
    }

    // Keeps the C# compiler from folding the expected value (it would fold with its own NaN).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static double Volatile(double x) => x;
}
