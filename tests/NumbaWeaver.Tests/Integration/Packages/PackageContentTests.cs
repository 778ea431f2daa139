// The packed nupkgs have the layout Fody and NuGet expect: weaver/, build/, .xcf, dependencies, README, symbols.
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Integration.Packages;

[Collection(IntegrationCollection.Name)]
public class PackageContentTests
{
    private readonly PackageFeed _feed = PackageFeed.Instance;

    private static string[] Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    private static XElement Nuspec(string package, string id)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(stream).Root!;
    }

    [Fact]
    public void Fody_package_is_laid_out_as_a_fody_addin()
    {
        var entries = Entries(_feed.Package("NumbaWeaver.Fody"));
        entries.ShouldContain("weaver/NumbaWeaver.Fody.dll");
        entries.ShouldContain("weaver/NumbaWeaver.Fody.xcf");
        entries.ShouldContain("build/NumbaWeaver.Fody.props");
        entries.ShouldContain("build/NumbaWeaver.Fody.targets");
        entries.ShouldContain("README.md");
        entries.ShouldNotContain(e => e.StartsWith("lib/"), "the weaver must not become a compile reference of the user's project");
    }

    [Fact]
    public void Fody_package_depends_on_fody_with_all_assets_and_on_the_same_runtime_version()
    {
        var ns = Nuspec(_feed.Package("NumbaWeaver.Fody"), "NumbaWeaver.Fody").Name.Namespace;
        var dependencies = Nuspec(_feed.Package("NumbaWeaver.Fody"), "NumbaWeaver.Fody").Descendants(ns + "dependency").ToList();
        var fody = dependencies.Single(d => (string?)d.Attribute("id") == "Fody");
        ((string?)fody.Attribute("include")).ShouldBe("All", "Fody's build targets must reach the user's project");
        var runtime = dependencies.Single(d => (string?)d.Attribute("id") == "NumbaWeaver");
        ((string?)runtime.Attribute("version")).ShouldBe(_feed.Version);
    }

    [Fact]
    public void Weaver_carries_its_symbols_embedded()
    {
        using var zip = ZipFile.OpenRead(_feed.Package("NumbaWeaver.Fody"));
        using var stream = new MemoryStream();
        zip.GetEntry("weaver/NumbaWeaver.Fody.dll")!.Open().CopyTo(stream);
        stream.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        pe.ReadDebugDirectory().ShouldContain(d => d.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.EmbeddedPortablePdb);
    }

    [Fact]
    public void Runtime_package_has_the_library_docs_readme_and_a_symbol_package()
    {
        var entries = Entries(_feed.Package("NumbaWeaver"));
        entries.ShouldContain("lib/net10.0/NumbaWeaver.dll");
        entries.ShouldContain("lib/net10.0/NumbaWeaver.xml");
        entries.ShouldContain("README.md");
        Entries(_feed.Package("NumbaWeaver", "snupkg")).ShouldContain("lib/net10.0/NumbaWeaver.pdb");
        // The native hit path (docs/cache.md), where the host looks for a package's native assets.
        if (NumbaWeaver.Tests.Cache.NativeLibrary.Expected) entries.ShouldContain("runtimes/linux-x64/native/libnumbaweaver_native.so");
    }

    [Fact]
    public void Runtime_package_brings_the_stubs_entry_assembly_of_the_same_version()
    {
        var ns = Nuspec(_feed.Package("NumbaWeaver"), "NumbaWeaver").Name.Namespace;
        var entry = Nuspec(_feed.Package("NumbaWeaver"), "NumbaWeaver").Descendants(ns + "dependency")
            .Single(d => (string?)d.Attribute("id") == "NumbaWeaver.Entry");
        ((string?)entry.Attribute("version")).ShouldBe(_feed.Version);
        var entries = Entries(_feed.Package("NumbaWeaver.Entry"));
        entries.ShouldContain("lib/net10.0/NumbaWeaver.Entry.dll");
        entries.ShouldContain("README.md");
    }

    [Fact]
    public void Integration_projects_default_to_the_repository_version()
    {
        var props = File.ReadAllText(Path.Combine(_feed.ProjectsRoot, "Directory.Build.props"));
        props.ShouldContain($">{_feed.Version}</NumbaWeaverVersion>");
    }
}
