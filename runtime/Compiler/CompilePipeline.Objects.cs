// The compile pipeline's object-code variant: the same steps, ending in a relocatable object for the cache or AOT.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using NumbaWeaver.Backend;
using NumbaWeaver.Cache;
using NumbaWeaver.Config;
using NumbaWeaver.Dispatch;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Compiler;

public static partial class CompilePipeline
{
    // Created under the lock, once per level (a locked Dictionary: ConcurrentDictionary would load another assembly on
    // a process's first compile).
    private static readonly Dictionary<string, HostTarget> LevelTargets = new();

    /// <summary>
    /// Compiles <paramref name="entryName"/> and its callees to an ELF object for the host CPU, or for the x86-64
    /// level <paramref name="cpuLevel"/> (e.g. <c>x86-64-v3</c>, for precompiled code). The object defines the
    /// entry as a global symbol <see cref="NativeSymbols.For"/>; <see cref="ObjectLoader"/> or LLJIT loads it.
    /// </summary>
    public static byte[] CompileToObject(IrModule module, string entryName, CompileSettings settings, string? cpuLevel = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(settings);
        var total = Stopwatch.StartNew();
        var entry = module.Find(entryName) ?? throw new InvalidOperationException($"no IR function '{entryName}'");
        Verify(module, entry);                                                       // 1. IR invariants
        if (!LlvmLibrary.TryLoad(out var loadError))                               // 2. libLLVM present?
            throw new NativeCompilerUnavailableException(loadError ?? "libLLVM not found");
        var jit = NativeJit.Instance;
        var timings = new CompileTimings();
        byte[] objectCode;
        lock (jit.SyncRoot)
        {
            var target = cpuLevel is null ? jit.Host : LevelTarget(cpuLevel);
            var sw = Stopwatch.StartNew();
            var llvmModule = ModuleLowering.Lower(jit.Context, module, entry, settings.ToLoweringOptions()); // 3. IR -> LLVM IR
            try
            {
                target.ConfigureModule(llvmModule);
                timings.LowerMs = Lap(sw);
                if (NumbaConfig.DumpLlvm) Dump("LLVM IR", jit.PrintModule(llvmModule)); // cached entries dump like the others
                Optimizer.Run(llvmModule, target.TargetMachine, settings.OptLevel);   // 4. default<O3> for the target CPU
                timings.OptimizeMs = Lap(sw);
                if (NumbaConfig.DumpOptimized) Dump("optimized LLVM IR", jit.PrintModule(llvmModule));
                objectCode = target.EmitObject(llvmModule);                          // 5. machine code as an ELF object
                timings.CodegenMs = Lap(sw);
            }
            finally
            {
                LLVM.DisposeModule(llvmModule);
            }
        }
        timings.TotalMs = total.Elapsed.TotalMilliseconds;
        CompileTimings.Record(entryName, timings);                                   // 6. observability
        Interlocked.Increment(ref Statistics.CompileCount);
        return objectCode;
    }

    /// <summary>A description of the compiler for cache entry headers (humans read it; keys do not).</summary>
    public static string CompilerDescription(string? cpuLevel) =>
        "LLVM " + LlvmLibrary.Version + " for " + (cpuLevel ?? (NativeJit.TryGetInstance(out var jit, out _) ? jit.Host.CpuName : "host"));

    private static HostTarget LevelTarget(string cpuLevel)
    {
        lock (LevelTargets)
        {
            if (!LevelTargets.TryGetValue(cpuLevel, out var target))
                LevelTargets.Add(cpuLevel, target = HostTarget.Create(cpuName: cpuLevel, features: ""));
            return target;
        }
    }
}
