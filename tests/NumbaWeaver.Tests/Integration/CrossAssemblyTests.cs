// Builds tests/IntegrationProjects/CrossAssembly: [Njit] kernels calling a library's [Njit] methods (generic ones included), cached, precompiled, and run with the library swapped.
using System;
using System.Collections.Generic;
using System.IO;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Integration;

/// <summary>
/// Builds the library, the same library with two private helpers changed (one assembly identity), and the app
/// against the first; <see cref="SwappedAppDir"/> is a copy of the app's output with the changed library dropped in,
/// as an updated library reaches an app that is not rebuilt.
/// </summary>
public sealed class CrossAssemblyBuild : IDisposable
{
    public CrossAssemblyBuild()
    {
        string root = Path.Combine(DotnetCli.RepoRoot, "tests", "IntegrationProjects", "CrossAssembly");
        foreach (string project in new[] { "Filters", "FiltersChanged", "FiltersPlain", "App" })
        {
            var (code, output) = DotnetCli.Run($"build -c {DotnetCli.Configuration} -v minimal -p:BuildProjectReferences=false", Path.Combine(root, project));
            code.ShouldBe(0, output);
        }
        string appOutput = Path.Combine(root, "App", "bin", DotnetCli.Configuration, "net10.0");
        AppDir = appOutput;
        SwappedAppDir = Path.Combine(Path.GetTempPath(), "nw-cross-swapped-" + Guid.NewGuid().ToString("N"));
        CopyFolder(appOutput, SwappedAppDir);
        File.Copy(Path.Combine(root, "FiltersChanged", "bin", DotnetCli.Configuration, "net10.0", "CrossFilters.dll"),
            Path.Combine(SwappedAppDir, "CrossFilters.dll"), overwrite: true);
        PlainAppDir = Path.Combine(Path.GetTempPath(), "nw-cross-plain-" + Guid.NewGuid().ToString("N"));
        CopyFolder(appOutput, PlainAppDir);
        File.Copy(Path.Combine(root, "FiltersPlain", "bin", DotnetCli.Configuration, "net10.0", "CrossFilters.dll"),
            Path.Combine(PlainAppDir, "CrossFilters.dll"), overwrite: true);
    }

    public string AppDir { get; }
    public string SwappedAppDir { get; }

    /// <summary>The app's output with the library replaced by the same sources built without NumbaWeaver.</summary>
    public string PlainAppDir { get; }

    public static string NewCacheDir() => Path.Combine(Path.GetTempPath(), "nw-cross-it-" + Guid.NewGuid().ToString("N"));

    public Dictionary<string, string> Run(string appDir, IDictionary<string, string?> environment)
    {
        var (code, output) = DotnetCli.Run($"\"{Path.Combine(appDir, "CrossApp.dll")}\"", appDir, environment);
        code.ShouldBe(0, output);
        return CachedProjectBuild.Parse(output);
    }

    public void Dispose()
    {
        if (Directory.Exists(SwappedAppDir)) Directory.Delete(SwappedAppDir, recursive: true);
        if (Directory.Exists(PlainAppDir)) Directory.Delete(PlainAppDir, recursive: true);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string folder in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}

[Collection(IntegrationCollection.Name)]
public class CrossAssemblyTests : IClassFixture<CrossAssemblyBuild>
{
    private readonly CrossAssemblyBuild _build;

    public CrossAssemblyTests(CrossAssemblyBuild build) => _build = build;

    private static readonly string[] Results = ["smooth", "parallel", "energy", "sum", "smoothed-sum", "scaled"];

    private static Dictionary<string, string?> CacheOnly(string dir) => new()
    {
        ["NUMBA_CACHE_DIR"] = dir,
        ["NUMBA_USE_PRECOMPILED"] = "0",
        ["NUMBA_JIT_STRICT"] = "1",
    };

    private static readonly Dictionary<string, string?> Original = new() { ["NUMBA_DISABLE_JIT"] = "1" };

    private static void ShouldMatch(Dictionary<string, string> compiled, Dictionary<string, string> original)
    {
        foreach (string result in Results) compiled[result].ShouldBe(original[result], result);
    }

