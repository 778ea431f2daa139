// Raw imports of the per-target initialisers from llvm-c/Target.h (exported, unlike the inline LLVMInitializeNative*).
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // Target.h declares these through macros over Targets.def, so they are bound by hand. The
    // LLVMInitializeNative*/LLVMInitializeAll* helpers are static inline and not in the library.

    // X86
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86TargetInfo")]
    public static partial void InitializeX86TargetInfo();

    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86Target")]
    public static partial void InitializeX86Target();

    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86TargetMC")]
    public static partial void InitializeX86TargetMC();

    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86AsmPrinter")]
    public static partial void InitializeX86AsmPrinter();

    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86AsmParser")]
    public static partial void InitializeX86AsmParser();

    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86Disassembler")]
    public static partial void InitializeX86Disassembler();

    // AArch64 (Apple silicon, ARM Linux servers)
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64TargetInfo")]
    public static partial void InitializeAArch64TargetInfo();

    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64Target")]
    public static partial void InitializeAArch64Target();

    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64TargetMC")]
    public static partial void InitializeAArch64TargetMC();

    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64AsmPrinter")]
    public static partial void InitializeAArch64AsmPrinter();

    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64AsmParser")]
    public static partial void InitializeAArch64AsmParser();

    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64Disassembler")]
    public static partial void InitializeAArch64Disassembler();
}
