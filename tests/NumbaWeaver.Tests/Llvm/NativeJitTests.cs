// End-to-end smoke tests of the LLVM binding: hand-built IR -> O3 -> LLJIT -> call through a function pointer.
using System;
using System.Diagnostics;
using NumbaWeaver.Llvm;
using NumbaWeaver.Llvm.Interop;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace NumbaWeaver.Tests.Llvm;

public sealed unsafe class NativeJitTests
{
    private readonly ITestOutputHelper output;

    public NativeJitTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Add_is_compiled_optimized_and_called()
    {
        NativeJit jit = StartJit();
        LlvmLibrary.MajorVersion.ShouldBeGreaterThanOrEqualTo(LlvmLibrary.MinimumMajorVersion);

        var clock = Stopwatch.StartNew();
        nint address;
        lock (jit.SyncRoot)
        {
            LLVMModuleRef module = jit.CreateModule("test_add");
            BuildAdd(jit.Context, module, "nwtest_add");
            LLVM.Verify(module).ShouldBeNull();
            Optimizer.Run(module, jit.TargetMachine, 3);
            address = jit.AddModuleAndLookup(module, "nwtest_add");
        }

        double compileMs = clock.Elapsed.TotalMilliseconds;
        output.WriteLine($"LLVM {LlvmLibrary.Version} from {LlvmLibrary.LoadedPath}; host {jit.Host.Triple} {jit.Host.CpuName}");
        output.WriteLine($"init: load libLLVM {LlvmLibrary.LoadTime.TotalMilliseconds:F1} ms + target and LLJIT {jit.InitTime.TotalMilliseconds:F1} ms; " +
                         $"compile of add (IR + O3 + codegen + link): {compileMs:F1} ms");

        var add = (delegate* unmanaged<int*, int, int, int>)address;
        int result = 0;
        add(&result, 40, 2).ShouldBe(0);
        result.ShouldBe(42);
        add(&result, int.MaxValue, 1).ShouldBe(0);
        result.ShouldBe(int.MinValue);
    }

    [Fact]
    public void Sqrt_intrinsic_and_libm_cbrt_match_Math()
    {
        NativeJit jit = StartJit();
        nint address;
        lock (jit.SyncRoot)
        {
            LLVMModuleRef module = jit.CreateModule("test_math");
            LLVMContextRef c = jit.Context;
            LLVMTypeRef f64 = LLVM.DoubleTypeInContext(c);
            LLVMTypeRef ptr = LLVM.PointerTypeInContext(c, 0);
            LLVMTypeRef i32 = LLVM.Int32TypeInContext(c);

            // i32 nwtest_math(ptr out, double x): out[0] = sqrt(x), out[1] = cbrt(x)
            LLVMTypeRef fnType = LLVM.FunctionType(i32, [ptr, f64]);
            LLVMValueRef fn = LLVM.AddFunction(module, "nwtest_math", fnType);
            LLVMTypeRef unaryType = LLVM.FunctionType(f64, [f64]);
            LLVMValueRef cbrt = LLVM.AddFunction(module, "cbrt", unaryType);
            uint sqrtId = LLVM.LookupIntrinsicID("llvm.sqrt");
            sqrtId.ShouldNotBe(0u);
            LLVMValueRef sqrt = LLVM.GetIntrinsicDeclaration(module, sqrtId, f64);

            LLVMBuilderRef b = LLVM.CreateBuilderInContext(c);
            LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
            LLVMValueRef outPtr = LLVM.GetParam(fn, 0);
            LLVMValueRef x = LLVM.GetParam(fn, 1);
            LLVMValueRef root = LLVM.BuildCall2(b, LLVM.IntrinsicGetType(c, sqrtId, f64), sqrt, [x], "root");
            LLVMValueRef cube = LLVM.BuildCall2(b, unaryType, cbrt, [x], "cube");
            LLVM.BuildStore(b, root, outPtr);
            LLVMValueRef second = LLVM.BuildInBoundsGEP2(b, f64, outPtr, [LLVM.ConstInt(LLVM.Int64TypeInContext(c), 1, 0)], "second");
            LLVM.BuildStore(b, cube, second);
            LLVM.BuildRet(b, LLVM.ConstInt(i32, 0, 0));
            LLVM.DisposeBuilder(b);

            LLVM.Verify(module).ShouldBeNull();
            Optimizer.Run(module, jit.TargetMachine, 3);
            address = jit.AddModuleAndLookup(module, "nwtest_math");
        }

        var math = (delegate* unmanaged<double*, double, int>)address;
        double* results = stackalloc double[2];
        foreach (double x in new[] { 2.0, 27.0, 0.5, 1e300, -8.0 })
        {
            math(results, x).ShouldBe(0);
            results[0].ShouldBe(Math.Sqrt(x));
            results[1].ShouldBe(Math.Cbrt(x));
        }
    }

