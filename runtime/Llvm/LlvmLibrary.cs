// Finds and loads libLLVM (lazily, once per process) and maps the "LLVM" import name to it.
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading;
using NumbaWeaver.Cache;

namespace NumbaWeaver.Llvm;

/// <summary>
/// Locates libLLVM for the <see cref="Interop.LLVM"/> imports. Nothing is loaded until the first
/// import runs or <see cref="TryLoad"/> is called, so a process that never compiles (for example
/// with NUMBA_DISABLE_JIT=1) never maps libLLVM.
/// </summary>
public static partial class LlvmLibrary
{
    /// <summary>Environment variable naming the libLLVM file (or a folder holding it). A path that does
    /// not exist (e.g. /nonexistent) simulates a machine without LLVM: there is no fallback.</summary>
    public const string PathVariable = "NUMBA_LLVM_PATH";

    /// <summary>LLVM 14 has no opaque pointers; the lowering assumes them.</summary>
    public const int MinimumMajorVersion = 15;

    // Probed in order: the versions this project is tested with first, then older ones.
    private static readonly string[] LinuxNames =
    [
        "libLLVM.so.19.1", "libLLVM-19.so", "libLLVM-19.so.1",
        "libLLVM.so.18.1", "libLLVM-18.so", "libLLVM-18.so.1",
        "libLLVM-17.so.1", "libLLVM-17.so",
        "libLLVM-16.so.1", "libLLVM-16.so",
        "libLLVM-15.so.1", "libLLVM-15.so",
    ];

    private static readonly string[] LinuxFolders =
        ["/usr/lib/llvm-19/lib", "/usr/lib/llvm-18/lib", "/usr/lib/llvm-17/lib", "/usr/lib/llvm-16/lib", "/usr/lib/llvm-15/lib"];

    private static readonly string[] MacNames =
    [
        "libLLVM.dylib", "libLLVM-19.dylib", "libLLVM-18.dylib", "libLLVM-17.dylib", "libLLVM-16.dylib", "libLLVM-15.dylib",
        "/opt/homebrew/opt/llvm/lib/libLLVM.dylib", "/usr/local/opt/llvm/lib/libLLVM.dylib",
        "/opt/homebrew/opt/llvm@19/lib/libLLVM.dylib", "/usr/local/opt/llvm@19/lib/libLLVM.dylib",
    ];

    private static readonly string[] WindowsNames = ["LLVM-C.dll", @"C:\Program Files\LLVM\bin\LLVM-C.dll"];

    // In a class of its own: the cache key reads this class's name tables on a hit, and constructing a Lock there (its
    // static constructor, spin-count configuration) cost that first hit for a lock only a load takes.
    private static class Loading
    {
        public static readonly Lock Gate = new();
    }

    private static int resolverInstalled;
    private static bool attempted;
    private static nint handle;
    private static string? loadError;
    private static string? loadedPath;
    private static Version? version;
    private static TimeSpan loadTime;

    /// <summary>The file that was loaded, once <see cref="TryLoad"/> succeeded.</summary>
    public static string? LoadedPath
    {
        get
        {
            TryLoad(out _);
            return loadedPath;
        }
    }

    /// <summary>How long finding and loading libLLVM took (zero until <see cref="TryLoad"/> ran).</summary>
    public static TimeSpan LoadTime => loadTime;

    /// <summary>The loaded LLVM's major version (loads it if needed); 0 when LLVM is unavailable.</summary>
    public static int MajorVersion => TryLoad(out _) ? version!.Major : 0;

    /// <summary>The loaded LLVM's full version (from LLVMGetVersion, or the file name before LLVM 16).</summary>
    public static Version? Version => TryLoad(out _) ? version : null;

    /// <summary>Per-instruction fast-math flags (LLVMSetFastMathFlags) exist from LLVM 18 only; without them
    /// function attributes alone did not vectorize reductions.</summary>
    public static bool SupportsFastMathFlags => TryLoad(out _) && NativeLibrary.TryGetExport(handle, "LLVMSetFastMathFlags", out _);

