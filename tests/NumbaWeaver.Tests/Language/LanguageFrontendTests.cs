// Frontend tests of the language features: what throw statements and static fields translate to, and what stays an NJ error.
extern alias weaver;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Shouldly;
using Xunit;
using NumbaWeaver.Tests.Weaver;
using Diagnostic = weaver::NumbaWeaver.Weaving.Diagnostics.Diagnostic;
using IrModule = weaver::NumbaWeaver.IR.IrModule;
using IrVerifier = weaver::NumbaWeaver.IR.IrVerifier;
using Opcode = weaver::NumbaWeaver.IR.Opcode;
using ThrowDescriptor = weaver::NumbaWeaver.IR.ThrowDescriptor;

namespace NumbaWeaver.Tests.Language;

/// <summary>Methods translated (not woven) by the tests below; the weaver never sees them otherwise.</summary>
public static class LanguageSamples
{
    private static readonly int Computed = Environment.ProcessorCount;
    private static readonly double Literal = 2.5;

    public static int ThrowsInterpolated(int n, double x)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), $"n={n} x={x:F1}");
        return n;
    }

    public static int ThrowsCustom(int n)
    {
        if (n < 0) throw new CustomException(); // MARK ThrowsCustom
        return n;
    }

    public static int ThrowsWithProvider(int n)
    {
        if (n < 0) throw new ArgumentException(n.ToString(System.Globalization.CultureInfo.InvariantCulture)); // MARK ThrowsWithProvider
        return n;
    }

    public static int ReadsComputed(int n) => n + Computed; // MARK ReadsComputed

    public static double ReadsLiteral(double x) => x * Literal;

    public static string SourcePath([CallerFilePath] string path = "") => path;
}

public sealed class CustomException : Exception;

public class LanguageFrontendTests
{
    private static readonly Lazy<ModuleDefinition> Module = FrontendHarness.ReadTestAssembly();

    private static (IrModule Module, List<Diagnostic> Diagnostics) Translate(string name) =>
        FrontendHarness.Translate(Module.Value, typeof(LanguageSamples), name);

    private static int MarkerLine(string marker) =>
        Array.FindIndex(System.IO.File.ReadAllLines(LanguageSamples.SourcePath()), l => l.EndsWith("// MARK " + marker, StringComparison.Ordinal)) + 1;

    [Fact]
    public void Interpolated_throw_becomes_a_Throw_with_its_descriptor()
    {
        var (module, diagnostics) = Translate(nameof(LanguageSamples.ThrowsInterpolated));
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        IrVerifier.Verify(module).ShouldBeEmpty();
        var thrown = module.Functions[0].Body.Single(i => i.Op == Opcode.Throw);
        var d = ThrowDescriptor.Decode(thrown.Name!);
        d.ExceptionType.ShouldBe("System.ArgumentOutOfRangeException");
        d.Arguments.ShouldBe(new[] { "n", "n={0} x={1:F1}" });
        d.HoleTypes.Select(t => t.ToString()).ShouldBe(new[] { "i32", "f64" });
    }

    [Theory]
    [InlineData(nameof(LanguageSamples.ThrowsCustom), "NJ0201", "ThrowsCustom")]
    [InlineData(nameof(LanguageSamples.ThrowsWithProvider), "NJ0201", "ThrowsWithProvider")]
    [InlineData(nameof(LanguageSamples.ReadsComputed), "NJ0303", "ReadsComputed")]
    public void Unsupported_forms_stay_build_errors(string method, string code, string marker)
    {
        var (module, diagnostics) = Translate(method);
        module.Functions.ShouldBeEmpty();
        var d = diagnostics.ShouldHaveSingleItem(string.Join("\n", diagnostics));
        d.Code.ShouldBe(code);
        d.SequencePoint!.StartLine.ShouldBe(MarkerLine(marker));
        d.Message.ShouldContain("is not supported in [Njit] code");
    }

    [Fact]
    public void Literal_static_readonly_is_a_constant()
    {
        var (module, diagnostics) = Translate(nameof(LanguageSamples.ReadsLiteral));
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        module.Functions[0].Body.ShouldContain(i => i.Op == Opcode.Const && i.Float == 2.5);
    }
}
