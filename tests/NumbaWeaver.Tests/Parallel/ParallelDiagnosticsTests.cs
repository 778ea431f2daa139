// The parallel diagnostics report names the loop's read-only, private and reduction variables.
extern alias weaver;

using System.Linq;
using Shouldly;
using Xunit;
using NumbaWeaver.Tests.Weaver;
using RuntimeIr = NumbaWeaver.IR;

namespace NumbaWeaver.Tests.Parallel;

public class ParallelDiagnosticsTests
{
    [Fact]
    public void ReportListsTheClassifiedVariables()
    {
        // Translate with the weaver, then read the module back with the runtime's own IR types, as the runtime does.
        var (woven, _) = FrontendHarness.Translate(FrontendHarness.ReadTestAssembly().Value, typeof(ParallelSamples), nameof(ParallelSamples.Reductions));
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
