// Builds tests/IntegrationProjects/Cached (Cache = true, precompiled at build time) and runs it as separate processes.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Integration;

/// <summary>Builds the Cached project once; each run gets its own environment (cache folder, switches).</summary>
public sealed class CachedProjectBuild
{
    public CachedProjectBuild()
    {
        ProjectDir = Path.Combine(DotnetCli.RepoRoot, "tests", "IntegrationProjects", "Cached");
        var (code, output) = DotnetCli.Run($"build -c {DotnetCli.Configuration} -v minimal -p:BuildProjectReferences=false", ProjectDir);
        code.ShouldBe(0, output);
        Dll = Path.Combine(ProjectDir, "bin", DotnetCli.Configuration, "net10.0", "Cached.dll");
        _calleeChangedDll = new Lazy<string>(BuildCalleeChanged);
    }

    private readonly Lazy<string> _calleeChangedDll;

    public string ProjectDir { get; }
    public string Dll { get; }

    /// <summary>The same program built with one callee edited in another file (CalleeChanged/), built on first use.</summary>
    public string CalleeChangedDll => _calleeChangedDll.Value;

    private string BuildCalleeChanged()
    {
        string projectDir = Path.Combine(ProjectDir, "CalleeChanged");
        var (code, output) = DotnetCli.Run($"build -c {DotnetCli.Configuration} -v minimal -p:BuildProjectReferences=false", projectDir);
        code.ShouldBe(0, output);
        return Path.Combine(projectDir, "bin", DotnetCli.Configuration, "net10.0", "Cached.dll");
    }

    public static string NewCacheDir() => Path.Combine(Path.GetTempPath(), "nw-cached-it-" + Guid.NewGuid().ToString("N"));

    public Dictionary<string, string> Run(IDictionary<string, string?> environment) => Run(Dll, environment);

    public Dictionary<string, string> Run(string dll, IDictionary<string, string?> environment)
    {
        var (code, output) = DotnetCli.Run($"\"{dll}\"", ProjectDir, environment);
        code.ShouldBe(0, output);
        return Parse(output);
    }

    /// <summary>Starts the program in several processes at once and waits for all of them.</summary>
    public List<Dictionary<string, string>> RunConcurrently(int count, IDictionary<string, string?> environment)
    {
        var processes = Enumerable.Range(0, count).Select(_ =>
        {
            var psi = new ProcessStartInfo("dotnet", $"\"{Dll}\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.Environment.Remove("NUMBA_JIT_STRICT");
            foreach (var (k, v) in environment) psi.Environment[k] = v;
            return Process.Start(psi)!;
        }).ToList();
        var results = new List<Dictionary<string, string>>();
        foreach (var p in processes)
        {
            string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit(300_000).ShouldBeTrue();
            p.ExitCode.ShouldBe(0, output);
            results.Add(Parse(output));
        }
        return results;
    }

    public static Dictionary<string, string> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains(' ') && !l.StartsWith("warning", StringComparison.Ordinal) && !l.StartsWith('['))
            .ToDictionary(l => l[..l.IndexOf(' ')], l => l[(l.IndexOf(' ') + 1)..].Trim());
}

[Collection(IntegrationCollection.Name)]
public class CachedProjectTests : IClassFixture<CachedProjectBuild>
{
    private readonly CachedProjectBuild _build;

    // Dot, Relax, SumOfSquares, and the generic Total<T> for double and for int.
    private const int EntryCount = 5;
    private const string Entries = "5";

    public CachedProjectTests(CachedProjectBuild build) => _build = build;

    private static Dictionary<string, string?> CacheOnly(string dir) => new()
    {
        ["NUMBA_CACHE_DIR"] = dir,
        ["NUMBA_USE_PRECOMPILED"] = "0",
        ["NUMBA_JIT_STRICT"] = "1",
    };

