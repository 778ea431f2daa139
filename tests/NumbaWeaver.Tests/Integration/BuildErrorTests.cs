// Unsupported code fails `dotnet build` with File.cs(line,col): error NJxxxx, every time until fixed.
using System.IO;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Integration;

[Collection(IntegrationCollection.Name)]
public class BuildErrorTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <IsPackable>false</IsPackable>
          </PropertyGroup>
          <Import Project="../../../tests/InSolutionWeaver.props" />
        </Project>
        """;

    private const string Weavers = "<Weavers><NumbaWeaver /></Weavers>";

    private const string Broken = """
        using NumbaWeaver;
        System.Console.WriteLine(K.Make(3));
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
        System.Console.WriteLine(K.Make(3));
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
    public void Allocation_is_a_build_error_with_file_line_and_code_until_fixed()
    {
        var dir = Path.Combine(DotnetCli.RepoRoot, "artifacts", "tmp", "BuildErrors");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "BuildErrors.csproj"), Project);
        File.WriteAllText(Path.Combine(dir, "FodyWeavers.xml"), Weavers);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), Broken);
        var build = $"build -c {DotnetCli.Configuration} -v minimal -p:BuildProjectReferences=false";

        var (code, output) = DotnetCli.Run(build, dir);
        code.ShouldNotBe(0, output);
        output.ShouldMatch(@"Program\.cs\(8,\d+\): error NJ0301: ");

        // Fody's pitfall: the next build must not succeed with the unwoven assembly csc left in obj/.
        var (again, output2) = DotnetCli.Run(build, dir);
        again.ShouldNotBe(0, "the second build shipped an unwoven assembly:\n" + output2);
        output2.ShouldContain("NJ0301");

        File.WriteAllText(Path.Combine(dir, "Program.cs"), Fixed);
        var (fixedCode, output3) = DotnetCli.Run(build, dir);
        fixedCode.ShouldBe(0, output3);
        var dll = Path.Combine(dir, "bin", DotnetCli.Configuration, "net10.0", "BuildErrors.dll");
        var (runCode, runOutput) = DotnetCli.Run($"\"{dll}\"", dir);
        runCode.ShouldBe(0, runOutput);
        runOutput.Trim().ShouldBe("7.5");
    }
}
