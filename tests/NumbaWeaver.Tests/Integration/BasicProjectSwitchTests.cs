// The NUMBA_* switches on the built Basic program: dumps, bounds checks, optimisation level, and the no-LLVM fallback.
using System.Collections.Generic;
using System.Linq;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Integration;

/// <summary>Same class as <see cref="BasicProjectTests"/> (partial) so that one build of Basic serves all.</summary>
public partial class BasicProjectTests
{
    private static readonly string[] ResultKeys = { "dot", "collatz", "smooth", "clampsum", "at" };

    private string Run(params (string Name, string Value)[] switches) =>
        _build.RunRaw(switches.ToDictionary(s => s.Name, s => (string?)s.Value));

    private void ResultsMatchTheOriginal(string output)
    {
        var original = _build.Run(disableJit: true);
        var results = BasicProjectBuild.Results(output);
        foreach (var key in ResultKeys) results[key].ShouldBe(original[key], key);
    }

    /// <summary>The text a dump prints between its "---- title ----" header and the next header (or the end).</summary>
    private static string Section(string output, string title)
    {
        var header = "---- " + title + " ----";
        int start = output.IndexOf(header, System.StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no '{header}' in:\n{output}");
        start += header.Length;
        int end = output.IndexOf("\n---- ", start, System.StringComparison.Ordinal);
        return end < 0 ? output[start..] : output[start..end];
    }

    [Fact]
    public void Dump_ir_prints_the_NumbaWeaver_IR_of_each_kernel()
    {
        var output = Run(("NUMBA_DUMP_IR", "1"));
        var ir = Section(output, "NumbaWeaver IR");
        ir.ShouldContain("func \"");
        ir.ShouldContain("Kernels::Dot(f64[],f64[])");
        output.ShouldNotContain("---- LLVM IR ----");
        ResultsMatchTheOriginal(output);
    }

    [Fact]
    public void Dump_llvm_prints_the_unoptimised_LLVM_IR()
    {
        var output = Run(("NUMBA_DUMP_LLVM", "1"));
        var llvm = Section(output, "LLVM IR");
        llvm.ShouldContain("define ");
        llvm.ShouldContain("alloca", customMessage: "before optimisation locals are stack slots");
        output.ShouldNotContain("---- optimized LLVM IR ----");
        ResultsMatchTheOriginal(output);
    }

    [Fact]
    public void Dump_optimized_prints_the_LLVM_IR_after_O3()
    {
        var output = Run(("NUMBA_DUMP_OPTIMIZED", "1"));
        var optimized = Section(output, "optimized LLVM IR");
        optimized.ShouldContain("define ");
        optimized.ShouldNotContain(" alloca ", customMessage: "O3 promotes every stack slot to registers");
        ResultsMatchTheOriginal(output);
    }

    [Fact]
    public void Dump_assembly_prints_x86_machine_code()
    {
        var output = Run(("NUMBA_DUMP_ASSEMBLY", "1"));
        var assembly = Section(output, "assembly");
        assembly.ShouldContain(".text");
        assembly.ShouldContain("ret");
        assembly.ShouldContain("%xmm", Case.Sensitive, "the double arithmetic of Dot runs in SSE/AVX registers (AT&T syntax)");
        ResultsMatchTheOriginal(output);
    }

    [Fact]
    public void Opt_0_skips_the_optimisations_and_keeps_the_results()
    {
        var output = Run(("NUMBA_OPT", "0"), ("NUMBA_DUMP_OPTIMIZED", "1"));
        Section(output, "optimized LLVM IR").ShouldContain(" alloca ", customMessage: "O0 leaves the stack slots alone");
        ResultsMatchTheOriginal(output);
    }

    [Fact]
    public void Boundscheck_0_removes_the_index_checks_and_keeps_the_results()
    {
        var checkedIr = Section(Run(("NUMBA_DUMP_LLVM", "1")), "LLVM IR");
        checkedIr.ShouldContain("throw.IndexOutOfRange");
        var output = Run(("NUMBA_BOUNDSCHECK", "0"), ("NUMBA_DUMP_LLVM", "1"));
        Section(output, "LLVM IR").ShouldNotContain("throw.IndexOutOfRange");
        ResultsMatchTheOriginal(output);
    }

    [Fact]
    public void Without_llvm_the_program_warns_once_and_runs_the_original()
    {
        var output = Run(("NUMBA_LLVM_PATH", "/nonexistent"));
        output.Split('\n').Count(l => l.StartsWith("warning NJ1000", System.StringComparison.Ordinal)).ShouldBe(1, output);
        var results = BasicProjectBuild.Results(output);
        results["compiled"].ShouldBe("0");
        results["llvm-loaded"].ShouldBe("False");
        results["caught"].ShouldStartWith("IndexOutOfRangeException");
        ResultsMatchTheOriginal(output);
    }

    [Fact]
    public void Without_llvm_strict_mode_throws()
    {
        var output = _build.RunRaw(new Dictionary<string, string?> { ["NUMBA_LLVM_PATH"] = "/nonexistent", ["NUMBA_JIT_STRICT"] = "1" }, expectSuccess: false);
        output.ShouldContain("NativeCompilerUnavailableException");
        output.ShouldNotContain("warning NJ1000");
        BasicProjectBuild.Results(output).ShouldNotContainKey("dot");
    }
}
