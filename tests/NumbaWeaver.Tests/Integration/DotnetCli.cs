// Runs `dotnet` (build, run) as a child process for the integration tests and captures its output.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace NumbaWeaver.Tests.Integration;

public static class DotnetCli
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The repository root (the folder holding NumbaWeaver.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "NumbaWeaver.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NumbaWeaver.sln not found above the test binaries");
    }

    public static (int ExitCode, string Output) Run(string arguments, string workingDirectory,
        IDictionary<string, string?>? environment = null, int timeoutSeconds = 300)
    {
        var psi = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The test host's own switches must not leak into the child.
        psi.Environment.Remove("NUMBA_JIT_STRICT");
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment != null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} did not finish in {timeoutSeconds} s");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
