// Builds tests/IntegrationProjects/Basic as a user would and runs it compiled and with NUMBA_DISABLE_JIT=1.
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Integration;

/// <summary>Builds the Basic project once for all tests of the class.</summary>
public sealed class BasicProjectBuild
{
    public BasicProjectBuild()
    {
        ProjectDir = Path.Combine(DotnetCli.RepoRoot, "tests", "IntegrationProjects", "Basic");
        var (code, output) = DotnetCli.Run($"build -c {DotnetCli.Configuration} -v minimal -p:BuildProjectReferences=false", ProjectDir);
        code.ShouldBe(0, output);
        Dll = Path.Combine(ProjectDir, "bin", DotnetCli.Configuration, "net10.0", "Basic.dll");
    }

    public string ProjectDir { get; }
    public string Dll { get; }

    public Dictionary<string, string> Run(bool disableJit) =>
        Results(RunRaw(new Dictionary<string, string?> { ["NUMBA_DISABLE_JIT"] = disableJit ? "1" : null }));

    /// <summary>Runs the built program with extra environment variables; asserts exit code 0 unless told otherwise.</summary>
    public string RunRaw(IDictionary<string, string?> environment, bool expectSuccess = true)
    {
        var (code, output) = DotnetCli.Run($"\"{Dll}\"", ProjectDir, environment);
        if (expectSuccess) code.ShouldBe(0, output);
        else code.ShouldNotBe(0, output);
        return output;
    }

    /// <summary>The program's "key value" result lines (dumps and warnings have other shapes and are skipped).</summary>
    public static Dictionary<string, string> Results(string output)
    {
        var keys = new[] { "dot", "collatz", "smooth", "clampsum", "caught", "at", "llvm-loaded", "compiled" };
        return output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)
            .Where(l => keys.Any(k => l.StartsWith(k + " ", System.StringComparison.Ordinal)))
            .ToDictionary(l => l[..l.IndexOf(' ')], l => l[(l.IndexOf(' ') + 1)..].Trim());
    }
}

[Collection(IntegrationCollection.Name)]
public partial class BasicProjectTests : IClassFixture<BasicProjectBuild>
{
    private readonly BasicProjectBuild _build;

    public BasicProjectTests(BasicProjectBuild build) => _build = build;

    [Fact]
    public void Compiled_and_original_print_the_same_results()
    {
        var compiled = _build.Run(disableJit: false);
        var original = _build.Run(disableJit: true);
        foreach (var key in new[] { "dot", "collatz", "smooth", "clampsum", "caught", "at" })
            compiled[key].ShouldBe(original[key], key);
        compiled["caught"].ShouldStartWith("IndexOutOfRangeException");
    }

    [Fact]
    public void Jit_loads_llvm_and_compiles_every_kernel()
    {
        var compiled = _build.Run(disableJit: false);
        compiled["llvm-loaded"].ShouldBe("True");
        int.Parse(compiled["compiled"]).ShouldBe(5);
    }

    [Fact]
    public void Disable_jit_runs_the_original_and_never_loads_llvm()
    {
        var original = _build.Run(disableJit: true);
        original["llvm-loaded"].ShouldBe("False");
        original["compiled"].ShouldBe("0");
    }
}