    [Fact]
    public void EmitAssembly_uses_host_fma_and_leaves_the_module_usable()
    {
        NativeJit jit = StartJit();
        string assembly;
        nint address;
        lock (jit.SyncRoot)
        {
            LLVMModuleRef module = jit.CreateModule("test_fma");
            BuildFma4(jit.Context, module, "nwtest_fma4");
            Optimizer.Run(module, jit.TargetMachine, 3);
            assembly = jit.EmitAssembly(module);
            LLVM.Verify(module).ShouldBeNull();
            address = jit.AddModuleAndLookup(module, "nwtest_fma4");
        }

        assembly.ShouldContain("nwtest_fma4");
        if (jit.Host.Features.Contains("+fma", StringComparison.Ordinal))
        {
            assembly.ShouldContain("vfmadd");
        }

        double* a = stackalloc double[] { 1, 2, 3, 4 };
        double* m = stackalloc double[] { 0.5, 0.25, 2, -1 };
        double* c = stackalloc double[] { 10, 20, 30, 40 };
        double* r = stackalloc double[4];
        ((delegate* unmanaged<double*, double*, double*, double*, int>)address)(r, a, m, c).ShouldBe(0);
        for (int i = 0; i < 4; i++)
        {
            r[i].ShouldBe(Math.FusedMultiplyAdd(a[i], m[i], c[i]));
        }
    }

    [Fact]
    public void An_emitted_object_loads_back_into_the_jit()
    {
        NativeJit jit = StartJit();
        nint address;
        lock (jit.SyncRoot)
        {
            LLVMModuleRef module = jit.CreateModule("test_object");
            BuildAdd(jit.Context, module, "nwtest_object_add");
            Optimizer.Run(module, jit.TargetMachine, 3);
            byte[] objectFile = jit.EmitObject(module);
            LLVM.DisposeModule(module);
            objectFile.Length.ShouldBeGreaterThan(4);
            address = jit.AddObjectAndLookup(objectFile, "nwtest_object_add");
        }

        int result = 0;
        ((delegate* unmanaged<int*, int, int, int>)address)(&result, 5, 6).ShouldBe(0);
        result.ShouldBe(11);
    }

    [Fact]
    public void Errors_surface_as_exceptions()
    {
        NativeJit jit = StartJit();
        Should.Throw<LlvmException>(() => jit.Lookup("nwtest_no_such_symbol")).Message.ShouldContain("nwtest_no_such_symbol");

        LLVMContextRef other = LLVM.ContextCreate();
        LLVMModuleRef foreign = LLVM.ModuleCreateWithNameInContext("foreign", other);
        try
        {
            Should.Throw<ArgumentException>(() => jit.AddModule(foreign));
        }
        finally
        {
            LLVM.DisposeModule(foreign);
            LLVM.ContextDispose(other);
        }
    }

    private static NativeJit StartJit()
    {
        NativeJit.TryGetInstance(out NativeJit? jit, out string? error).ShouldBeTrue(error);
        return jit!;
    }

    // i32 name(ptr ret, i32 a, i32 b) { *ret = a + b; return 0; }
    private static void BuildAdd(LLVMContextRef c, LLVMModuleRef module, string name)
    {
        LLVMTypeRef i32 = LLVM.Int32TypeInContext(c);
        LLVMTypeRef ptr = LLVM.PointerTypeInContext(c, 0);
        LLVMValueRef fn = LLVM.AddFunction(module, name, LLVM.FunctionType(i32, [ptr, i32, i32]));
        LLVMBuilderRef b = LLVM.CreateBuilderInContext(c);
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
        LLVMValueRef sum = LLVM.BuildAdd(b, LLVM.GetParam(fn, 1), LLVM.GetParam(fn, 2), "sum");
        LLVM.BuildStore(b, sum, LLVM.GetParam(fn, 0));
        LLVM.BuildRet(b, LLVM.ConstInt(i32, 0, 0));
        LLVM.DisposeBuilder(b);
    }

    // i32 name(ptr r, ptr a, ptr m, ptr c) { <4 x double> r = llvm.fma(a, m, c); return 0; }
    private static void BuildFma4(LLVMContextRef c, LLVMModuleRef module, string name)
    {
        LLVMTypeRef i32 = LLVM.Int32TypeInContext(c);
        LLVMTypeRef ptr = LLVM.PointerTypeInContext(c, 0);
        LLVMTypeRef v4 = LLVM.VectorType(LLVM.DoubleTypeInContext(c), 4);
        LLVMValueRef fn = LLVM.AddFunction(module, name, LLVM.FunctionType(i32, [ptr, ptr, ptr, ptr]));
        uint fmaId = LLVM.LookupIntrinsicID("llvm.fma");
        LLVMValueRef fma = LLVM.GetIntrinsicDeclaration(module, fmaId, v4);

        LLVMBuilderRef b = LLVM.CreateBuilderInContext(c);
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
        LLVMValueRef Load(uint index, string label)
        {
            LLVMValueRef load = LLVM.BuildLoad2(b, v4, LLVM.GetParam(fn, index), label);
            LLVM.SetAlignment(load, 8);
            return load;
        }

        LLVMValueRef result = LLVM.BuildCall2(b, LLVM.IntrinsicGetType(c, fmaId, v4), fma, [Load(1, "a"), Load(2, "m"), Load(3, "c")], "r");
        LLVMValueRef store = LLVM.BuildStore(b, result, LLVM.GetParam(fn, 0));
        LLVM.SetAlignment(store, 8);
        LLVM.BuildRet(b, LLVM.ConstInt(i32, 0, 0));
        LLVM.DisposeBuilder(b);
    }
}
