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

    [Theory]
    [InlineData("entry,boundscheck,fastmath")]
    [InlineData("entry,boundscheck,fastreassoc,fastcontract")]
    [InlineData("entry,boundscheck,fastnonans,fastafn")]
    [InlineData("entry,boundscheck")]
    public void Printed_ir_carries_the_same_flags_as_the_direct_setter(string flags)
    {
        string direct = LowerToText("T$::Dot", [DotProduct(flags)]);
        string text = LowerToText("T$::Dot", [DotProduct(flags)], ThroughText);
        Instructions(text, "fmul").ShouldBe(Instructions(direct, "fmul"));
        Instructions(text, "fadd").ShouldBe(Instructions(direct, "fadd"));
    }

    [Fact]
    public void A_fast_math_reduction_is_vectorised_through_the_text()
    {
        string optimised = LowerToText("T$::Dot", [DotProduct("entry,boundscheck,fastmath")], ThroughText, optimise: true);
        optimised.ShouldContain("x double>"); // a vector accumulator: the reduction was reordered
        string strict = LowerToText("T$::Dot", [DotProduct("entry,boundscheck")], ThroughText, optimise: true);
        strict.ShouldNotContain("x double>");
    }

    [Fact]
    public void The_compiled_code_computes_the_dot_product_and_still_checks_bounds()
    {
        var f = (delegate* unmanaged<double*, double*, long, double*, long, int>)CompileOne(DotProduct("entry,boundscheck,fastmath"), ThroughText);
        var (a, b, expected) = DotInputs(1001);
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
        // On the LLVM the suite runs with: the text must parse, and the loop still vectorises after it.
        string pipeline = NumbaWeaver.Llvm.Optimizer.PipelineFor(3) + NumbaWeaver.Llvm.Optimizer.OlderLlvmLoopPasses;
        LowerToText("T$::Dot", [DotProduct("entry,boundscheck,fastmath")], pipeline: pipeline).ShouldContain("x double>");
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
