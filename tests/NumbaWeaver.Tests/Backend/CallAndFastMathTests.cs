// Calls between IR functions with status propagation, inlining attributes, fast-math flags and dot-product vectorisation.
using System;
using NumbaWeaver.Backend;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Backend;

public unsafe class CallAndFastMathTests
{
    // static int Div(int a, int b) => a / b;  static int Outer(int a, int b, double[] xs) => Div(a, b) + 1 + (int)First(xs);
    private static readonly string Div = Func("T$::Div", "i32", "", ["param i32 a", "param i32 b"], "ldarg", "ldarg i=1", "div t=i32", "ret");
    private static readonly string First = Func("T$::First", "f64", "boundscheck", ["param f64[] xs"], "ldarg", "const t=i32", "ldelem t2=f64[]", "ret");
    private static readonly string Outer = Func("T$::Outer", "i32", "entry", ["param i32 a", "param i32 b", "param f64[] xs"],
        "ldarg", "ldarg i=1", "call n=\"T$::Div\"", "const t=i32 i=1", "add t=i32",
        "ldarg i=2", "call n=\"T$::First\"", "conv t=i32 t2=f64", "add t=i32", "ret");

    [Fact]
    public void Calls_pass_results_back_and_propagate_statuses()
    {
        var f = (delegate* unmanaged<int*, int, int, double*, long, int>)Compile("T$::Outer", [Outer, Div, First]);
        var xs = new[] { 40.0 };
        int r;
        fixed (double* p = xs)
        {
            f(&r, 7, 2, p, 1).ShouldBe(0);
            r.ShouldBe(7 / 2 + 1 + 40);
            f(&r, 7, 0, p, 1).ShouldBe(2);              // DivideByZero from the callee
            f(&r, int.MinValue, -1, p, 1).ShouldBe(3);  // Overflow from the callee
            f(&r, 7, 2, p, 0).ShouldBe(1);              // IndexOutOfRange from the second callee
        }
    }

    [Fact]
    public void Helpers_are_internal_and_inline_flags_become_attributes()
    {
        string always = Div.Replace("-> i32 \n", "-> i32\n").Replace("\"T$::Div\" -> i32", "\"T$::Div\" -> i32 inlinealways");
        string text = LowerToText("T$::Outer", [Outer, always, First.Replace("-> f64 boundscheck", "-> f64 boundscheck,inlinenever")]);
        text.ShouldContain("alwaysinline");
        text.ShouldContain("noinline");
        text.ShouldContain("define internal");
        text.ShouldContain("define i32 @nj_");
    }

    // static double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }
    private static string Dot(string flags) => Func("T$::Dot", "f64", flags, ["param f64[] a", "param f64[] b", "local f64 s", "local i32 i"],
        F64(0.0), "stloc", "const t=i32", "stloc i=1", "br ->19",
        "ldloc", "ldarg", "ldloc i=1", "ldelem t2=f64[]", "ldarg i=1", "ldloc i=1", "ldelem t2=f64[]", "mul t=f64", "add t=f64", "stloc",
        "ldloc i=1", "const t=i32 i=1", "add t=i32", "stloc i=1",
        "ldloc i=1", "ldarg", "arrlen t=i32 t2=f64[]", "clt t=i32", "brtrue t=i32 ->5",
        "ldloc", "ret");

    [Fact]
    public void Fast_math_dot_product_vectorises_with_fma()
    {
        string asm = LowerToText("T$::Dot", [Dot("entry,fastmath,boundscheck")], optimise: true, assembly: true);
        asm.ShouldContain("vfmadd");
        asm.ShouldContain("ymm");
    }

    [Fact]
    public void Without_fast_math_no_contraction_and_results_match_csharp()
    {
        string text = LowerToText("T$::Dot", [Dot("entry,boundscheck")], optimise: true);
        text.ShouldNotContain("fmuladd");
        text.ShouldNotContain(" fast ");
        LowerToText("T$::Dot", [Dot("entry,boundscheck")], new LoweringOptions { FastMathOverride = true }).ShouldContain("fadd fast");

        var f = (delegate* unmanaged<double*, double*, long, double*, long, int>)CompileOne(Dot("entry,boundscheck"));
        var a = new double[101];
        var b = new double[101];
        for (int i = 0; i < a.Length; i++) { a[i] = Math.Cos(i) * 3.3; b[i] = 1.0 / (i + 1); }
        double expected = 0;
        for (int i = 0; i < a.Length; i++) expected += a[i] * b[i];
        double r;
        fixed (double* pa = a, pb = b)
        {
            f(&r, pa, a.Length, pb, b.Length).ShouldBe(0);
            Bits(r).ShouldBe(Bits(expected));
            f(&r, pa, a.Length, pb, 100).ShouldBe(1); // b shorter than a: b[100] is out of range
        }
        var fast = (delegate* unmanaged<double*, double*, long, double*, long, int>)CompileOne(Dot("entry,fastmath,boundscheck"));
        fixed (double* pa = a, pb = b)
        {
            fast(&r, pa, a.Length, pb, b.Length).ShouldBe(0);
            r.ShouldBe(expected, 1e-12);
        }
    }

    [Fact]
    public void Malformed_ir_is_rejected_with_an_invalid_operation()
    {
        var module = NumbaWeaver.IR.IrParser.ParseModule("nwir 1\n" + Func("Bad", "f64", "", [], "const t=i32", "ret"));
        var jit = NumbaWeaver.Llvm.NativeJit.Instance;
        lock (jit.SyncRoot)
        {
            Should.Throw<InvalidOperationException>(() => ModuleLowering.Lower(jit.Context, module, module.Find("Bad")!, new LoweringOptions()));
        }
    }

    [Fact]
    public void PreferVectorWidth_becomes_the_function_attribute_and_limits_the_vectors()
    {
        LowerToText("T$::Dot", [Dot("entry,fastmath,boundscheck,prefervector256")]).ShouldContain("\"prefer-vector-width\"=\"256\"");
        LowerToText("T$::Dot", [Dot("entry,fastmath,boundscheck")]).ShouldNotContain("prefer-vector-width");
        string asm = LowerToText("T$::Dot", [Dot("entry,fastmath,boundscheck,prefervector256")], optimise: true, assembly: true);
        asm.ShouldContain("vfmadd");
        asm.ShouldNotContain("zmm");
    }
}
