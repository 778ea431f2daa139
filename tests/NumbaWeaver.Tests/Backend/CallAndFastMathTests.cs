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

    [Fact]
    public void Fast_math_dot_product_vectorises_with_fma()
    {
        string asm = LowerToText("T$::Dot", [DotProduct("entry,fastmath,boundscheck")], optimise: true, assembly: true);
        asm.ShouldContain("vfmadd");
        asm.ShouldContain("ymm");
    }

    [Fact]
    public void Without_fast_math_no_contraction_and_results_match_csharp()
    {
        string text = LowerToText("T$::Dot", [DotProduct("entry,boundscheck")], optimise: true);
        text.ShouldNotContain("fmuladd");
        text.ShouldNotContain(" fast ");
        LowerToText("T$::Dot", [DotProduct("entry,boundscheck")], new LoweringOptions { FastMathOverride = true }).ShouldContain("fadd fast");

        var f = (delegate* unmanaged<double*, double*, long, double*, long, int>)CompileOne(DotProduct("entry,boundscheck"));
        var (a, b, expected) = DotInputs(101);
        double r;
        fixed (double* pa = a, pb = b)
        {
            f(&r, pa, a.Length, pb, b.Length).ShouldBe(0);
            Bits(r).ShouldBe(Bits(expected));
            f(&r, pa, a.Length, pb, 100).ShouldBe(1); // b shorter than a: b[100] is out of range
        }
        var fast = (delegate* unmanaged<double*, double*, long, double*, long, int>)CompileOne(DotProduct("entry,fastmath,boundscheck"));
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
        LowerToText("T$::Dot", [DotProduct("entry,fastmath,boundscheck,prefervector256")]).ShouldContain("\"prefer-vector-width\"=\"256\"");
        LowerToText("T$::Dot", [DotProduct("entry,fastmath,boundscheck")]).ShouldNotContain("prefer-vector-width");
        string asm = LowerToText("T$::Dot", [DotProduct("entry,fastmath,boundscheck,prefervector256")], optimise: true, assembly: true);
        asm.ShouldContain("vfmadd");
        asm.ShouldNotContain("zmm");
    }
}
