// The libc-based file access of the cache's hit path reports what .NET's own file APIs report.
using System;
using System.IO;
using NumbaWeaver.Cache;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Cache;

public class NativeFilesTests
{
    private static bool LinuxX64 => OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64;

    [Fact]
    public void Is_available_on_linux_x64()
    {
        NativeFiles.Available.ShouldBe(LinuxX64);
    }

    [Fact]
    public void Stat_and_read_agree_with_the_framework()
    {
        if (!NativeFiles.Available) return; // NativeFiles is the Linux x86-64 path; elsewhere callers use the framework
        string path = Path.Combine(Path.GetTempPath(), "nw-nativefiles-" + Guid.NewGuid().ToString("N"));
        var bytes = new byte[70_000];
        new Random(5).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        try
        {
            NativeFiles.TryStat(path, out var status).ShouldBeTrue();
            var info = new FileInfo(path);
            status.Size.ShouldBe(info.Length);
            status.ModifiedSeconds.ShouldBe(new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds());
            (status.Mode & 0xF000).ShouldBe(0x8000u); // a regular file
            NativeFiles.TryReadAll(path).ShouldBe(bytes);
            NativeFiles.IsDirectory(path).ShouldBeFalse();
            NativeFiles.IsDirectory(Path.GetTempPath()).ShouldBeTrue();

            string before = status.Identity();
            File.WriteAllBytes(path, bytes[..10]);
            NativeFiles.TryStat(path, out var rewritten).ShouldBeTrue();
            rewritten.Identity().ShouldNotBe(before);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_files_are_null_not_exceptions()
    {
        if (!NativeFiles.Available) return;
        string missing = "/nonexistent/nw-" + Guid.NewGuid().ToString("N");
        NativeFiles.TryStat(missing, out _).ShouldBeFalse();
        NativeFiles.TryReadAll(missing).ShouldBeNull();
        NativeFiles.IsDirectory(missing).ShouldBeFalse();
    }

    [Fact]
    public void Errno_is_read_after_a_failed_call()
    {
        if (!NativeFiles.Available) return;
        string missing = "/nonexistent/nw-" + Guid.NewGuid().ToString("N");
        NativeFiles.TryReadAll(missing).ShouldBeNull(); // open fails with ENOENT
        NativeFiles.LastErrno().ShouldBe(2);
    }

    [Fact]
    public void Write_rename_and_mkdir_behave_like_the_framework()
    {
        if (!NativeFiles.Available) return; // the framework path is used elsewhere
        string folder = Path.Combine(Path.GetTempPath(), "nw-nativewrite-" + Guid.NewGuid().ToString("N"));
        try
        {
            NativeFiles.TryMakeDirectory(folder, 0x1C0).ShouldBeTrue();
            Directory.Exists(folder).ShouldBeTrue();
            NativeFiles.TryStat(folder, out var made).ShouldBeTrue();
            (made.Mode & 0x1FF).ShouldBe(0x1C0u); // 0700 (the umask only removes bits)
            NativeFiles.TryMakeDirectory(folder, 0x1C0).ShouldBeTrue(); // already there: still true
            NativeFiles.TryMakeDirectory(Path.Combine(folder, "missing", "child"), 0x1C0).ShouldBeFalse(); // no parent

            var bytes = new byte[100_000];
            new Random(7).NextBytes(bytes);
            string temporary = Path.Combine(folder, "entry.tmp"), final = Path.Combine(folder, "entry.nwc");
            NativeFiles.WriteNew(temporary, bytes);
            File.ReadAllBytes(temporary).ShouldBe(bytes);
            Should.Throw<IOException>(() => NativeFiles.WriteNew(temporary, bytes)); // O_EXCL: never overwrites

            File.WriteAllBytes(final, [1, 2, 3]);
            NativeFiles.Rename(temporary, final); // replaces the old entry
            File.Exists(temporary).ShouldBeFalse();
            File.ReadAllBytes(final).ShouldBe(bytes);
            Should.Throw<IOException>(() => NativeFiles.Rename(temporary, final)); // nothing left to rename

            NativeFiles.TryDelete(final);
            File.Exists(final).ShouldBeFalse();
            NativeFiles.TryDelete(final); // a missing file is not an error
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
