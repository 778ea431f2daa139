// What LLVM 15-17 get instead of newer APIs: fast-math flags through printed IR (FastMathText), the extra loop passes.
using System;
using NumbaWeaver.Backend;
using NumbaWeaver.Llvm.Interop;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Backend;

public unsafe class OlderLlvmTests
{
    private static readonly LoweringOptions ThroughText = new() { FastMathThroughText = true };

    // static double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }
    private static string Dot(string flags) => Func("T$::Dot", "f64", flags, ["param f64[] a", "param f64[] b", "local f64 s", "local i32 i"],
        F64(0.0), "stloc", "const t=i32", "stloc i=1", "br ->19",
        "ldloc", "ldarg", "ldloc i=1", "ldelem t2=f64[]", "ldarg i=1", "ldloc i=1", "ldelem t2=f64[]", "mul t=f64", "add t=f64", "stloc",
        "ldloc i=1", "const t=i32 i=1", "add t=i32", "stloc i=1",
        "ldloc i=1", "ldarg", "arrlen t=i32 t2=f64[]", "clt t=i32", "brtrue t=i32 ->5",
        "ldloc", "ret");

    [Theory]
    [InlineData("entry,boundscheck,fastmath")]
    [InlineData("entry,boundscheck,fastreassoc,fastcontract")]
    [InlineData("entry,boundscheck,fastnonans,fastafn")]
    [InlineData("entry,boundscheck")]
    public void Printed_ir_carries_the_same_flags_as_the_direct_setter(string flags)
    {
        string direct = LowerToText("T$::Dot", [Dot(flags)]);
        string text = LowerToText("T$::Dot", [Dot(flags)], ThroughText);
        Instructions(text, "fmul").ShouldBe(Instructions(direct, "fmul"));
        Instructions(text, "fadd").ShouldBe(Instructions(direct, "fadd"));
    }

    [Fact]
    public void A_fast_math_reduction_is_vectorised_through_the_text()
    {
        string optimised = LowerToText("T$::Dot", [Dot("entry,boundscheck,fastmath")], ThroughText, optimise: true);
        optimised.ShouldContain("x double>"); // a vector accumulator: the reduction was reordered
        string strict = LowerToText("T$::Dot", [Dot("entry,boundscheck")], ThroughText, optimise: true);
        strict.ShouldNotContain("x double>");
    }

    [Fact]
    public void The_compiled_code_computes_the_dot_product_and_still_checks_bounds()
    {
        var f = (delegate* unmanaged<double*, double*, long, double*, long, int>)CompileOne(Dot("entry,boundscheck,fastmath"), ThroughText);
        var a = new double[1001];
        var b = new double[1001];
        for (int i = 0; i < a.Length; i++) { a[i] = Math.Cos(i) * 3.3; b[i] = 1.0 / (i + 1); }
        double expected = 0;
        for (int i = 0; i < a.Length; i++) expected += a[i] * b[i];
        double r;
        fixed (double* pa = a, pb = b)
        {
            f(&r, pa, a.Length, pb, b.Length).ShouldBe(0);
            r.ShouldBe(expected, 1e-12);
            f(&r, pa, a.Length, pb, 1000).ShouldBe(1); // b shorter than a: IndexOutOfRange, as C# throws
        }
    }

    [Fact]
    public void The_loop_passes_appended_for_older_llvm_form_a_valid_pipeline()
    {
        // On the LLVM the suite runs with: the text must parse, and the code must still be right after it.
        var jit = NumbaWeaver.Llvm.NativeJit.Instance;
        string text;
        lock (jit.SyncRoot)
        {
            var (module, tag) = Parse([Dot("entry,boundscheck,fastmath")]);
            var llvm = ModuleLowering.Lower(jit.Context, module, module.Find("T" + tag + "::Dot")!, new LoweringOptions());
            NumbaWeaver.Llvm.Optimizer.RunPipeline(llvm, jit.TargetMachine, NumbaWeaver.Llvm.Optimizer.PipelineFor(3) + NumbaWeaver.Llvm.Optimizer.OlderLlvmLoopPasses);
            text = NumbaWeaver.Llvm.Interop.LLVM.PrintModule(llvm);
            NumbaWeaver.Llvm.Interop.LLVM.DisposeModule(llvm);
        }
        text.ShouldContain("x double>");
    }

    [Fact]
    public void Flags_are_spelled_as_llvm_prints_them()
    {
        FastMathText.FlagsText(LLVMFastMathFlags.LLVMFastMathAll).ShouldBe("fast");
        FastMathText.FlagsText(LLVMFastMathFlags.LLVMFastMathAllowReassoc | LLVMFastMathFlags.LLVMFastMathAllowContract).ShouldBe("reassoc contract");
        FastMathText.FlagsText(LLVMFastMathFlags.LLVMFastMathNoNaNs | LLVMFastMathFlags.LLVMFastMathApproxFunc).ShouldBe("nnan afn");
    }

    [Fact]
    public void Calls_get_their_flags_before_the_return_type_and_unmarked_lines_are_left_alone()
    {
        string printed = "  %nwfm127x3 = tail call double @llvm.sqrt.f64(double %x)\n  %nwfm33x = fcmp olt double %a, %b\n  %y = fadd double %a, %b\n";
        FastMathText.WithFlags(printed).ShouldBe(
            "  %nwfm127x3 = tail call fast double @llvm.sqrt.f64(double %x)\n  %nwfm33x = fcmp reassoc contract olt double %a, %b\n  %y = fadd double %a, %b\n");
    }

    // The opcode lines of one kind, with value names dropped (they differ between the two paths).
    private static string Instructions(string module, string opcode)
    {
        var lines = new System.Collections.Generic.List<string>();
        foreach (var line in module.Split('\n'))
        {
            int eq = line.IndexOf(" = " + opcode + " ", StringComparison.Ordinal);
            if (eq >= 0) lines.Add(line[(eq + 3)..].Split('%')[0].Trim());
        }
        lines.Count.ShouldBeGreaterThan(0, $"no {opcode} in the module");
        return string.Join("\n", lines);
    }
}
