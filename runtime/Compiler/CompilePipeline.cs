// The runtime compile pipeline, one step per line: IR -> verify -> LLVM IR -> O3 -> machine code.
using System;
using System.Diagnostics;
using System.Threading;
using NumbaWeaver.Backend;
using NumbaWeaver.Config;
using NumbaWeaver.Dispatch;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm;

namespace NumbaWeaver.Compiler;

/// <summary>Compiles one entry function (and its callees) to native code and returns its address.</summary>
public static partial class CompilePipeline
{
    public static nint Compile(IrModule module, string entryName)
    {
        var total = Stopwatch.StartNew();
        var entry = module.Find(entryName) ?? throw new InvalidOperationException($"no IR function '{entryName}'");
        Verify(module, entry);                                                      // 1. IR invariants
        if (!LlvmLibrary.TryLoad(out var loadError))                              // 2. libLLVM present?
            throw new NativeCompilerUnavailableException(loadError ?? "libLLVM not found");
        if (NumbaConfig.DumpIr) Dump("NumbaWeaver IR", string.Concat(module.CallClosure(entry).ConvertAll(IrPrinter.Print)));
        if (Parallel.ParallelSettings.Diagnostics) Dump("parallel diagnostics", Parallel.ParallelDiagnostics.Describe(module, entry));
        var jit = NativeJit.Instance;
        var options = new LoweringOptions { BoundsCheckOverride = NumbaConfig.BoundsCheck };
        var timings = new CompileTimings();
        nint address;
        lock (jit.SyncRoot)
        {
            var sw = Stopwatch.StartNew();
            var llvmModule = ModuleLowering.Lower(jit.Context, module, entry, options); // 3. IR -> LLVM IR
            timings.LowerMs = Lap(sw);
            if (NumbaConfig.DumpLlvm) Dump("LLVM IR", jit.PrintModule(llvmModule));
            Optimizer.Run(llvmModule, jit.TargetMachine, NumbaConfig.OptLevel);   // 4. default<O3> for the host CPU
            timings.OptimizeMs = Lap(sw);
            if (NumbaConfig.DumpOptimized) Dump("optimized LLVM IR", jit.PrintModule(llvmModule));
            if (NumbaConfig.DumpAssembly) Dump("assembly", jit.EmitAssembly(llvmModule));
            address = jit.AddModuleAndLookup(llvmModule, NativeSymbols.For(entry.Name)); // 5. machine code (ORC LLJIT)
            timings.CodegenMs = Lap(sw);
        }
        timings.TotalMs = total.Elapsed.TotalMilliseconds;
        CompileTimings.Record(entryName, timings);                                  // 6. observability
        Interlocked.Increment(ref Statistics.CompileCount);
        return address;
    }

    private static void Verify(IrModule module, IrFunction entry)
    {
        foreach (var f in module.CallClosure(entry))
        {
            var errors = IrVerifier.Verify(f, module);
            if (errors.Count > 0)
                throw new InvalidOperationException($"invalid IR in {f.Name}: {string.Join("; ", errors)}");
        }
    }

    private static double Lap(Stopwatch sw)
    {
        var ms = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        return ms;
    }

    private static void Dump(string title, string text)
    {
        Console.Out.WriteLine($"---- {title} ----");
        Console.Out.WriteLine(text);
    }
}
