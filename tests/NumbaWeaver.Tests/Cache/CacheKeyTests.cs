// Cache keys change with everything that changes machine code (callees included) and with nothing else.
using System.Linq;
using NumbaWeaver.Cache;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Cache;

public class CacheKeyTests
{
    private static readonly string Unrelated = Func("T::Unrelated", "i32", "", ["param i32 a"], "ldarg", "ret");

    private static string Div(string op) => Func("T::Div", "i32", "", ["param i32 a", "param i32 b"], "ldarg", "ldarg i=1", op + " t=i32", "ret");

    private static string Outer(string flags) => Func("T::Outer", "i32", flags, ["param i32 a", "param i32 b"],
        "ldarg", "ldarg i=1", "call n=\"T::Div\"", "ret");

    private static string Key(string outerFlags, string divOp, string? unrelated = null, CompileSettings? settings = null, string? target = null)
    {
        var module = IrParser.ParseModule("nwir 1\n" + Outer(outerFlags) + Div(divOp) + (unrelated ?? Unrelated));
        return CacheKey.For(module, module.Find("T::Outer")!, settings ?? CompileSettings.Defaults, target ?? CacheKey.HostTarget);
    }

    [Fact]
    public void Same_inputs_give_the_same_key()
    {
        Key("entry", "div").ShouldBe(Key("entry", "div"));
        Key("entry", "div").Length.ShouldBe(64);
    }

    [Fact]
    public void Changing_a_callee_invalidates_the_caller()
    {
        Key("entry", "div").ShouldNotBe(Key("entry", "rem"));
    }

    [Fact]
    public void Changing_a_function_outside_the_call_closure_keeps_the_key()
    {
        string other = Func("T::Unrelated", "i32", "", ["param i32 a"], "ldarg", "ldarg", "add t=i32", "ret");
        Key("entry", "div").ShouldBe(Key("entry", "div", other));
    }

    [Fact]
    public void Options_settings_and_targets_are_part_of_the_key()
    {
        string baseline = Key("entry", "div");
        Key("entry,fastmath", "div").ShouldNotBe(baseline);
        Key("entry,boundscheck", "div").ShouldNotBe(baseline);
        Key("entry", "div", settings: CompileSettings.Defaults with { OptLevel = 1 }).ShouldNotBe(baseline);
        Key("entry", "div", settings: CompileSettings.Defaults with { BoundsCheckOverride = false }).ShouldNotBe(baseline);
        Key("entry", "div", target: CacheKey.LevelTarget("x86-64-v3")).ShouldNotBe(baseline);
        Key("entry", "div", target: CacheKey.LevelTarget("x86-64-v3")).ShouldNotBe(Key("entry", "div", target: CacheKey.LevelTarget("x86-64-v2")));
    }

    [Fact]
    public void The_host_target_names_the_cpu_and_the_llvm_that_would_compile()
    {
        CacheKey.HostTarget.ShouldContain(CpuIdentity.Fingerprint);
        CacheKey.HostTarget.ShouldContain(NumbaWeaver.Llvm.LlvmLibrary.Fingerprint);
        NumbaWeaver.Llvm.LlvmLibrary.Fingerprint.ShouldNotBe("none"); // these machines have libllvm19
        if (NativeFiles.Available && NumbaWeaver.Llvm.LlvmLibrary.TryLoad(out _))
        {
            // The file predicted without loading is the file the loader mapped (stat follows the links).
            string mapped = System.IO.File.ReadAllLines("/proc/self/maps")
                .Select(line => line[(line.IndexOf('/') is var slash and >= 0 ? slash : line.Length)..])
                .First(path => path.Contains("libLLVM", System.StringComparison.Ordinal));
            NativeFiles.TryStat(mapped, out var loaded).ShouldBeTrue();
            NumbaWeaver.Llvm.LlvmLibrary.Fingerprint.ShouldBe(loaded.Identity());
        }
        CpuIdentity.SupportedLevels().ShouldContain("x86-64");
    }
}
