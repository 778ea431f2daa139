// The stubs' entry assembly (runtime/Entry): small, independent of the runtime, and in step with it.
using System.Linq;
using NumbaWeaver.Cache;
using NumbaWeaver.Config;
using NumbaWeaver.Entry;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Entry;

public sealed class EntryAssemblyTests
{
    [Fact]
    public void It_references_only_the_framework_so_a_first_call_served_natively_loads_nothing_else()
    {
        typeof(FirstCall).Assembly.GetReferencedAssemblies().Select(a => a.Name).ShouldAllBe(name => name!.StartsWith("System"));
    }

    [Fact]
    public void The_key_formats_it_writes_are_the_runtimes()
    {
        KeyFormats.Ir.ShouldBe(IrModule.FormatVersion);
        KeyFormats.Key.ShouldBe(CacheKey.KeyFormat);
        KeyFormats.OurBuild.ShouldBe(CacheKey.OurBuild);
        CacheKey.TextBeforeTarget.ShouldBe($"numbaweaver-cache {KeyFormats.Key}\nir-format {KeyFormats.Ir}\ntarget ");
    }

    [Fact]
    public void The_runtime_reads_its_switches_and_cache_root()
    {
        NumbaConfig.DisableJit.ShouldBe(Switches.DisableJit);
        NumbaConfig.OptLevel.ShouldBe(Switches.OptLevel);
        NumbaConfig.UsePrecompiled.ShouldBe(Switches.UsePrecompiled);
        NumbaCache.Root.ShouldBe(CacheRoot.Value);
    }

    [Fact]
    public unsafe void The_runtime_registers_its_managed_path_when_loaded()
    {
        // This test runs in the runtime's own process: its module initializer has registered.
        var links = RuntimeLink.Runtime;
        ((nint)links.Indexed).ShouldNotBe(0);
        ((nint)links.Listed).ShouldNotBe(0);
        links.Exception((int)Status.DivideByZero).ShouldBeOfType<System.DivideByZeroException>();
        links.RuntimeSymbols().ShouldNotBe(0);
        FirstCall.ExceptionFor((int)Status.Overflow).ShouldBeOfType<System.OverflowException>();
    }

    [Fact]
    public void Its_scalar_codes_name_the_ir_types()
    {
        TypeArguments.ScalarOf(typeof(double).TypeHandle).ShouldBe(9);
        TypeArguments.ScalarOf(typeof(sbyte).TypeHandle).ShouldBe(0);
        TypeArguments.ScalarOf(typeof(string).TypeHandle).ShouldBe(-1);
    }

    [Fact]
    public void Its_default_cache_root_is_the_xdg_or_home_cache_folder_as_dotnet_names_them()
    {
        string? xdg = System.Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string expected = !string.IsNullOrEmpty(xdg) && System.IO.Path.IsPathRooted(xdg)
            ? System.IO.Path.Combine(xdg, "numbaweaver")
            : System.IO.Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache", "numbaweaver");
        CacheRoot.Compute(null).ShouldBe(expected);
    }
}
