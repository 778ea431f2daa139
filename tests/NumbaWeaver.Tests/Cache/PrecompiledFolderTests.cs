// The precompiled folder's name, split by hand from the assembly path, is what System.IO.Path would give.
using System.IO;
using NumbaWeaver.Cache;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Cache;

public class PrecompiledFolderTests
{
    [Theory]
    [InlineData("/app/bin/Cached.dll")]
    [InlineData("bin/Release/net10.0/My.App.dll")]
    [InlineData("Cached.dll")]
    [InlineData("/Cached.dll")]
    [InlineData("/app/bin/NoExtension")]
    [InlineData("/app/bin.d/NoExtension")]
    public void FolderOf_agrees_with_Path(string assemblyPath) =>
        PrecompiledLibrary.FolderOf(assemblyPath).ShouldBe(
            Path.Combine(Path.GetDirectoryName(assemblyPath)!, Path.GetFileNameWithoutExtension(assemblyPath) + PrecompiledLibrary.FolderSuffix));

    [Theory]
    [InlineData("/tmp/nw-cache", true)]
    [InlineData("/tmp/../etc", false)]
    [InlineData("/tmp//x", false)]
    [InlineData("/tmp/./x", false)]
    [InlineData("/tmp/.hidden", false)] // conservative: GetFullPath decides
    [InlineData("relative", false)]
    public void Cache_roots_that_need_no_normalising(string path, bool plain)
    {
        if (System.OperatingSystem.IsWindows()) return;
        NumbaWeaver.Entry.CacheRoot.IsPlainAbsolute(path).ShouldBe(plain);
        if (plain) Path.GetFullPath(path).ShouldBe(path);
        NumbaWeaver.Entry.CacheRoot.Compute(path).ShouldBe(Path.GetFullPath(path));
    }
}