    /// <summary>Loads libLLVM if not yet done; false with a reason when it cannot be had. Thread-safe and idempotent.</summary>
    public static bool TryLoad(out string? error)
    {
        lock (Loading.Gate)
        {
            if (!attempted)
            {
                attempted = true;
                long start = System.Diagnostics.Stopwatch.GetTimestamp();
                InstallResolver();
                loadError = Load();
                loadTime = System.Diagnostics.Stopwatch.GetElapsedTime(start);
            }

            error = loadError;
            return loadError is null;
        }
    }

    /// <summary>Installs the DllImport resolver for this assembly (idempotent). Only one resolver may exist per
    /// assembly, so this class owns it; it answers only for the "LLVM" name and loads nothing by itself.</summary>
    internal static void InstallResolver()
    {
        if (Interlocked.Exchange(ref resolverInstalled, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(LlvmLibrary).Assembly, Resolve);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Interop.LLVM.Lib)
        {
            return 0;
        }

        // Throwing (rather than returning 0) stops the runtime from probing on its own and finding
        // some other libLLVM, which would defeat NUMBA_LLVM_PATH=/nonexistent.
        return TryLoad(out string? error) ? handle : throw new DllNotFoundException(error);
    }

    private static string? Load()
    {
        string? overridePath = Environment.GetEnvironmentVariable(PathVariable);
        List<string> tried = [];
        if (!string.IsNullOrEmpty(overridePath))
        {
            IEnumerable<string> candidates = Directory.Exists(overridePath)
                ? Array.ConvertAll(DefaultNames(), name => Path.Combine(overridePath, Path.GetFileName(name)))
                : [overridePath];
            if (!TryCandidates(candidates, tried))
            {
                return $"libLLVM not found at {PathVariable}={overridePath} (tried {string.Join(", ", tried)}).";
            }
        }
        else if (!TryCandidates(DefaultNames(), tried) && !TryCandidates(FolderCandidates(), tried))
        {
            return $"libLLVM {MinimumMajorVersion} or newer was not found (tried {string.Join(", ", tried)}). " +
                   $"Install it (Debian/Ubuntu: apt-get install libllvm19) or set {PathVariable} to the library file.";
        }

        version = QueryVersion(handle, loadedPath!);
        if (version.Major < MinimumMajorVersion)
        {
            string found = $"{loadedPath} is LLVM {version}; LLVM {MinimumMajorVersion} or newer is required (opaque pointers).";
            NativeLibrary.Free(handle);
            handle = 0;
            loadedPath = null;
            return found;
        }

        return null;
    }

    private static bool TryCandidates(IEnumerable<string> candidates, List<string> tried)
    {
        foreach (string candidate in candidates)
        {
            tried.Add(candidate);
            if (NativeLibrary.TryLoad(candidate, out nint loaded))
            {
                handle = loaded;
                loadedPath = candidate;
                return true;
            }
        }

        return false;
    }

    private static string[] DefaultNames() =>
        OperatingSystem.IsWindows() ? WindowsNames : OperatingSystem.IsMacOS() ? MacNames : LinuxNames;

    /// <summary>/usr/lib/llvm-N/lib/libLLVM.so, the unversioned links the -dev packages install (Linux only).</summary>
    private static string[] FolderCandidates()
    {
        if (!OperatingSystem.IsLinux()) return [];
        var candidates = new string[LinuxFolders.Length];
        // Joined by hand: a cache hit lists these for its key, and Path's static constructor would cost that first call.
        for (int i = 0; i < LinuxFolders.Length; i++) candidates[i] = DiskCache.Join(LinuxFolders[i], "libLLVM.so");
        return candidates;
    }

    private static unsafe Version QueryVersion(nint library, string path)
    {
        // LLVMGetVersion exists from LLVM 16; call it through the handle so that no import (and no
        // resolver re-entry) is involved while the loader lock is held.
        if (NativeLibrary.TryGetExport(library, "LLVMGetVersion", out nint getVersion))
        {
            uint major, minor, patch;
            ((delegate* unmanaged<uint*, uint*, uint*, void>)getVersion)(&major, &minor, &patch);
            return new Version((int)major, (int)minor, (int)patch);
        }

        Match match = VersionInFileName().Match(Path.GetFileName(path));
        return match.Success ? new Version(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0) : new Version(15, 0);
    }

    [GeneratedRegex(@"LLVM[-.](?:so\.)?(\d+)")]
    private static partial Regex VersionInFileName();
}
