// The parallel diagnostics report names the loop's read-only, private and reduction variables.
extern alias weaver;

using System.Linq;
using Shouldly;
using Xunit;
using RuntimeIr = NumbaWeaver.IR;

namespace NumbaWeaver.Tests.Parallel;

public class ParallelDiagnosticsTests
{
    [Fact]
    public void ReportListsTheClassifiedVariables()
    {
        // Translate with the weaver, then read the module back with the runtime's own IR types, as the runtime does.
        var method = Mono.Cecil.ModuleDefinition.ReadModule(typeof(ParallelSamples).Assembly.Location, new Mono.Cecil.ReaderParameters { ReadSymbols = true })
            .GetType(typeof(ParallelSamples).FullName).Methods.Single(m => m.Name == nameof(ParallelSamples.Reductions));
        var diagnostics = new System.Collections.Generic.List<weaver::NumbaWeaver.Weaving.Diagnostics.Diagnostic>();
        var woven = new weaver::NumbaWeaver.Weaving.Frontend.ModuleTranslator(method.Module).Translate(new[] { method }, diagnostics);
        var module = RuntimeIr.IrParser.ParseModule(weaver::NumbaWeaver.IR.IrPrinter.Print(woven));
        string report = NumbaWeaver.Parallel.ParallelDiagnostics.Describe(module, module.Functions[0]);
        report.ShouldContain("read-only (passed by value): a, b");
        var privates = report.Split('\n').Single(l => l.Contains("private to an iteration: ")).Split(": ")[1].Split(", ");
        privates.ShouldBe(new[] { "i", "t" }, ignoreOrder: true);
        report.ShouldContain("s (add)");
        report.ShouldContain("lo (min)");
        report.ShouldContain("bits (or)");
    }
}
