// Keeps docs/supported.md in step with the code: every NJ code, every native library function and every fixture topic appear in it.
extern alias weaver;

using System.IO;
using System.Linq;
using System.Reflection;
using NumbaWeaver.IR;
using NumbaWeaver.Tests.Integration;
using Shouldly;
using Xunit;
using DiagnosticCodes = weaver::NumbaWeaver.Weaving.Diagnostics.DiagnosticCodes;

namespace NumbaWeaver.Tests.Docs;

public class SupportedDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(DotnetCli.RepoRoot, "docs", "supported.md"));

    [Fact]
    public void Every_diagnostic_code_is_documented_with_its_name()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToArray();
        codes.Length.ShouldBeGreaterThan(15);
        foreach (var field in codes)
            Doc.ShouldContain($"| {field.GetRawConstantValue()} | `{field.Name}` |", customMessage: "docs/supported.md lacks a row for " + field.Name);
    }

    [Fact]
    public void Every_native_library_function_is_documented()
    {
        Intrinsics.All.Count().ShouldBeGreaterThan(100);
        var missing = Intrinsics.All.Select(i => i.Name).Where(name => !Doc.Contains("`" + name + "`")).ToList();
        missing.ShouldBeEmpty("docs/supported.md lacks these library functions");
    }

    [Fact]
    public void Every_documented_library_function_exists()
    {
        var names = Intrinsics.All.Select(i => i.Name).ToHashSet();
        var documented = System.Text.RegularExpressions.Regex.Matches(Doc, @"`((?:Math|MathF|Double|Single)\.\w+\((?:[iuf](?:8|16|32|64)|bool)(?:,(?:[iuf](?:8|16|32|64)|bool))*\))`").Select(m => m.Groups[1].Value).ToList();
        documented.Count.ShouldBeGreaterThan(100, "keys are written with IR types, e.g. `Math.Sqrt(f64)`");
        documented.Where(d => !names.Contains(d)).ShouldBeEmpty("documented but not implemented");
    }
}
