// The native hit path (libnumbaweaver_native) agrees with the managed runtime: keys, folders, CPU and LLVM identity, loading.
using System;
using System.IO;
using System.Runtime.InteropServices;
using NumbaWeaver.Backend;
using NumbaWeaver.Cache;
using NumbaWeaver.Config;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Cache;

/// <summary>Where the build makes libnumbaweaver_native (runtime/Native/Native.targets): Linux x86-64 with a C compiler, which
/// scripts/install-cc.sh provides for the README's commands. Elsewhere every entry takes the managed path.</summary>
internal static class NativeLibrary
{
    public static bool Expected => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed unsafe class NativeHitTests : IDisposable
{
    private static bool Expected => NativeLibrary.Expected;

    private const string Head = "key head for a test\ntarget level ", Tail = " runtime 0.0.0.0\nsettings test\n";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nw-native-" + Guid.NewGuid().ToString("N"));

    public NativeHitTests() => Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    public void Dispose()
    {
        foreach (string dir in Directory.GetDirectories(_root, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void The_library_is_built_next_to_the_runtime_and_speaks_its_abi() => NativeHit.Available.ShouldBe(Expected);

    [Fact]
    public void Its_cpu_levels_and_fingerprint_are_the_managed_ones()
    {
        if (!Expected) return;
        int bits = NativeHit.LevelBits();
        string[] levels = CpuIdentity.SupportedLevels() is var list ? [.. list] : [];
        string best = (bits & 4) != 0 ? "x86-64-v4" : (bits & 2) != 0 ? "x86-64-v3" : (bits & 1) != 0 ? "x86-64-v2" : "x86-64";
        levels[0].ShouldBe(best);
        NativeHit.Fingerprint().ShouldBe(CpuIdentity.Fingerprint);
    }

    [Fact]
    public void Its_libllvm_fingerprint_is_the_managed_one()
    {
        if (!Expected) return;
        NativeHit.LlvmLibraryFingerprint().ShouldBe(LlvmLibrary.Fingerprint);
    }

    [Theory]
    [InlineData("/tmp/nw-root")]
    [InlineData("/tmp/nw-root/")]
    public void Its_cache_folders_are_the_managed_ones(string root)
    {
        if (!Expected) return;
        foreach (var assembly in new[] { typeof(NativeHitTests).Assembly, typeof(object).Assembly, typeof(CacheKey).Assembly })
        {
            string managed = NumbaCache.FolderFor(assembly);
            string name = managed.Substring(NumbaCache.Root.Length).TrimStart('/');
            NativeHit.CacheFolderOf(root, AssemblyIdentity.FullName(assembly)).ShouldBe(root.TrimEnd('/') + "/" + name);
        }
        // A display name without a version, as FullName can be for odd assemblies: version 0.0.0.0, as AssemblyIdentity says.
        NativeHit.CacheFolderOf(root, "Plain").ShouldStartWith(root.TrimEnd('/') + "/Plain-0.0.0.0-");
    }

    /// <summary>Writes <paramref name="code"/> as the precompiled entry for the baseline level, keyed as the library keys it.</summary>
    private string Store(byte[] code, string symbol, string? keyText = null)
    {
        string folder = Path.Combine(_root, "x86-64");
        Directory.CreateDirectory(folder);
        string key = Sha256.HexOf(keyText ?? Head + "x86-64" + Tail);
        string path = Path.Combine(folder, key + CacheEntryFile.Extension);
        File.WriteAllBytes(path, CacheEntryFile.Serialize(key, new CacheEntryFile.Entry(symbol, "test", code)));
        return path;
    }

    [Fact]
    public void A_precompiled_entry_runs_as_the_managed_loader_runs_it()
    {
        if (!Expected) return;
        var (code, symbol) = ObjectLoaderTests.CompileToObject("T$::Outer", ObjectLoaderTests.Outer, ObjectLoaderTests.Div, ObjectLoaderTests.First);
        Store(code, symbol);
        NativeHit.LoadPrecompiled(_root, Head, Tail, symbol, out nint address).ShouldBe(1);
        var native = (delegate* unmanaged<int*, int, int, double*, long, int>)address;
        var managed = (delegate* unmanaged<int*, int, int, double*, long, int>)ObjectLoader.Load(code, symbol);
        var xs = new[] { 40.0 };
        fixed (double* p = xs)
        {
            foreach (var (a, b, n) in new[] { (7, 2, 1L), (7, 0, 1L), (7, 2, 0L), (-9, 4, 1L) })
            {
                int r1 = 0, r2 = 0;
                native(&r1, a, b, p, n).ShouldBe(managed(&r2, a, b, p, n));
                r1.ShouldBe(r2);
            }
        }
        // The same entry asked for again is the same code: linked once per process.
        NativeHit.LoadPrecompiled(_root, Head, Tail, symbol, out nint again).ShouldBe(1);
        again.ShouldBe(address);
    }

    [Theory]
    [InlineData("Sin")]
    [InlineData("Exp")]
    public void Libm_calls_and_constant_pools_link_as_in_the_managed_loader(string method)
    {
        if (!Expected) return;
        var (code, symbol) = ObjectLoaderTests.CompileToObject("T$::" + method,
            Func("T$::" + method, "f64", "entry", ["param f64 x"], "ldarg", F64(0.25), "add t=f64", $"callintrinsic n=\"Math.{method}(f64)\"", "ret"));
        Store(code, symbol);
        NativeHit.LoadPrecompiled(_root, Head, Tail, symbol, out nint address).ShouldBe(1);
        var f = (delegate* unmanaged<double*, double, int>)address;
        foreach (double x in new[] { 0.3, -2.5, 10.0, 1e-3 })
        {
            double r;
            f(&r, x).ShouldBe(0);
            double expected = method == "Sin" ? Math.Sin(x + 0.25) : Math.Exp(x + 0.25);
            BitConverter.DoubleToInt64Bits(r).ShouldBe(BitConverter.DoubleToInt64Bits(expected));
        }
    }

    [Fact]
    public void An_object_calling_the_managed_runtime_links_to_its_callbacks()
    {
        if (!Expected) return;
        // int[] Make(int n) { var a = new int[n]; a[0] = 42; return a; }: calls numbaweaver_new_array (and raises through it).
        var (code, symbol) = ObjectLoaderTests.CompileToObject("T$::Make", Func("T$::Make", "i32[]", "entry", ["param i32 n", "local i32[] a"],
            "ldarg", "newarr t=i32[]", "stloc", "ldloc", "const t=i32", "const t=i32 i=42", "stelem t2=i32[]", "ldloc", "ret"));
        Store(code, symbol);
        NativeHit.LoadPrecompiled(_root, Head, Tail, symbol, out nint address).ShouldBe(1);
        var f = (delegate* unmanaged<long*, int, int>)address;
        long* result = stackalloc long[2];
        int mark = NumbaWeaver.Dispatch.Allocations.Enter();
        f(result, 5).ShouldBe(0);
        NumbaWeaver.Dispatch.Allocations.Returned((nint)result[0], mark).ShouldBeOfType<int[]>().ShouldBe([42, 0, 0, 0, 0]);
        NumbaWeaver.Dispatch.Allocations.Exit(mark);
        f(result, -1).ShouldBe((int)Status.Raised);
        NumbaWeaver.Dispatch.StatusThrower.Create((int)Status.Raised).ShouldBeOfType<OverflowException>();
    }

    [Fact]
    public void Damaged_objects_inside_valid_entries_are_declined_or_linked_never_a_crash()
    {
        if (!Expected) return;
        // Bytes of the ELF object changed under a valid checksum and key (as a writer with a bug could store them): the
        // loader must range-check everything itself. Each variant has its own key (the library links an entry once).
        var (code, symbol) = ObjectLoaderTests.CompileToObject("T$::Outer", ObjectLoaderTests.Outer, ObjectLoaderTests.Div, ObjectLoaderTests.First);
        var random = new Random(12345);
        int declined = 0;
        for (int variant = 0; variant < 400; variant++)
        {
            byte[] damaged = (byte[])code.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                // Mostly the ELF header and the section and symbol tables, where the offsets and sizes live.
                int at = random.Next(2) == 0 ? random.Next(Math.Min(64, damaged.Length)) : random.Next(damaged.Length);
                damaged[at] = (byte)random.Next(256);
            }
            string tail = Tail + "variant " + variant;
            Store(damaged, symbol, Head + "x86-64" + tail);
            int result = NativeHit.LoadPrecompiled(_root, Head, tail, symbol, out _);
            result.ShouldBeOneOf(1, -1);
            if (result == -1) declined++;
        }
        declined.ShouldBeGreaterThan(0); // the damage reached the loader's checks
    }

    [Fact]
    public void No_entry_is_a_miss_and_no_variant_for_the_cpu_is_a_miss()
    {
        if (!Expected) return;
        NativeHit.LoadPrecompiled(_root, Head, Tail, "nj_none", out _).ShouldBe(0); // no level folder at all
        Directory.CreateDirectory(Path.Combine(_root, "x86-64"));
        NativeHit.LoadPrecompiled(_root, Head, Tail, "nj_none", out _).ShouldBe(0); // the folder, but no entry
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("checksum")]
    [InlineData("foreign")]
    [InlineData("symbol")]
    [InlineData("unsafe folder")]
    public void Anything_but_a_clean_hit_is_left_to_the_managed_path(string damage)
    {
        if (!Expected) return;
        var (code, symbol) = ObjectLoaderTests.CompileToObject("T$::Div", ObjectLoaderTests.Div);
        string path = Store(code, symbol, damage == "foreign" ? "another key" : null);
        byte[] bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncated": File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]); break;
            case "checksum": bytes[^1] ^= 1; File.WriteAllBytes(path, bytes); break;
            case "foreign": File.Move(path, Path.Combine(Path.GetDirectoryName(path)!, Sha256.HexOf(Head + "x86-64" + Tail) + CacheEntryFile.Extension)); break;
            case "symbol": symbol += "_other"; break;
            case "unsafe folder": File.SetUnixFileMode(Path.GetDirectoryName(path)!, (UnixFileMode)0x1FF); break; // 0777
        }
        NativeHit.LoadPrecompiled(_root, Head, Tail, symbol, out nint address).ShouldBe(-1);
        address.ShouldBe(0);
    }

    [Fact]
    public void A_disk_cache_entry_is_found_under_the_assemblys_folder_with_the_host_key()
    {
        if (!Expected) return;
        var (code, symbol) = ObjectLoaderTests.CompileToObject("T$::Div", ObjectLoaderTests.Div);
        string fullName = "Some.Library, Version=1.2.3.4, Culture=neutral, PublicKeyToken=null";
        string folder = NativeHit.CacheFolderOf(_root, fullName);
        Directory.CreateDirectory(folder);
        // The managed key text of the same entry: CacheKey.HostTarget's parts with this test's head and tail.
        string key = Sha256.HexOf("head\ntarget host cpu " + CpuIdentity.Fingerprint + " llvm " + LlvmLibrary.Fingerprint + Tail);
        File.WriteAllBytes(Path.Combine(folder, key + CacheEntryFile.Extension), CacheEntryFile.Serialize(key, new CacheEntryFile.Entry(symbol, "test", code)));
        NativeHit.LoadCached(_root, fullName, "head\ntarget host cpu ", Tail, symbol, out nint address).ShouldBe(1);
        int r;
        ((delegate* unmanaged<int*, int, int, int>)address)(&r, 17, 5).ShouldBe(0);
        r.ShouldBe(17 / 5);
        NativeHit.LoadCached(_root, "Another, Version=1.0.0.0", "head\ntarget host cpu ", Tail, symbol, out _).ShouldBe(0);
    }

    [Fact]
    public void The_key_text_splits_where_the_library_inserts_its_part()
    {
        var settings = CompileSettings.Defaults;
        string whole = CacheKey.For("N.T::M(f64)", "abc", settings, CacheKey.LevelTarget("x86-64-v3"));
        Sha256.HexOf(CacheKey.TextBeforeTarget + "level " + "x86-64-v3" + CacheKey.OurBuild + CacheKey.TextAfterTarget("N.T::M(f64)", "abc", settings.ToString()))
            .ShouldBe(whole);
        CacheKey.HostTarget.ShouldBe("host cpu " + CpuIdentity.Fingerprint + " llvm " + LlvmLibrary.Fingerprint + CacheKey.OurBuild);
    }

    [Theory]
    [InlineData("N.T::M(f64[])")]
    [InlineData("N.Ünïcode::Maß(f64)")]
    [InlineData("N.T::M\U0001F600(f64)")]
    [InlineData("N.T::M\uD800x(f64)")]
    [InlineData("N.AVeryLongNamespace.AndAVeryLongTypeName::AndAMethodWithALongName\U0001F600(f64[], f64[], i32)")]
    public void Its_symbols_are_the_managed_ones(string irName)
    {
        if (!Expected) return;
        NativeHit.SymbolOf(irName).ShouldBe(NativeSymbols.For(irName));
        NativeHit.SymbolOf(new string('x', 59) + "\U0001F600").ShouldBe(NativeSymbols.For(new string('x', 59) + "\U0001F600"));
    }

    [Fact]
    public void A_listed_generic_instance_is_found_in_its_list_and_served_from_the_applications_folder()
    {
        if (!Expected) return;
        var (code, symbol, instance) = ObjectLoaderTests.CompileNamed("T$::Div", ObjectLoaderTests.Div);
        string precompiled = PrecompileInApplicationFolder(instance, "fp1", symbol, code, out string assembly);
        try
        {
            string list = "N.T::Div\ti32\tN.T::Div<i32>\t1\tfp0\nN.T::Div\tf64\t" + instance + "\t1\tfp1\n";

            NativeHit.ResolveListed(assembly, "N.T::Div", list, [9], out nint address).ShouldBe(1); // 9: f64
            int r;
            ((delegate* unmanaged<int*, int, int, int>)address)(&r, 17, 5).ShouldBe(0);
            r.ShouldBe(17 / 5);
            NativeHit.ResolveListed(assembly, "N.T::Div", list, [4], out _).ShouldBe(0); // i32: listed, not precompiled
            NativeHit.ResolveListed(assembly, "N.T::Div", list, [6], out _).ShouldBe(0); // i64: not listed
            NativeHit.ResolveListed(assembly, "N.T::Div", list.Replace("\t1\tfp1", "\tone\tfp1"), [9], out _).ShouldBe(-1); // damaged
            NativeHit.ResolveListed(assembly, "N.T::Div", list.Replace("\t1\tfp1", "\t131073\tfp1"), [9], out _).ShouldBe(-3); // calls others
        }
        finally
        {
            Directory.Delete(precompiled, recursive: true);
        }
    }

    [Fact]
    public void An_entry_calling_other_assemblies_is_keyed_from_their_index_texts_as_the_runtime_keys_it()
    {
        if (!Expected) return;
        var (code, symbol, name) = ObjectLoaderTests.CompileNamed("T$::Div", ObjectLoaderTests.Div);
        // Lib.A's function calls Lib.B's, so the caller's key covers both (ForeignCalls.KeyFingerprint, recursively).
        string libA = "nwindex 1\n" + new string('d', 64) + " 1 N.A::Other\n" + new string('a', 64) + " 131073 N.A::F\t[Lib.B]N.B::G\n";
        string libB = "nwindex 1\n" + new string('b', 64) + " 1 N.B::G\n";
        string carried = new string('c', 64) + "\t[Lib.A]N.A::F";
        int flags = (int)(FunctionFlags.Entry | FunctionFlags.CallsOtherAssemblies);
        string keyFingerprint = ForeignCalls.KeyFingerprint(IrIndexEntry.FromStub(name, (FunctionFlags)flags, carried),
            (assembly, function) => IrIndex.Find(assembly == "Lib.A" ? libA : libB, function));
        string precompiled = PrecompileInApplicationFolder(name, keyFingerprint, symbol, code, out string assemblyName);
        try
        {
            NativeHit.ResolveWithIndexes(assemblyName, name, carried, flags, ["Lib.A", libA, "Lib.B", libB], out nint address).ShouldBe(1);
            int r;
            ((delegate* unmanaged<int*, int, int, int>)address)(&r, 17, 5).ShouldBe(0);
            r.ShouldBe(17 / 5);
            // A generic instance calling them is keyed the same way from its line in the weaver's list.
            string list = "N.G::Div\tf64\t" + name + "\t" + flags + "\t" + carried + "\n";
            NativeHit.ResolveListed(assemblyName, "N.G::Div", list, [9], out nint listed, ["Lib.A", libA, "Lib.B", libB]).ShouldBe(1);
            listed.ShouldBe(address);
            NativeHit.ResolveListed(assemblyName, "N.G::Div", list, [9], out _).ShouldBe(-3); // no texts handed over: the runtime keys it
            // A callee's library changed: another key, so no entry (the caller recompiles).
            NativeHit.ResolveWithIndexes(assemblyName, name, carried, flags, ["Lib.A", libA, "Lib.B", libB.Replace('b', 'e')], out _).ShouldBe(0);
            // A library's index not handed over, a function it lacks, a damaged line: the runtime's managed path decides.
            NativeHit.ResolveWithIndexes(assemblyName, name, carried, flags, ["Lib.A", libA], out _).ShouldBe(-1);
            NativeHit.ResolveWithIndexes(assemblyName, name, carried.Replace("N.A::F", "N.A::Gone"), flags, ["Lib.A", libA, "Lib.B", libB], out _).ShouldBe(-1);
            NativeHit.ResolveWithIndexes(assemblyName, name, carried, flags, ["Lib.A", libA.Replace(" 131073 ", " x "), "Lib.B", libB], out _).ShouldBe(-1);
        }
        finally
        {
            Directory.Delete(precompiled, recursive: true);
        }
    }

    /// <summary>
    /// An entry precompiled for the baseline level (which every CPU runs) under the key the managed runtime computes for
    /// <paramref name="name"/> and <paramref name="fingerprint"/>, in the <c>.numba</c> folder of a new assembly name in
    /// the application's folder, where the native request looks; returns that folder (the caller deletes it).
    /// </summary>
    private static string PrecompileInApplicationFolder(string name, string fingerprint, string symbol, byte[] code, out string assemblyName)
    {
        string simple = "NwRequest" + Guid.NewGuid().ToString("N");
        assemblyName = simple + ", Version=1.0.0.0, Culture=neutral, PublicKeyToken=null";
        string precompiled = Path.Combine(AppContext.BaseDirectory, simple + PrecompiledLibrary.FolderSuffix);
        string key = Sha256.HexOf(CacheKey.TextBeforeTarget + "level x86-64" + CacheKey.OurBuild
                                  + CacheKey.TextAfterTarget(name, fingerprint, CacheKey.SettingsText(NumbaConfig.OptLevel, NumbaConfig.BoundsCheck)));
        Directory.CreateDirectory(Path.Combine(precompiled, "x86-64"));
        File.WriteAllBytes(Path.Combine(precompiled, "x86-64", key + CacheEntryFile.Extension),
            CacheEntryFile.Serialize(key, new CacheEntryFile.Entry(symbol, "test", code)));
        return precompiled;
    }
}
