// ORC C API for defining absolute symbols: how the JIT links compiled code to the runtime's own callbacks.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

/// <summary><c>LLVMJITSymbolFlags</c> plus the address: <c>LLVMJITEvaluatedSymbol</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct LLVMJITEvaluatedSymbol
{
    public ulong Address;
    public byte GenericFlags;
    public byte TargetFlags;
}

/// <summary><c>LLVMOrcCSymbolMapPair</c>: an interned name and its definition.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct LLVMOrcCSymbolMapPair
{
    public LLVMOrcSymbolStringPoolEntryRef Name;
    public LLVMJITEvaluatedSymbol Sym;
}

public static unsafe partial class LLVM
{
    /// <summary>LLVMJITSymbolGenericFlagsExported.</summary>
    public const byte JITSymbolExported = 1;

    /// <summary>LLVMJITSymbolGenericFlagsCallable.</summary>
    public const byte JITSymbolCallable = 4;

    /// <summary>Takes the (retained) names; the caller owns the returned unit until LLVMOrcJITDylibDefine succeeds.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcAbsoluteSymbols")]
    public static partial LLVMOrcMaterializationUnitRef OrcAbsoluteSymbols(LLVMOrcCSymbolMapPair* syms, nuint numPairs);

    /// <summary>Takes the unit on success; on failure the caller disposes it.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITDylibDefine")]
    public static partial LLVMErrorRef OrcJITDylibDefine(LLVMOrcJITDylibRef jd, LLVMOrcMaterializationUnitRef mu);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeMaterializationUnit")]
    public static partial void OrcDisposeMaterializationUnit(LLVMOrcMaterializationUnitRef mu);
}
