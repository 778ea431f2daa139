// Cache entries survive only intact: corrupted, truncated and foreign files are rejected; bad folders never crash.
using System;
using System.IO;
using NumbaWeaver.Cache;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Cache;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiskCacheTests : IDisposable
{
    private const string Key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private const string OtherKey = "ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nw-cache-tests-" + Guid.NewGuid().ToString("N"));
    private static readonly CacheEntryFile.Entry Sample = new("nj_sample", "test entry", [1, 2, 3, 4, 5, 6, 7, 8]);

    public DiskCacheTests() => Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    public void Dispose()
    {
        foreach (var dir in Directory.EnumerateDirectories(_root, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(_root, recursive: true);
    }

    private DiskCache NewCache(string name = "a") => new(Path.Combine(_root, name));

    [Fact]
    public void Stored_entries_load_back_and_the_folder_is_private()
    {
        var cache = NewCache();
        cache.TryStore(Key, Sample, "sample").ShouldBeTrue();
        var loaded = cache.TryLoad(Key, "sample").ShouldNotBeNull();
        loaded.Symbol.ShouldBe(Sample.Symbol);
        loaded.ObjectCode.ShouldBe(Sample.ObjectCode);
        (File.GetUnixFileMode(cache.Folder) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)).ShouldBe(UnixFileMode.None);
        Directory.GetFiles(cache.Folder, "*.tmp").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("flip")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void Damaged_entries_are_rejected_and_removed(string damage)
    {
        var cache = NewCache();
        cache.TryStore(Key, Sample, "sample").ShouldBeTrue();
        string path = cache.PathOf(Key);
        byte[] bytes = File.ReadAllBytes(path);
        byte[] damaged = damage switch
        {
            "truncate" => bytes[..(bytes.Length - 7)],
            "flip" => Flip(bytes, bytes.Length - 40),
            "empty" => [],
            _ => new byte[bytes.Length],
        };
        File.WriteAllBytes(path, damaged);
        int rejected = CacheStatistics.Rejected;
        cache.TryLoad(Key, "sample").ShouldBeNull();
        CacheStatistics.Rejected.ShouldBeGreaterThan(rejected);
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public void An_entry_under_another_key_is_foreign()
    {
        var cache = NewCache();
        cache.TryStore(OtherKey, Sample, "other").ShouldBeTrue();
        File.Copy(cache.PathOf(OtherKey), cache.PathOf(Key));
        CacheEntryFile.TryParse(File.ReadAllBytes(cache.PathOf(Key)), Key, out string? problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("foreign");
        cache.TryLoad(Key, "sample").ShouldBeNull();
    }

    [Fact]
    public void A_read_only_file_system_refuses_writes_without_throwing()
    {
        // /proc is read-only even for root (which ignores chmod), so this is a real read-only location.
        var cache = new DiskCache("/proc/numbaweaver-cache-test");
        int failures = CacheStatistics.StoreFailures;
        cache.TryStore(Key, Sample, "sample").ShouldBeFalse();
        CacheStatistics.StoreFailures.ShouldBeGreaterThan(failures);
        cache.TryLoad(Key, "sample").ShouldBeNull();
    }

    [Fact]
    public void A_folder_that_cannot_be_created_refuses_writes_without_throwing()
    {
        File.WriteAllText(Path.Combine(_root, "file"), "not a folder");
        var cache = new DiskCache(Path.Combine(_root, "file", "sub"));
        cache.TryStore(Key, Sample, "sample").ShouldBeFalse();
        cache.TryLoad(Key, "sample").ShouldBeNull();
    }

    [Fact]
    public void A_folder_others_can_write_is_refused()
    {
        var cache = NewCache();
        cache.TryStore(Key, Sample, "sample").ShouldBeTrue();
        File.SetUnixFileMode(cache.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        cache.IsSafe(out string? reason).ShouldBeFalse();
        reason.ShouldNotBeNull().ShouldContain("writable by other users");
        cache.TryLoad(Key, "sample").ShouldBeNull();
        cache.TryStore(OtherKey, Sample, "sample").ShouldBeFalse();
    }

    [Fact]
    public void Clear_removes_every_entry()
    {
        var cache = NewCache();
        cache.TryStore(Key, Sample, "a").ShouldBeTrue();
        cache.TryStore(OtherKey, Sample, "b").ShouldBeTrue();
        cache.Clear().ShouldBe(2);
        cache.TryLoad(Key, "a").ShouldBeNull();
    }

    [Fact]
    public void The_root_follows_the_switch_then_xdg()
    {
        NumbaWeaver.Entry.CacheRoot.Compute("/some/where").ShouldBe("/some/where");
        NumbaWeaver.Entry.CacheRoot.Compute(null).ShouldEndWith("numbaweaver");
        NumbaCache.FolderFor(typeof(DiskCacheTests).Assembly).ShouldStartWith(NumbaCache.Root);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x40;
        return copy;
    }
}
