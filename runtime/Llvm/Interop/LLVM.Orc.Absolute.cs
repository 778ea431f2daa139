// Raw imports from llvm-c/Orc.h for absolute symbols: addresses of host functions defined in a JITDylib.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

/// <summary><c>LLVMOrcCSymbolMapPair</c>: a name (retained pool entry) and an evaluated symbol (address, flags).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct LLVMOrcCSymbolMapPair
{
    public LLVMOrcSymbolStringPoolEntryRef Name;
    public ulong Address;
    public byte GenericFlags;
    public byte TargetFlags;
}

public static unsafe partial class LLVM
{
    /// <summary>LLVMJITSymbolGenericFlagsExported | LLVMJITSymbolGenericFlagsCallable.</summary>
    public const byte JITSymbolExportedCallable = 1 | 4; // Orc.h: Exported = 1 << 0, Weak = 1 << 1, Callable = 1 << 2

    // Takes ownership of the names (already retained by OrcExecutionSessionIntern).
    [LibraryImport(Lib, EntryPoint = "LLVMOrcAbsoluteSymbols")]
    public static partial LLVMOrcMaterializationUnitRef OrcAbsoluteSymbols(LLVMOrcCSymbolMapPair* symbols, nuint count);

    // Takes ownership of the materialization unit.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITDylibDefine")]
    public static partial LLVMErrorRef OrcJITDylibDefine(LLVMOrcJITDylibRef dylib, LLVMOrcMaterializationUnitRef unit);
}
