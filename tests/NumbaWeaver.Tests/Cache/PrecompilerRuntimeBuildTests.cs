// The precompiler refuses to write machine code for an app that ships another NumbaWeaver runtime build (warning NJ0902).
using System;
using System.IO;
using System.Text;
using NumbaWeaver.Tests.Integration;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Cache;

/// <summary>
/// Precompiled keys end with the runtime build's digest, so entries made by one build are never found by another. The
/// precompiler (tasks/Precompiler, run as the build runs it) compares its own NumbaWeaver.Entry.dll with the one in the
/// app's output folder: on a mismatch it warns and writes nothing, instead of shipping code no run would load.
/// </summary>
public class PrecompilerRuntimeBuildTests
{
    private static readonly string Precompiler = Path.Combine(DotnetCli.RepoRoot, "tasks", "Precompiler", "bin", DotnetCli.Configuration, "net10.0",
        "NumbaWeaver.Precompiler.dll");

    [Fact]
    public void An_app_shipping_another_runtime_build_gets_NJ0902_and_no_machine_code()
    {
        using var folder = new TemporaryFolder();
        string woven = CopyInto(folder.Path, "Kernels.Fixture.dll");
        string references = Directory.CreateDirectory(Path.Combine(folder.Path, "references")).FullName;
        // The same assembly with another digest: every copy of the constant (its field and the key literal) rewritten in place.
        byte[] entry = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "NumbaWeaver.Entry.dll"));
        Replace(entry, Encoding.Unicode.GetBytes(NumbaWeaver.Entry.BuildIdentity.Sources),
                Encoding.Unicode.GetBytes(new string('0', NumbaWeaver.Entry.BuildIdentity.Sources.Length))).ShouldBeGreaterThan(0);
        File.WriteAllBytes(Path.Combine(references, "NumbaWeaver.Entry.dll"), entry);

        var (code, output) = DotnetCli.Run($"exec \"{Precompiler}\" \"{woven}\" x86-64-v2 \"{references}\"", folder.Path);

        code.ShouldBe(0, output);
        output.ShouldContain("warning NJ0902: Kernels.Fixture.dll ships a NumbaWeaver runtime built from other sources");
        Directory.Exists(Path.Combine(folder.Path, "Kernels.Fixture.numba")).ShouldBeFalse("machine code no run would load was written");
    }

    [Fact]
    public void An_app_shipping_the_same_runtime_build_gets_no_warning()
    {
        using var folder = new TemporaryFolder();
        // An assembly without [Njit] methods: the check passes, and there is nothing to compile.
        string plain = CopyInto(folder.Path, "NumbaWeaver.Entry.dll");

        var (code, output) = DotnetCli.Run($"exec \"{Precompiler}\" \"{plain}\" x86-64-v2 \"{folder.Path}\"", folder.Path);

        code.ShouldBe(0, output);
        output.ShouldNotContain("NJ0902");
        output.ShouldContain("has no [Njit] methods");
    }

    private static string CopyInto(string folder, string fileName)
    {
        string copy = Path.Combine(folder, fileName);
        File.Copy(Path.Combine(AppContext.BaseDirectory, fileName), copy);
        return copy;
    }

    // Replaces every occurrence of `from` in `bytes` with `to` (same length); returns how many there were.
    private static int Replace(byte[] bytes, byte[] from, byte[] to)
    {
        int count = 0;
        for (int i = 0; i + from.Length <= bytes.Length; i++)
        {
            if (!bytes.AsSpan(i, from.Length).SequenceEqual(from)) continue;
            to.CopyTo(bytes, i);
            count++;
        }
        return count;
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("numbaweaver-precompiler-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
