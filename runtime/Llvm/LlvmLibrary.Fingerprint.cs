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
        foreach (string candidate in FingerprintCandidates())
        {
            if (NativeFiles.Available)
            {
                if (NativeFiles.TryStat(candidate, out var status)) return status.Identity();
                continue;
            }
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

    private static IEnumerable<string> FingerprintCandidates()
    {
        string? overridePath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            if (!Directory.Exists(overridePath))
            {
                yield return overridePath;
                yield break;
            }
            foreach (string name in DefaultNames()) yield return Path.Combine(overridePath, Path.GetFileName(name));
            yield break;
        }

        var folders = new List<string>();
        // Split by hand: string.Split's vectorised search costs a cache hit's first call a millisecond.
        foreach (string folder in InvariantText.Split(Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "", ':'))
            if (folder.Length > 0) folders.Add(folder);
        string multiarch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        folders.AddRange([$"/usr/lib/{multiarch}", $"/lib/{multiarch}", "/usr/lib64", "/usr/lib", "/usr/local/lib"]);
        foreach (string name in DefaultNames())
        {
            if (Path.IsPathRooted(name))
            {
                yield return name;
                continue;
            }
            foreach (string folder in folders) yield return Path.Combine(folder, name);
        }
        foreach (string candidate in FolderCandidates()) yield return candidate;
    }
}
