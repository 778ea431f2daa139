// Runs every sample program (CPU samples compiled, CUDA samples on ILGPU's simulator); each checks its own results.
using System.Collections.Generic;
using System.IO;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Integration;

[Collection(IntegrationCollection.Name)]
public class SampleTests
{
    public static IEnumerable<object[]> Samples => new[]
    {
        new object[] { "Quickstart", "All results agree." },
        new object[] { "HeatDiffusion", "" },
        new object[] { "OccupancyGrid", "" },
        new object[] { "CudaVectorAdd", "OK" },
        new object[] { "CudaMatMul", "wrong=0" },
        new object[] { "CudaReduction", "OK" },
        new object[] { "CudaStencil", "wrong=0" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_runs_and_its_results_agree(string name, string expected)
    {
        var project = Path.Combine(DotnetCli.RepoRoot, "samples", name);
        var dll = Path.Combine(project, "bin", DotnetCli.Configuration, "net10.0", name + ".dll");
        if (!File.Exists(dll))
        {
            var (buildCode, buildOutput) = DotnetCli.Run($"build -c {DotnetCli.Configuration} -v minimal", project);
            buildCode.ShouldBe(0, buildOutput);
        }
        // Samples that write files (PNG frames) write them into a scratch folder, not the repository.
        var work = Path.Combine(DotnetCli.RepoRoot, "artifacts", "tmp", "samples", name);
        Directory.CreateDirectory(work);
        var env = new Dictionary<string, string?> { ["NUMBA_ENABLE_CUDASIM"] = "1" };
        var (code, output) = DotnetCli.Run($"\"{dll}\"", work, env, timeoutSeconds: 240);
        code.ShouldBe(0, output);
        output.ShouldContain(expected, customMessage: output);
        output.ShouldNotContain("warning NJ1000", customMessage: "the sample fell back to plain C#:\n" + output);
    }
}
