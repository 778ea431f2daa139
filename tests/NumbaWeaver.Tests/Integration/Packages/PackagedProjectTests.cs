// User projects restored from the local feed: console app (Release, Debug), library + app, self-contained publish, precompiled ReadyToRun and NativeAOT publishes.
using System.Collections.Generic;
using System.IO;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Integration.Packages;

/// <summary>Builds each project at most once for all the tests of the class.</summary>
public sealed class PackagedBuilds
{
    private readonly Dictionary<string, object> _done = new();

    public PackageFeed Feed { get; } = PackageFeed.Instance;

    public UserProject Console { get; }
    public UserProject Library { get; }
    public UserProject LibraryApp { get; }

    public PackagedBuilds()
    {
        Console = new UserProject(Path.Combine(Feed.ProjectsRoot, "ConsoleApp"), "ConsoleApp");
        Library = new UserProject(Path.Combine(Feed.ProjectsRoot, "Library"), "Library");
        LibraryApp = new UserProject(Path.Combine(Feed.ProjectsRoot, "LibraryApp"), "LibraryApp");
    }

    public T Once<T>(string key, System.Func<T> make)
    {
        lock (_done)
        {
            if (!_done.TryGetValue(key, out var value)) _done[key] = value = make()!;
            return (T)value;
        }
    }

    /// <summary>The console app's results in Release, compiled and as the original C#.</summary>
    public (Dictionary<string, string> Compiled, Dictionary<string, string> Original) ConsoleRelease => Once("console-release", () =>
    {
        Console.Build("Release");
        return (Console.Run("Release", disableJit: false), Console.Run("Release", disableJit: true));
    });
}

[Collection(IntegrationCollection.Name)]
public class PackagedProjectTests : IClassFixture<PackagedBuilds>
{
    private const int ConsoleKernels = 9;
    private readonly PackagedBuilds _builds;

    public PackagedProjectTests(PackagedBuilds builds) => _builds = builds;

    [Fact]
    public void Console_app_release_build_computes_what_the_original_csharp_computes()
    {
        var (compiled, original) = _builds.ConsoleRelease;
        UserProject.Results(compiled).ShouldBe(UserProject.Results(original));
        compiled["compiled"].ShouldBe(ConsoleKernels.ToString(), "every [Njit] method ran as native code");
        original["compiled"].ShouldBe("0");
    }

