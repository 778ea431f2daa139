// Links compiled code to the runtime's callbacks: each is defined in the main JITDylib as an absolute symbol.
using NumbaWeaver.Backend;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Llvm;

public sealed unsafe partial class NativeJit
{
    /// <summary>
    /// Defines <see cref="RuntimeSymbols.All"/> once, at JIT creation. Modules and cached objects
    /// refer to these names, so the addresses (which change with every process) never enter
    /// compiled code: ORC resolves them at link time.
    /// </summary>
    private void DefineRuntimeSymbols()
    {
        var session = LLVM.OrcLLJITGetExecutionSession(jit);
        var symbols = RuntimeSymbols.All;
        var pairs = new LLVMOrcCSymbolMapPair[symbols.Count];
        for (int i = 0; i < symbols.Count; i++)
        {
            pairs[i].Name = LLVM.OrcExecutionSessionIntern(session, symbols[i].Name); // retained: the unit takes it
            pairs[i].Sym.Address = (ulong)symbols[i].Address;
            pairs[i].Sym.GenericFlags = LLVM.JITSymbolExported | LLVM.JITSymbolCallable;
        }
        LLVMOrcMaterializationUnitRef unit;
        fixed (LLVMOrcCSymbolMapPair* p = pairs) unit = LLVM.OrcAbsoluteSymbols(p, (nuint)pairs.Length);
        var error = LLVM.OrcJITDylibDefine(mainDylib, unit);
        string? message = LLVM.TakeErrorMessage(error);
        if (message != null)
        {
            LLVM.OrcDisposeMaterializationUnit(unit);
            throw new LlvmException("defining the runtime symbols failed: " + message);
        }
    }
}
