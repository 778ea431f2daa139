// Which libLLVM this process would load, found by looking at files only (no dlopen), for cache keys.
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using NumbaWeaver.Cache;
using NumbaWeaver.IR;

namespace NumbaWeaver.Llvm;

public static partial class LlvmLibrary
{
    private static string? predictedFingerprint; // (not Lazy<T>: its instantiation costs a first call, see docs/cache.md)

    /// <summary>
    /// Names the libLLVM the loader would pick without loading it: on Linux x86-64 the real file's device, inode, size
    /// and modification time from one stat call (<see cref="NativeFiles"/>), elsewhere its real name, size and time,
    /// so the disk cache can key on the LLVM that compiled an entry while a cache hit still costs no dlopen.
    /// "none" when no candidate file exists. It follows the loader's order over the usual library folders;
    /// where it guesses wrong the worst outcome is a recompilation, never wrong code.
    /// </summary>
    public static string Fingerprint => predictedFingerprint ??= PredictFingerprint();

    private static string PredictFingerprint()
    {
        if (!NativeFiles.Available) return PredictFingerprintByFramework();
        foreach (string candidate in FingerprintCandidates())
            if (NativeFiles.TryStat(candidate, out var status)) return status.Identity();
        return "none";
    }

    // Apart from PredictFingerprint, and not inlined: a method that mentions FileInfo loads the framework's file-system
    // types on its first call whichever branch it takes (docs/cache.md, "Why the first call is fast").
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string PredictFingerprintByFramework()
    {
        foreach (string candidate in FingerprintCandidates())
        {
            try
            {
                var file = new FileInfo(candidate);
                if (!file.Exists) continue;
                var real = file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file;
                if (!real.Exists) continue;
                return $"{real.Name}:{real.Length}:{real.LastWriteTimeUtc.Ticks}";
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return "none";
    }

    // Path.IsPathRooted where it matters: Path's static constructor would cost a cache hit's first call on Unix.
    private static bool IsRooted(string name) => OperatingSystem.IsWindows() ? Path.IsPathRooted(name) : name.StartsWith('/');

    /// <summary>The files the loader would try, in its order (a list, not an iterator: see ObjectLoader's arrays).</summary>
    private static List<string> FingerprintCandidates()
    {
        var candidates = new List<string>();
        string? overridePath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            if (!NativeFiles.FolderExists(overridePath)) candidates.Add(overridePath);
            else
                foreach (string name in DefaultNames()) candidates.Add(Path.Combine(overridePath, Path.GetFileName(name)));
            return candidates;
        }

        var folders = new List<string>();
        // Split by hand: string.Split's vectorised search costs a cache hit's first call a millisecond.
        foreach (string folder in InvariantText.Split(Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "", ':'))
            if (folder.Length > 0) folders.Add(folder);
        string multiarch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        folders.Add("/usr/lib/" + multiarch);
        folders.Add("/lib/" + multiarch);
        folders.Add("/usr/lib64");
        folders.Add("/usr/lib");
        folders.Add("/usr/local/lib");
        foreach (string name in DefaultNames())
        {
            if (IsRooted(name))
            {
                candidates.Add(name);
                continue;
            }
            foreach (string folder in folders) candidates.Add(DiskCache.Join(folder, name));
        }
        candidates.AddRange(FolderCandidates());
        return candidates;
    }
}
