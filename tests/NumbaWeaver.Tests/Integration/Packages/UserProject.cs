// One integration project built against the packed feed: dotnet build/publish it, run its output, parse "name value" lines.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Shouldly;

namespace NumbaWeaver.Tests.Integration.Packages;

public sealed class UserProject
{
    public UserProject(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }
    public string Name { get; }

    /// <summary>dotnet build; returns the exit code and the whole log.</summary>
    public (int ExitCode, string Output) TryBuild(string configuration, string verbosity = "minimal") =>
        DotnetCli.Run($"build -c {configuration} -v {verbosity} {PackageFeed.Instance.VersionProperty}", Directory);

    public string Build(string configuration, string verbosity = "minimal")
    {
        var (code, output) = TryBuild(configuration, verbosity);
        code.ShouldBe(0, output);
        return output;
    }

    public string Publish(string runtimeIdentifier)
    {
        var (code, output) = DotnetCli.Run(
            $"publish -c Release -r {runtimeIdentifier} --self-contained -v minimal {PackageFeed.Instance.VersionProperty}", Directory);
        code.ShouldBe(0, output);
        return Path.Combine(Directory, "bin", "Release", "net10.0", runtimeIdentifier, "publish");
    }

    /// <summary>
    /// `dotnet publish` for linux-x64, framework-dependent, with extra MSBuild <paramref name="properties"/>, into
    /// bin/Release/net10.0/linux-x64/<paramref name="folderName"/>; returns that folder.
    /// </summary>
    public string PublishFrameworkDependent(string folderName, string properties)
    {
        var output = Path.Combine(Directory, "bin", "Release", "net10.0", "linux-x64", folderName);
        var (code, log) = DotnetCli.Run(
            $"publish -c Release -r linux-x64 --self-contained false -v minimal {properties} -o \"{output}\" {PackageFeed.Instance.VersionProperty}",
            Directory);
        code.ShouldBe(0, log);
        return output;
    }

    /// <summary>
    /// `dotnet publish` for linux-x64 with NativeAOT into bin/Release/net10.0/linux-x64/<paramref name="folderName"/>. The
    /// platform linker is clang, or gcc where clang is not installed (scripts/install-cc.sh installs gcc).
    /// </summary>
    public string PublishNativeAot(string folderName, string properties)
    {
        var output = Path.Combine(Directory, "bin", "Release", "net10.0", "linux-x64", folderName);
        string linker = File.Exists("/usr/bin/clang") ? "" : "-p:CppCompilerAndLinker=gcc";
        var (code, log) = DotnetCli.Run(
            $"publish -c Release -r linux-x64 -p:PublishAot=true {linker} -v minimal {properties} -o \"{output}\" {PackageFeed.Instance.VersionProperty}",
            Directory);
        code.ShouldBe(0, log);
        return output;
    }

    public string OutputAssembly(string configuration) => Path.Combine(Directory, "bin", configuration, "net10.0", Name + ".dll");

    public string IntermediateAssembly(string configuration) => Path.Combine(Directory, "obj", configuration, "net10.0", Name + ".dll");

    /// <summary>Runs the built app with `dotnet`, compiled or (disableJit) as the original C#.</summary>
    public Dictionary<string, string> Run(string configuration, bool disableJit, IDictionary<string, string?>? environment = null) =>
        Execute("dotnet", $"\"{OutputAssembly(configuration)}\"", disableJit, environment);

    /// <summary>Runs a framework-dependent publish with `dotnet`.</summary>
    public Dictionary<string, string> RunPublishedWithDotnet(string publishDirectory, bool disableJit, IDictionary<string, string?>? environment = null) =>
        Execute("dotnet", $"\"{Path.Combine(publishDirectory, Name + ".dll")}\"", disableJit, environment);

    /// <summary>Runs a published self-contained app through its own native host, no `dotnet` involved.</summary>
    public Dictionary<string, string> RunPublished(string publishDirectory, bool disableJit, IDictionary<string, string?>? environment = null) =>
        Execute(Path.Combine(publishDirectory, Name), "", disableJit, environment);

    private Dictionary<string, string> Execute(string fileName, string arguments, bool disableJit, IDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment.Remove("NUMBA_JIT_STRICT");
        psi.Environment["NUMBA_DISABLE_JIT"] = disableJit ? "1" : null;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit(120_000).ShouldBeTrue($"{fileName} did not finish");
        p.ExitCode.ShouldBe(0, stdout + stderr.Result);
        return Parse(stdout);
    }

    /// <summary>"name value" lines of the program's standard output.</summary>
    public static Dictionary<string, string> Parse(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim())
            .Where(l => l.Contains(' '))
            .ToDictionary(l => l[..l.IndexOf(' ')], l => l[(l.IndexOf(' ') + 1)..]);

    /// <summary>Every result but the counters (compiles, cache hits), the lines that differ between runs.</summary>
    public static Dictionary<string, string> Results(Dictionary<string, string> run) =>
        run.Where(kv => kv.Key is not ("compiled" or "cache-hits" or "native-hits")).ToDictionary(kv => kv.Key, kv => kv.Value);
}
