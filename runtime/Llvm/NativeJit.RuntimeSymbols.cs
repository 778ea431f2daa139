// Defines the runtime's own entry points (parallel-for, raise, static arrays) in the JIT's main dylib as absolute symbols.
using System;
using NumbaWeaver.Backend;
using NumbaWeaver.Llvm.Interop;
using NumbaWeaver.Parallel;

namespace NumbaWeaver.Llvm;

public sealed unsafe partial class NativeJit
{
    /// <summary>
    /// Compiled code calls runtime functions by name (e.g. <c>numbaweaver_parallel_for</c>), so cached
    /// object code stays valid across processes; each process binds the names to its own addresses here.
    /// </summary>
    private void DefineRuntimeSymbols()
    {
        // Copied by hand: LINQ or spreads over these tuples would be jitted on every process's first compile.
        var parallel = ParallelRuntime.Symbols;
        var runtime = RuntimeSymbols.All();
        var symbols = new (string Name, nint Address)[parallel.Length + runtime.Length];
        Array.Copy(parallel, symbols, parallel.Length);
        Array.Copy(runtime, 0, symbols, parallel.Length, runtime.Length);
        var pairs = new LLVMOrcCSymbolMapPair[symbols.Length];
        var session = LLVM.OrcLLJITGetExecutionSession(jit);
        for (int i = 0; i < symbols.Length; i++)
        {
            pairs[i] = new LLVMOrcCSymbolMapPair
            {
                Name = LLVM.OrcExecutionSessionIntern(session, symbols[i].Name),
                Address = (ulong)symbols[i].Address,
                GenericFlags = LLVM.JITSymbolExportedCallable,
            };
        }
        fixed (LLVMOrcCSymbolMapPair* p = pairs)
        {
            var unit = LLVM.OrcAbsoluteSymbols(p, (nuint)pairs.Length);
            LlvmException.ThrowIfError(LLVM.OrcJITDylibDefine(mainDylib, unit), "LLVMOrcJITDylibDefine");
        }
    }
}
