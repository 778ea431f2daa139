// Frontend tests of the constructs at the edge of the first subset: classification intrinsics, `default` spans, Round with digits, null arrays.
extern alias weaver;

using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Shouldly;
using Xunit;
using Diagnostic = weaver::NumbaWeaver.Weaving.Diagnostics.Diagnostic;
using IrModule = weaver::NumbaWeaver.IR.IrModule;
using IrPrinter = weaver::NumbaWeaver.IR.IrPrinter;
using IrVerifier = weaver::NumbaWeaver.IR.IrVerifier;

namespace NumbaWeaver.Tests.Weaver;

/// <summary>Plain (unwoven) methods of this test assembly, translated in-process.</summary>
public static class FrontendGapSamples
{
    public static bool Classify(double x, float y) => double.IsNaN(x) || float.IsSubnormal(y) || double.IsNegativeInfinity(x);

    public static int DefaultSpan(int[] a, bool use)
    {
        Span<int> s = default;
        if (use) s = a;
        return s.Length;
    }

    public static double RoundDigits(double x) => Math.Round(x, 3);

    public static double RoundDigitsMode(double x) => Math.Round(x, 3, MidpointRounding.AwayFromZero);

    public static double NullArray(double[] a)
    {
        double[] b = null!;
        if (a.Length > 0) b = a;
        return b[0];
    }

    public static bool IsInteger(double x) => double.IsInteger(x);
}

public class FrontendGapTests
{
    private static readonly Lazy<ModuleDefinition> Module = FrontendHarness.ReadTestAssembly();

    private static (IrModule Module, List<Diagnostic> Diagnostics) Translate(string name) =>
        FrontendHarness.Translate(Module.Value, typeof(FrontendGapSamples), name);

    [Fact]
    public void Double_and_float_classification_become_intrinsics()
    {
        var (module, diagnostics) = Translate(nameof(FrontendGapSamples.Classify));
        diagnostics.ShouldBeEmpty();
        IrVerifier.Verify(module).ShouldBeEmpty();
        var text = IrPrinter.Print(module.Functions[0]);
        text.ShouldContain("Double.IsNaN(f64)");
        text.ShouldContain("Single.IsSubnormal(f32)");
        text.ShouldContain("Double.IsNegativeInfinity(f64)");
    }

    [Fact]
    public void A_default_span_local_translates_and_verifies()
    {
        var (module, diagnostics) = Translate(nameof(FrontendGapSamples.DefaultSpan));
        diagnostics.ShouldBeEmpty();
        IrVerifier.Verify(module).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(nameof(FrontendGapSamples.RoundDigits))]
    [InlineData(nameof(FrontendGapSamples.RoundDigitsMode))]
    public void Round_to_digits_is_refused_with_advice(string name)
    {
        var (_, diagnostics) = Translate(name);
        var d = diagnostics.ShouldHaveSingleItem();
        d.Code.ShouldBe("NJ0102");
        d.Message.ShouldContain("decimal digits");
    }

    [Theory]
    [InlineData(nameof(FrontendGapSamples.NullArray), "NJ0302")]
    [InlineData(nameof(FrontendGapSamples.IsInteger), "NJ0102")]
    public void Documented_refusals_give_their_codes(string name, string code)
    {
        var (_, diagnostics) = Translate(name);
        diagnostics.ShouldContain(d => d.Code == code, string.Join("\n", diagnostics));
    }
}
