// Frontend tests of Prange loops: outlining, reductions, the IR text round trip, and NJ04xx errors naming the variable.
extern alias weaver;

using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Shouldly;
using Xunit;
using NumbaWeaver.Tests.Weaver;
using Diagnostic = weaver::NumbaWeaver.Weaving.Diagnostics.Diagnostic;
using IrModule = weaver::NumbaWeaver.IR.IrModule;
using IrParser = weaver::NumbaWeaver.IR.IrParser;
using IrPrinter = weaver::NumbaWeaver.IR.IrPrinter;
using IrVerifier = weaver::NumbaWeaver.IR.IrVerifier;
using Opcode = weaver::NumbaWeaver.IR.Opcode;

namespace NumbaWeaver.Tests.Parallel;

public class ParallelFrontendTests
{
    private static readonly System.Lazy<ModuleDefinition> Module = FrontendHarness.ReadTestAssembly();

    private static (IrModule Module, List<Diagnostic> Diagnostics) Translate(string name) =>
        FrontendHarness.Translate(Module.Value, typeof(ParallelSamples), name);

    [Fact]
    public void ReductionsAreOutlinedIntoChunkAndCombineFunctions()
    {
        var (module, diagnostics) = Translate(nameof(ParallelSamples.Reductions));
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        IrVerifier.Verify(module).ShouldBeEmpty();
        var parent = module.Functions[0];
        parent.Body.Count(i => i.Op == Opcode.ParallelFor).ShouldBe(1);
        var chunk = module.Functions.Single(f => f.Name.EndsWith("$prange0"));
        chunk.Parameters.Select(p => p.Name).ShouldContain("a");
        chunk.Parameters.Select(p => p.Name).Where(n => n.Contains(".reduce.")).ShouldBe(new[] { "s.reduce.add", "lo.reduce.min", "bits.reduce.or" }, ignoreOrder: true);
        module.Find(chunk.Name + "$combine").ShouldNotBeNull();
        // The embedded text form reads back to the same module.
        var text = IrPrinter.Print(module);
        IrPrinter.Print(IrParser.ParseModule(text)).ShouldBe(text);
    }

    [Theory]
    [InlineData(nameof(ParallelSamples.LastValue), "last")]
    [InlineData(nameof(ParallelSamples.NotAReduction), "s")]
    [InlineData(nameof(ParallelSamples.IntegerDivision), "q")]
    public void UnsafeWritesAreBuildErrorsNamingTheVariable(string name, string variable)
    {
        var (_, diagnostics) = Translate(name);
        var error = diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("NJ0402");
        error.Message.ShouldContain($"'{variable}'");
        error.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void LeavingAParallelLoopIsABuildError()
    {
        var (_, diagnostics) = Translate(nameof(ParallelSamples.Return));
        diagnostics.ShouldNotBeEmpty();
        diagnostics.ShouldAllBe(d => d.Code == "NJ0403");
    }

    [Fact]
    public void WithoutParallelAPrangeIsAPlainLoop()
    {
        var (module, diagnostics) = Translate(nameof(ParallelSamples.Sequential));
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        module.Functions.ShouldHaveSingleItem().Body.ShouldNotContain(i => i.Op == Opcode.ParallelFor);
    }
}
