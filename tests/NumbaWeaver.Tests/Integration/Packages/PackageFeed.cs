// Packs NumbaWeaver and NumbaWeaver.Fody into nuget/feed once per test run, for the projects that restore them from there.
using System;
using System.IO;
using System.Reflection;
using Shouldly;

namespace NumbaWeaver.Tests.Integration.Packages;

/// <summary>The local folder feed, packed from this build of the repository the first time a test asks for it.</summary>
public sealed class PackageFeed
{
    private static readonly Lazy<PackageFeed> Packed = new(() => new PackageFeed());

    /// <summary>Packs on first use; every later caller gets the same feed.</summary>
    public static PackageFeed Instance => Packed.Value;

    /// <summary>The version the repository's Directory.Build.props gives every package (read from the runtime we test).</summary>
    public string Version { get; }

    public string Directory { get; } = Path.Combine(DotnetCli.RepoRoot, "nuget", "feed");

    /// <summary>The integration projects' private NuGet packages folder (see tests/IntegrationProjects/Directory.Build.props).</summary>
    public string PackagesFolder { get; } = Path.Combine(DotnetCli.RepoRoot, "artifacts", "integration", "packages");

    public string ProjectsRoot { get; } = Path.Combine(DotnetCli.RepoRoot, "tests", "IntegrationProjects");

    private PackageFeed()
    {
        var informational = typeof(NumbaWeaver.NjitAttribute).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Version = informational.Split('+')[0];

        // A package extracted by an earlier run has the same version: drop it so restore takes this run's.
        foreach (var id in new[] { "numbaweaver", "numbaweaver.entry", "numbaweaver.fody" })
        {
            var extracted = Path.Combine(PackagesFolder, id);
            if (System.IO.Directory.Exists(extracted)) System.IO.Directory.Delete(extracted, recursive: true);
        }
        // The same version is packed again below: a consumer's no-op restore would keep what the old package depended on,
        // so the integration projects' restore caches go too.
        foreach (var cache in System.IO.Directory.EnumerateFiles(ProjectsRoot, "project.nuget.cache", SearchOption.AllDirectories))
            File.Delete(cache);
        // The runtime and weaver are already built (the test project references them): pack them as they are.
        Pack("runtime/Entry/NumbaWeaver.Entry.csproj", "--no-build");
        Pack("runtime/NumbaWeaver.csproj", "--no-build");
        Pack("nuget/NumbaWeaver.Fody.Package/NumbaWeaver.Fody.Package.csproj", "-p:BuildProjectReferences=false");
        File.Exists(Package("NumbaWeaver")).ShouldBeTrue();
        File.Exists(Package("NumbaWeaver.Entry")).ShouldBeTrue();
        File.Exists(Package("NumbaWeaver.Fody")).ShouldBeTrue();
    }

    public string Package(string id, string extension = "nupkg") => Path.Combine(Directory, $"{id}.{Version}.{extension}");

    /// <summary>The MSBuild argument that makes an integration project reference the packed version.</summary>
    public string VersionProperty => $"-p:NumbaWeaverVersion={Version}";

    private static void Pack(string project, string options)
    {
        var (code, output) = DotnetCli.Run($"pack {project} -c {DotnetCli.Configuration} -v minimal {options}", DotnetCli.RepoRoot);
        code.ShouldBe(0, output);
    }
}
