// Incremental builds of a project that uses the package: no change = no weave, edits and a changed weaver re-weave,
// and a weaving error fails every build until the code is fixed.
using System;
using System.IO;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Integration.Packages;

/// <summary>
/// One copy of the ConsoleApp project in tests/IntegrationProjects/.scratch (git-ignored) that the tests edit; both
/// tests share its first, cold build. Each test sets the source it starts from, so their order does not matter.
/// </summary>
public sealed class ScratchProject
{
    public ScratchProject()
    {
        var feed = PackageFeed.Instance;
        var dir = Path.Combine(feed.ProjectsRoot, ".scratch", "Incremental");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        var source = Path.Combine(feed.ProjectsRoot, "ConsoleApp");
        File.Copy(Path.Combine(source, "ConsoleApp.csproj"), Path.Combine(dir, "Incremental.csproj"));
        OriginalProgram = File.ReadAllText(Path.Combine(source, "Program.cs"));
        Project = new UserProject(dir, "Incremental");
        ProgramFile = Path.Combine(dir, "Program.cs");
    }

    public UserProject Project { get; }
    public string ProgramFile { get; }
    public string OriginalProgram { get; }
}

[Collection(IntegrationCollection.Name)]
public class PackageIncrementalBuildTests : IClassFixture<ScratchProject>
{
    /// <summary>What Fody prints (at normal verbosity) when it runs our weaver.</summary>
    private const string WeaverRan = "Executing weaver NumbaWeaver";

    private readonly PackageFeed _feed = PackageFeed.Instance;
    private readonly ScratchProject _scratch;

    public PackageIncrementalBuildTests(ScratchProject scratch) => _scratch = scratch;

    [Fact]
    public void Unchanged_build_does_not_weave_and_edits_or_a_changed_weaver_do()
    {
        var project = _scratch.Project;
        if (!File.Exists(_scratch.ProgramFile) || File.ReadAllText(_scratch.ProgramFile) != _scratch.OriginalProgram)
            File.WriteAllText(_scratch.ProgramFile, _scratch.OriginalProgram);
        project.Build("Release");
        var woven = project.IntermediateAssembly("Release");
        var wovenAt = File.GetLastWriteTimeUtc(woven);

        var unchanged = project.Build("Release", "normal");
        unchanged.ShouldNotContain(WeaverRan);
        unchanged.ShouldContain("Skipping target \"CoreCompile\"");
        File.GetLastWriteTimeUtc(woven).ShouldBe(wovenAt, "a build with no change rewrote the assembly");

        // Editing the user's code: csc runs, Fody weaves, and the compiled kernel has the new body.
        File.WriteAllText(_scratch.ProgramFile, _scratch.OriginalProgram.Replace("v * 2", "v * 3"));
        project.Build("Release", "normal").ShouldContain(WeaverRan);
        var compiled = project.Run("Release", disableJit: false);
        compiled["scaled"].ShouldBe("63");
        compiled["compiled"].ShouldBe("9");

        // A changed weaver (what an upgrade or a re-packed package brings) re-weaves though no source changed.
        var weaver = Path.Combine(_feed.PackagesFolder, "numbaweaver.fody", _feed.Version, "weaver", "NumbaWeaver.Fody.dll");
        File.Exists(weaver).ShouldBeTrue(weaver);
        File.SetLastWriteTimeUtc(weaver, DateTime.UtcNow);
        project.Build("Release", "normal").ShouldContain(WeaverRan);
    }

    private const string Broken = """
        using NumbaWeaver;
        System.Console.WriteLine($"made {K.Make(3)}");
        static class K
        {
            [Njit]
            public static double Make(int n)
            {
                var a = new double[n, n, n, n]; // rank 4: not compiled
                return a.Length;
            }
        }
        """;

    private const string Fixed = """
        using NumbaWeaver;
        System.Console.WriteLine($"made {K.Make(3)}");
        System.Console.WriteLine($"compiled {NumbaWeaver.Dispatch.Statistics.CompileCount}");
        static class K
        {
            [Njit]
            public static double Make(int n)
            {
                return n * 2.5;
            }
        }
        """;

    [Fact]
    public void Weaving_error_fails_every_build_until_fixed()
    {
        var project = _scratch.Project;
        var program = _scratch.ProgramFile;
        File.WriteAllText(program, Broken);

        var (code, output) = project.TryBuild("Release");
        code.ShouldNotBe(0, output);
        output.ShouldMatch(@"Program\.cs\(8,\d+\): error NJ0301: ");

        // Fody's pitfall: the next build must not succeed with the unwoven assembly csc left in obj/.
        var (again, output2) = project.TryBuild("Release");
        again.ShouldNotBe(0, "the second build shipped an unwoven assembly:\n" + output2);
        output2.ShouldContain("NJ0301");

        File.WriteAllText(program, Fixed);
        project.Build("Release");
        var run = project.Run("Release", disableJit: false);
        run["made"].ShouldBe("7.5");
        run["compiled"].ShouldBe("1", "the fixed build was not woven");
    }
}
