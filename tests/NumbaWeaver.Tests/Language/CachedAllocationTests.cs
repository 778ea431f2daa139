// Object code that allocates, loaded by the cache's ELF loader, links to the runtime's allocation callbacks.
using System;
using NumbaWeaver.Backend;
using NumbaWeaver.Cache;
using NumbaWeaver.Compiler;
using NumbaWeaver.Dispatch;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.Language;

public unsafe class CachedAllocationTests
{
    private static (byte[] Object, string Symbol) CompileToObject(string function)
    {
        var (module, tag) = Parse([function]);
        string name = NameOf(function).Replace("$", tag, StringComparison.Ordinal);
        return (CompilePipeline.CompileToObject(module, name, CompileSettings.Defaults), NativeSymbols.For(name));
    }

    [Fact]
    public void A_loaded_kernel_allocates_and_returns_a_dotnet_array()
    {
        // int[] Make(int n) { var a = new int[n]; a[0] = 42; return a; }
        var (code, symbol) = CompileToObject(Func("T$::Make", "i32[]", "entry", ["param i32 n", "local i32[] a"],
            "ldarg", "newarr t=i32[]", "stloc", "ldloc", "const t=i32", "const t=i32 i=42", "stelem t2=i32[]", "ldloc", "ret"));
        var f = (delegate* unmanaged<long*, int, int>)ObjectLoader.Load(code, symbol);
        long* result = stackalloc long[2];
        int mark = Allocations.Enter();
        f(result, 5).ShouldBe(0);
        result[1].ShouldBe(5);
        var array = Allocations.Returned((nint)result[0], mark).ShouldBeOfType<int[]>();
        array.ShouldBe([42, 0, 0, 0, 0]);
        Allocations.Exit(mark);
        Allocations.Enter().ShouldBe(mark);

        f(result, -1).ShouldBe((int)Status.Raised);
        StatusThrower.Create((int)Status.Raised).ShouldBeOfType<OverflowException>();
        Allocations.Enter().ShouldBe(mark);
    }

    [Fact]
    public void A_loaded_CopyTo_raises_the_dotnet_exception()
    {
        // void Copy(span<f64> s, span<f64> d) { s.CopyTo(d); }
        var (code, symbol) = CompileToObject(Func("T$::Copy", "void", "entry", ["param span<f64> s", "param span<f64> d"],
            "ldarg i=0", "ldarg i=1", "copyto t=span<f64> t2=span<f64>", "ret"));
        var f = (delegate* unmanaged<byte*, double*, long, double*, long, int>)ObjectLoader.Load(code, symbol);
        double* source = stackalloc double[] { 1.5, 2.5 };
        double* destination = stackalloc double[3];
        f(null, source, 2, destination, 3).ShouldBe(0);
        destination[1].ShouldBe(2.5);
        f(null, source, 2, destination, 1).ShouldBe((int)Status.Raised);
        StatusThrower.Create((int)Status.Raised).ShouldBeOfType<ArgumentException>().ParamName.ShouldBe("destination");
    }
}