    [Fact]
    public void A_second_process_loads_the_cache_without_llvm_and_computes_the_same()
    {
        string dir = CachedProjectBuild.NewCacheDir();
        var original = _build.Run(new Dictionary<string, string?> { ["NUMBA_DISABLE_JIT"] = "1" });
        var cold = _build.Run(CacheOnly(dir));
        cold["compiled"].ShouldBe(Entries);
        cold["cache-misses"].ShouldBe(Entries);
        var warm = _build.Run(CacheOnly(dir));
        warm["cache-hits"].ShouldBe(Entries);
        // Every entry here is one the native hit path serves (none calls another assembly): a key or folder it computed
        // differently from the managed runtime would show as fewer native hits, not as a failure.
        if (NumbaWeaver.Tests.Cache.NativeLibrary.Expected) warm["native-hits"].ShouldBe(Entries);
        warm["compiled"].ShouldBe("0");
        warm["llvm-loaded"].ShouldBe("False");
        warm["ir-modules-parsed"].ShouldBe("0"); // hits, generic ones included, are found from the index and instance list
        cold["ir-modules-parsed"].ShouldBe("1"); // compiling parses the module once per process
        if (OperatingSystem.IsLinux()) warm["icu-loaded-by-first-calls"].ShouldBe("False"); // culture-free hit path
        // Served by the stubs' entry assembly and the native library: the runtime assembly itself is never loaded.
        if (NumbaWeaver.Tests.Cache.NativeLibrary.Expected) warm["runtime-loaded-by-first-calls"].ShouldBe("False");
        cold["runtime-loaded-by-first-calls"].ShouldBe("True"); // compiling is the runtime's work
        original["runtime-loaded-by-first-calls"].ShouldBe("False"); // NUMBA_DISABLE_JIT is answered by the entry assembly
        foreach (var result in new[] { cold, warm })
        {
            result["dot"].ShouldBe(original["dot"]);
            result["relax"].ShouldBe(original["relax"]);
            result["total-double"].ShouldBe(original["total-double"]);
            result["total-int"].ShouldBe(original["total-int"]);
        }
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Changing_a_callee_in_another_file_recompiles_its_caller_and_nothing_else()
    {
        // Two builds of one program (one assembly identity, so one cache folder) that differ in Helpers.cs only,
        // which Relax calls and no other kernel does (numba/numba#1833 is the bug this guards against).
        string dir = CachedProjectBuild.NewCacheDir();
        var before = _build.Run(CacheOnly(dir));
        before["cache-misses"].ShouldBe(Entries);
        var changed = _build.Run(_build.CalleeChangedDll, CacheOnly(dir));
        changed["cache-misses"].ShouldBe("1"); // Relax: its key covers its callees' IR
        changed["cache-hits"].ShouldBe((EntryCount - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var changedOriginal = _build.Run(_build.CalleeChangedDll, new Dictionary<string, string?> { ["NUMBA_DISABLE_JIT"] = "1" });
        changed["relax"].ShouldBe(changedOriginal["relax"]);
        changed["relax"].ShouldNotBe(before["relax"]); // the edit changes the result, so a stale entry would show
        changed["dot"].ShouldBe(before["dot"]);
        // The first build's entries are all still there and valid: both builds now run from the cache.
        var again = _build.Run(CacheOnly(dir));
        again["cache-hits"].ShouldBe(Entries);
        again["relax"].ShouldBe(before["relax"]);
        _build.Run(_build.CalleeChangedDll, CacheOnly(dir))["cache-hits"].ShouldBe(Entries);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_corrupted_entry_is_recompiled_and_replaced()
    {
        string dir = CachedProjectBuild.NewCacheDir();
        _build.Run(CacheOnly(dir));
        foreach (string file in Directory.GetFiles(dir, "*.nwc", SearchOption.AllDirectories))
        {
            byte[] bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        }
        var recovered = _build.Run(CacheOnly(dir));
        recovered["cache-rejected"].ShouldBe(Entries);
        recovered["native-hits"].ShouldBe("0"); // the native hit path declined each damaged entry to the managed one
        recovered["compiled"].ShouldBe(Entries);
        var again = _build.Run(CacheOnly(dir));
        again["cache-hits"].ShouldBe(Entries);
        again["relax"].ShouldBe(recovered["relax"]);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Numba_debug_cache_reports_stores_hits_and_rejections()
    {
        string dir = CachedProjectBuild.NewCacheDir();
        var debug = CacheOnly(dir);
        debug["NUMBA_DEBUG_CACHE"] = "1";
        var (code, stored) = DotnetCli.Run($"\"{_build.Dll}\"", _build.ProjectDir, debug);
        code.ShouldBe(0, stored);
        stored.ShouldContain("[numba cache] miss Cached.Kernels::Dot(f64[],f64[])");
        stored.ShouldContain("[numba cache] stored Cached.Kernels::Dot(f64[],f64[]) in " + dir);
        string file = Directory.GetFiles(dir, "*.nwc", SearchOption.AllDirectories)[0];
        byte[] bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0xFF; // the checksum no longer matches
        File.WriteAllBytes(file, bytes);
        var (again, output) = DotnetCli.Run($"\"{_build.Dll}\"", _build.ProjectDir, debug);
        again.ShouldBe(0, output);
        output.ShouldContain("[numba cache] rejected " + file);
        output.ShouldContain("checksum mismatch (corrupted); recompiling");
        output.ShouldContain("[numba cache] hit ");
        // Without the switch nothing is printed (and nothing is formatted: CacheLog's DebugMessage handler).
        var (quiet, silent) = DotnetCli.Run($"\"{_build.Dll}\"", _build.ProjectDir, CacheOnly(dir));
        quiet.ShouldBe(0, silent);
        silent.ShouldNotContain("[numba cache]");
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Concurrent_processes_all_succeed_and_leave_one_valid_entry_per_method()
    {
        string dir = CachedProjectBuild.NewCacheDir();
        var results = _build.RunConcurrently(3, CacheOnly(dir));
        results.Select(r => r["relax"]).Distinct().Count().ShouldBe(1);
        results.Select(r => r["dot"]).Distinct().Count().ShouldBe(1);
        Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        Directory.GetFiles(dir, "*.nwc", SearchOption.AllDirectories).Length.ShouldBe(EntryCount);
        var after = _build.Run(CacheOnly(dir));
        after["cache-hits"].ShouldBe(Entries);
        after["cache-rejected"].ShouldBe("0");
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void An_unusable_cache_folder_falls_back_to_compiling()
    {
        var result = _build.Run(CacheOnly("/proc/numbaweaver-cannot-exist"));
        result["compiled"].ShouldBe(Entries);
        result["fallbacks"].ShouldBe("0");
        result["cache-hits"].ShouldBe("0");
    }

    [Fact]
    public void Precompiled_code_runs_with_no_llvm_at_all()
    {
        var original = _build.Run(new Dictionary<string, string?> { ["NUMBA_DISABLE_JIT"] = "1" });
        var result = _build.Run(new Dictionary<string, string?>
        {
            ["NUMBA_LLVM_PATH"] = "/nonexistent",
            ["NUMBA_JIT_STRICT"] = "1",
            ["NUMBA_CACHE_DIR"] = CachedProjectBuild.NewCacheDir(),
        });
        result["precompiled-hits"].ShouldBe(Entries);
        if (NumbaWeaver.Tests.Cache.NativeLibrary.Expected) result["native-hits"].ShouldBe(Entries);
        result["compiled"].ShouldBe("0");
        result["fallbacks"].ShouldBe("0");
        result["llvm-loaded"].ShouldBe("False");
        // Not even the generic instances needed the IR: the weaver listed their fingerprints (GenericInstances.cs).
        result["ir-modules-parsed"].ShouldBe("0");
        if (OperatingSystem.IsLinux()) result["icu-loaded-by-first-calls"].ShouldBe("False");
        if (NumbaWeaver.Tests.Cache.NativeLibrary.Expected) result["runtime-loaded-by-first-calls"].ShouldBe("False");
        result["dot"].ShouldBe(original["dot"]);
        result["relax"].ShouldBe(original["relax"]);
        // The generic kernel's two instantiations were precompiled too (the weaver lists the calls it finds).
        result["total-double"].ShouldBe(original["total-double"]);
        result["total-int"].ShouldBe(original["total-int"]);
    }

    [Fact]
    public void The_first_calls_of_precompiled_code_jit_none_of_the_runtime()
    {
        // The runtime ships as ReadyToRun and its hit path avoids generic instantiations that have no precompiled
        // code, so the only methods jitted are the user's stubs and framework leftovers (docs/cache.md).
        if (!OperatingSystem.IsLinux()) return;
        string jitLog = Path.Combine(Path.GetTempPath(), "nw-jit-" + Guid.NewGuid().ToString("N") + ".txt");
        var result = _build.Run(new Dictionary<string, string?>
        {
            ["NUMBA_LLVM_PATH"] = "/nonexistent",
            ["NUMBA_JIT_STRICT"] = "1",
            ["NUMBA_CACHE_DIR"] = CachedProjectBuild.NewCacheDir(),
            ["DOTNET_JitStdOutFile"] = jitLog,
            ["DOTNET_JitDisasmSummary"] = "1",
        });
        result["precompiled-hits"].ShouldBe(Entries);
        string[] jitted = File.ReadAllLines(jitLog);
        File.Delete(jitLog);
        jitted.ShouldContain(l => l.Contains("Cached.Kernels:Dot", StringComparison.Ordinal)); // the log works
        // Tier1 lines are hot precompiled methods being re-optimised later, not first-call work. The CPU's level is
        // read with our own CPUID code (NativeCpuId), not .NET's IsSupported checks, which would be jitted.
        jitted.Where(l => l.Contains("NumbaWeaver.", StringComparison.Ordinal) && !l.Contains("Tier1", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_ReadyToRun_publish_precompiles_the_stubs_and_computes_the_same()
    {
        // docs/cache.md: published with PublishReadyToRun, crossgen compiles the woven stubs as well, so the first
        // call of a non-generic kernel waits for no JIT at all.
        if (!OperatingSystem.IsLinux()) return;
        string published = Path.Combine(Path.GetTempPath(), "nw-r2r-" + Guid.NewGuid().ToString("N"));
        string jitLog = Path.Combine(Path.GetTempPath(), "nw-jit-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            // Project references are built too: the precompiler tool is an executable, so the RID reaches it and its
            // linux-x64 output must exist (a clean clone has only the solution's RID-less build).
            var (code, output) = DotnetCli.Run(
                $"publish -c {DotnetCli.Configuration} -r linux-x64 --self-contained false -p:PublishReadyToRun=true " +
                $"-v minimal -o \"{published}\"", _build.ProjectDir);
            code.ShouldBe(0, output);
            Directory.Exists(Path.Combine(published, "Cached.numba")).ShouldBeTrue(); // the machine code ships with it

            var original = _build.Run(new Dictionary<string, string?> { ["NUMBA_DISABLE_JIT"] = "1" });
            var (runCode, runOutput) = DotnetCli.Run($"\"{Path.Combine(published, "Cached.dll")}\"", published, new Dictionary<string, string?>
            {
                ["NUMBA_LLVM_PATH"] = "/nonexistent",
                ["NUMBA_JIT_STRICT"] = "1",
                ["NUMBA_CACHE_DIR"] = CachedProjectBuild.NewCacheDir(),
                ["DOTNET_JitStdOutFile"] = jitLog,
                ["DOTNET_JitDisasmSummary"] = "1",
            });
            runCode.ShouldBe(0, runOutput);
            var result = CachedProjectBuild.Parse(runOutput);
            result["precompiled-hits"].ShouldBe(Entries);
            foreach (string key in new[] { "dot", "relax", "squares", "total-double", "total-int" }) result[key].ShouldBe(original[key], key);

            string[] jitted = File.ReadAllLines(jitLog);
            jitted.ShouldNotBeEmpty(); // the log works (the program's own LINQ is jitted)
            foreach (string stub in new[] { "Cached.Kernels:Dot(", "Cached.Kernels:Relax(", "Cached.Kernels:SumOfSquares(" })
                jitted.ShouldNotContain(l => l.Contains(stub, StringComparison.Ordinal), stub);
        }
        finally
        {
            if (Directory.Exists(published)) Directory.Delete(published, recursive: true);
            File.Delete(jitLog);
        }
    }

    [Fact]
    public void Precompiled_variants_exist_for_each_requested_level()
    {
        string root = Path.Combine(Path.GetDirectoryName(_build.Dll)!, "Cached.numba");
        foreach (string level in new[] { "x86-64-v3", "x86-64-v2" })
            Directory.GetFiles(Path.Combine(root, level), "*.nwc").Length.ShouldBe(EntryCount, level);
    }

    [Fact]
    public void Msbuild_switches_reach_the_runtime_and_the_environment_wins()
    {
        string config = File.ReadAllText(Path.ChangeExtension(_build.Dll, ".runtimeconfig.json"));
        config.ShouldContain("\"NumbaWeaver.NUMBA_CACHE\": false");

        // The same flow for NUMBA_CACHE_DIR, with a runtimeconfig.json naming one folder and the environment another.
        string fromConfig = CachedProjectBuild.NewCacheDir(), fromEnvironment = CachedProjectBuild.NewCacheDir();
        string runtimeConfig = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".runtimeconfig.json");
        File.WriteAllText(runtimeConfig, config.Replace("\"configProperties\": {",
            $"\"configProperties\": {{ \"NumbaWeaver.NUMBA_CACHE_DIR\": \"{fromConfig}\",", StringComparison.Ordinal));
        var env = new Dictionary<string, string?> { ["NUMBA_USE_PRECOMPILED"] = "0", ["NUMBA_CACHE_DIR"] = null };
        var (code, output) = DotnetCli.Run($"exec --runtimeconfig \"{runtimeConfig}\" \"{_build.Dll}\"", _build.ProjectDir, env);
        code.ShouldBe(0, output);
        Directory.GetFiles(fromConfig, "*.nwc", SearchOption.AllDirectories).Length.ShouldBe(EntryCount, output);

        env["NUMBA_CACHE_DIR"] = fromEnvironment;
        (code, output) = DotnetCli.Run($"exec --runtimeconfig \"{runtimeConfig}\" \"{_build.Dll}\"", _build.ProjectDir, env);
        code.ShouldBe(0, output);
        Directory.GetFiles(fromEnvironment, "*.nwc", SearchOption.AllDirectories).Length.ShouldBe(EntryCount, output);
        output.ShouldContain("cache-misses " + Entries);
        Directory.Delete(fromConfig, recursive: true);
        Directory.Delete(fromEnvironment, recursive: true);
        File.Delete(runtimeConfig);
    }
}