    [Fact]
    public void Kernels_calling_another_assemblys_njit_methods_compile_and_match_the_original()
    {
        string dir = CrossAssemblyBuild.NewCacheDir();
        var original = _build.Run(_build.AppDir, Original);
        var compiled = _build.Run(_build.AppDir, CacheOnly(dir));
        ShouldMatch(compiled, original);
        compiled["compiled"].ShouldBe("6");
        // The one Prange loop is small: it ran on the calling thread, and no worker thread was started for it.
        if (OperatingSystem.IsLinux()) compiled["parallel-workers"].ShouldBe("0");
        compiled["fallbacks"].ShouldBe("0");
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void The_precompiler_links_the_library_so_the_app_runs_without_llvm()
    {
        string dir = CrossAssemblyBuild.NewCacheDir();
        var original = _build.Run(_build.AppDir, Original);
        var precompiled = _build.Run(_build.AppDir, new Dictionary<string, string?>
        {
            ["NUMBA_CACHE_DIR"] = dir,
            ["NUMBA_LLVM_PATH"] = "/nonexistent",
            ["NUMBA_JIT_STRICT"] = "1",
        });
        ShouldMatch(precompiled, original);
        precompiled["precompiled-hits"].ShouldBe("6");
        // Each one by the native hit path, those calling the library (generic instance and Prange kernel included) too:
        // keyed in managed code from the library's index lines, then found and linked natively.
        if (NumbaWeaver.Tests.Cache.NativeLibrary.Expected) precompiled["native-hits"].ShouldBe("6");
        precompiled["llvm-loaded"].ShouldBe("False");
        precompiled["ir-modules-parsed"].ShouldBe("0");
        // The callees' index lines came from the library's accessor through the stubs, not from its resource.
        precompiled["index-resources-read"].ShouldBe("0");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_changed_library_recompiles_exactly_the_callers_of_what_changed()
    {
        // The library's Blend (private, called by Smooth) and Bias (private and generic, called by the generic Scale)
        // changed; Gain did not. SmoothAll, SmoothParallel and the generic SmoothedSum<double> reach Blend; Scaled reaches
        // Bias through its instance of Scale; Energy reaches Gain only; Sum calls nothing of the library
        // (numba/numba#1833 across assemblies).
        string dir = CrossAssemblyBuild.NewCacheDir();
        var before = _build.Run(_build.AppDir, CacheOnly(dir));
        before["cache-misses"].ShouldBe("6");
        var swappedOriginal = _build.Run(_build.SwappedAppDir, Original);
        swappedOriginal["smooth"].ShouldNotBe(before["smooth"]); // the change shows, so a stale entry would be seen
        swappedOriginal["smoothed-sum"].ShouldNotBe(before["smoothed-sum"]);
        swappedOriginal["scaled"].ShouldNotBe(before["scaled"]);

        var swapped = _build.Run(_build.SwappedAppDir, CacheOnly(dir));
        ShouldMatch(swapped, swappedOriginal);
        swapped["cache-misses"].ShouldBe("4");
        swapped["cache-hits"].ShouldBe("2");

        // Code precompiled against the first library is used only where its key still holds.
        string fresh = CrossAssemblyBuild.NewCacheDir();
        var precompiled = _build.Run(_build.SwappedAppDir, new Dictionary<string, string?>
        {
            ["NUMBA_CACHE_DIR"] = fresh,
            ["NUMBA_JIT_STRICT"] = "1",
        });
        ShouldMatch(precompiled, swappedOriginal);
        precompiled["precompiled-hits"].ShouldBe("2");
        precompiled["compiled"].ShouldBe("4");
        Directory.Delete(fresh, recursive: true);

        var again = _build.Run(_build.AppDir, CacheOnly(dir));
        again["cache-hits"].ShouldBe("6");
        if (NumbaWeaver.Tests.Cache.NativeLibrary.Expected) again["native-hits"].ShouldBe("6");
        ShouldMatch(again, before);
        // Hits are keyed from index lines (the stubs', the generic instance's and the library's): no IR is parsed, no
        // culture data loaded.
        again["ir-modules-parsed"].ShouldBe("0");
        again["index-resources-read"].ShouldBe("0");
        if (OperatingSystem.IsLinux()) again["icu-loaded-by-first-calls"].ShouldBe("False");
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_library_replaced_by_one_built_without_NumbaWeaver_makes_its_callers_run_their_CSharp()
    {
        // Its callers' stubs ask the library for its index text (docs/abi.md); the replacement has no such method and
        // no IR, so the five kernels that call it run the original C# (NJ1000), and the one that does not compiles.
        string dir = CrossAssemblyBuild.NewCacheDir();
        var original = _build.Run(_build.PlainAppDir, Original);
        var run = _build.Run(_build.PlainAppDir, new Dictionary<string, string?>
        {
            ["NUMBA_CACHE_DIR"] = dir,
            ["NUMBA_USE_PRECOMPILED"] = "0",
        });
        ShouldMatch(run, original);
        run["fallbacks"].ShouldBe("5");
        run["compiled"].ShouldBe("1");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