    [Fact]
    public void A_packaged_app_loads_its_disk_cache_through_the_native_hit_path()
    {
        var (compiled, _) = _builds.ConsoleRelease;
        string cache = Path.Combine(Path.GetTempPath(), "nw-packaged-" + System.Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string?> { ["NUMBA_CACHE"] = "1", ["NUMBA_CACHE_DIR"] = cache };
        var cold = _builds.Console.Run("Release", disableJit: false, environment);
        cold["compiled"].ShouldBe(ConsoleKernels.ToString());
        var warm = _builds.Console.Run("Release", disableJit: false, environment);
        warm["compiled"].ShouldBe("0");
        warm["cache-hits"].ShouldBe(ConsoleKernels.ToString());
        // The package's runtimes/linux-x64/native/libnumbaweaver_native.so, found by the host through the app's deps.json.
        if (NumbaWeaver.Tests.Cache.NativeLibrary.Expected) warm["native-hits"].ShouldBe(ConsoleKernels.ToString());
        UserProject.Results(warm).ShouldBe(UserProject.Results(compiled));
        Directory.Delete(cache, recursive: true);
    }

    [Fact]
    public void Package_registers_the_weaver_without_a_FodyWeavers_file()
    {
        _ = _builds.ConsoleRelease;
        File.Exists(Path.Combine(_builds.Console.Directory, "FodyWeavers.xml"))
            .ShouldBeFalse("Fody wrote a default FodyWeavers.xml (and warned): the package did not register its weaver");
    }

    [Fact]
    public void Console_app_debug_build_gives_the_release_results()
    {
        var release = _builds.ConsoleRelease;
        var debug = _builds.Once("console-debug", () =>
        {
            _builds.Console.Build("Debug");
            return _builds.Console.Run("Debug", disableJit: false);
        });
        UserProject.Results(debug).ShouldBe(UserProject.Results(release.Original));
        debug["compiled"].ShouldBe(ConsoleKernels.ToString());
    }

    [Fact]
    public void App_using_njit_code_through_a_class_library_computes_what_the_original_computes()
    {
        var app = _builds.LibraryApp;
        _builds.Once("libraryapp", () => app.Build("Release"));
        var compiled = app.Run("Release", disableJit: false);
        var original = app.Run("Release", disableJit: true);
        UserProject.Results(compiled).ShouldBe(UserProject.Results(original));
        compiled["compiled"].ShouldBe("3");
        original["compiled"].ShouldBe("0");
    }

    [Fact]
    public void Library_with_a_FodyWeavers_file_gets_the_schema_from_the_xcf()
    {
        _builds.Once("libraryapp", () => _builds.LibraryApp.Build("Release"));
        var xsd = File.ReadAllText(Path.Combine(_builds.Library.Directory, "FodyWeavers.xsd"));
        xsd.ShouldContain("name=\"NumbaWeaver\"");
        xsd.ShouldContain("compiles [Njit] static methods");
    }

    [Fact]
    public void Self_contained_linux_x64_publish_runs_compiled_code()
    {
        var release = _builds.ConsoleRelease;
        var publish = _builds.Once("publish", () => _builds.Console.Publish("linux-x64"));
        File.Exists(Path.Combine(publish, "libcoreclr.so")).ShouldBeTrue("the publish is not self-contained");
        var compiled = _builds.Console.RunPublished(publish, disableJit: false);
        UserProject.Results(compiled).ShouldBe(UserProject.Results(release.Original));
        compiled["compiled"].ShouldBe(ConsoleKernels.ToString());
    }

    // The lowest-latency setup under the JIT, as a package user gets it: machine code compiled at publish time
    // (NumbaPrecompile) and the app precompiled by crossgen (PublishReadyToRun, which must pass the package's own
    // ReadyToRun images through).
    [Fact]
    public void Precompiled_ReadyToRun_publish_runs_every_kernel_without_llvm()
    {
        var publish = _builds.Once("publish-precompiled-r2r", () =>
            _builds.Console.PublishFrameworkDependent("precompiled-r2r", "-p:PublishReadyToRun=true -p:NumbaPrecompile=true"));
        RunsEveryKernelFromShippedCode(publish, (environment, disableJit) => _builds.Console.RunPublishedWithDotnet(publish, disableJit, environment));
    }

    // The lowest-latency setup of all (docs/cache.md, "NativeAOT"): one executable, the native hit path linked into it
    // (runtime/build/NumbaWeaver.targets), so without the .so it still serves every kernel; NUMBA_DISABLE_JIT=1 then runs
    // the C# NativeAOT compiled.
    [Fact]
    public void Precompiled_NativeAot_publish_runs_every_kernel_with_the_native_hit_path_linked_in()
    {
        var publish = _builds.Once("publish-precompiled-aot", () => _builds.Console.PublishNativeAot("precompiled-aot", "-p:NumbaPrecompile=true"));
        File.Delete(Path.Combine(publish, "libnumbaweaver_native.so"));
        RunsEveryKernelFromShippedCode(publish, (environment, disableJit) => _builds.Console.RunPublished(publish, disableJit, environment), alsoOriginal: true);
    }

    // Run with libLLVM hidden and an empty cache folder, every kernel must be served by the shipped machine code: none
    // compiled, each a native hit, the results the original C#'s (and with alsoOriginal, the same run as the C#).
    private void RunsEveryKernelFromShippedCode(string publish, System.Func<IDictionary<string, string?>, bool, Dictionary<string, string>> run,
                                                bool alsoOriginal = false)
    {
        var release = _builds.ConsoleRelease;
        Directory.EnumerateFiles(Path.Combine(publish, "ConsoleApp.numba"), "*.nwc", SearchOption.AllDirectories)
            .ShouldNotBeEmpty("the publish carries no precompiled machine code");
        var cache = Directory.CreateTempSubdirectory("numbaweaver-publish-cache-");
        try
        {
            var environment = new Dictionary<string, string?> { ["NUMBA_LLVM_PATH"] = "/nonexistent", ["NUMBA_CACHE_DIR"] = cache.FullName };
            var compiled = run(environment, false);
            UserProject.Results(compiled).ShouldBe(UserProject.Results(release.Original));
            compiled["compiled"].ShouldBe("0", "nothing may need LLVM");
            compiled["native-hits"].ShouldBe(ConsoleKernels.ToString(), "every kernel runs the shipped machine code");
            if (alsoOriginal) UserProject.Results(run(environment, true)).ShouldBe(UserProject.Results(release.Original), "NUMBA_DISABLE_JIT=1");
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }
}
