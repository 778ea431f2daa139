// Raw imports from llvm-c/TargetMachine.h: targets, target machines, code emission and the host description.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // Targets
    [LibraryImport(Lib, EntryPoint = "LLVMGetFirstTarget")]
    public static partial LLVMTargetRef GetFirstTarget();

    [LibraryImport(Lib, EntryPoint = "LLVMGetNextTarget")]
    public static partial LLVMTargetRef GetNextTarget(LLVMTargetRef t);

    [LibraryImport(Lib, EntryPoint = "LLVMGetTargetFromName", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMTargetRef GetTargetFromName(string name);

    [LibraryImport(Lib, EntryPoint = "LLVMGetTargetFromTriple", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial int GetTargetFromTriple(string triple, out LLVMTargetRef t, out nint errorMessage);

    [LibraryImport(Lib, EntryPoint = "LLVMGetTargetName")]
    public static partial nint GetTargetName(LLVMTargetRef t);

    [LibraryImport(Lib, EntryPoint = "LLVMGetTargetDescription")]
    public static partial nint GetTargetDescription(LLVMTargetRef t);

    [LibraryImport(Lib, EntryPoint = "LLVMTargetHasJIT")]
    public static partial int TargetHasJIT(LLVMTargetRef t);

    [LibraryImport(Lib, EntryPoint = "LLVMTargetHasTargetMachine")]
    public static partial int TargetHasTargetMachine(LLVMTargetRef t);

    // Target machines
    [LibraryImport(Lib, EntryPoint = "LLVMCreateTargetMachine", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMTargetMachineRef CreateTargetMachine(LLVMTargetRef t, string triple, string cpu, string features, LLVMCodeGenOptLevel level, LLVMRelocMode reloc, LLVMCodeModel codeModel);

    [LibraryImport(Lib, EntryPoint = "LLVMDisposeTargetMachine")]
    public static partial void DisposeTargetMachine(LLVMTargetMachineRef t);

    [LibraryImport(Lib, EntryPoint = "LLVMGetTargetMachineTarget")]
    public static partial LLVMTargetRef GetTargetMachineTarget(LLVMTargetMachineRef t);

    // Returns a string to free with LLVM.TakeMessage (as do the CPU/feature getters, GetDefaultTargetTriple, NormalizeTargetTriple and GetHostCPU*).
    [LibraryImport(Lib, EntryPoint = "LLVMGetTargetMachineTriple")]
    public static partial nint GetTargetMachineTriple(LLVMTargetMachineRef t);

    [LibraryImport(Lib, EntryPoint = "LLVMGetTargetMachineCPU")]
    public static partial nint GetTargetMachineCPU(LLVMTargetMachineRef t);

    [LibraryImport(Lib, EntryPoint = "LLVMGetTargetMachineFeatureString")]
    public static partial nint GetTargetMachineFeatureString(LLVMTargetMachineRef t);

    [LibraryImport(Lib, EntryPoint = "LLVMCreateTargetDataLayout")]
    public static partial LLVMTargetDataRef CreateTargetDataLayout(LLVMTargetMachineRef t);

    [LibraryImport(Lib, EntryPoint = "LLVMSetTargetMachineAsmVerbosity")]
    public static partial void SetTargetMachineAsmVerbosity(LLVMTargetMachineRef t, int verboseAsm);

    [LibraryImport(Lib, EntryPoint = "LLVMTargetMachineEmitToFile", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial int TargetMachineEmitToFile(LLVMTargetMachineRef t, LLVMModuleRef m, string filename, LLVMCodeGenFileType codegen, out nint errorMessage);

    // Returns 1 on failure (errorMessage: LLVM.TakeMessage). Does not take the module, but codegen preparation rewrites its IR.
    [LibraryImport(Lib, EntryPoint = "LLVMTargetMachineEmitToMemoryBuffer")]
    public static partial int TargetMachineEmitToMemoryBuffer(LLVMTargetMachineRef t, LLVMModuleRef m, LLVMCodeGenFileType codegen, out nint errorMessage, out LLVMMemoryBufferRef outMemBuf);

    // Host description
    [LibraryImport(Lib, EntryPoint = "LLVMGetDefaultTargetTriple")]
    public static partial nint GetDefaultTargetTriple();

    [LibraryImport(Lib, EntryPoint = "LLVMNormalizeTargetTriple", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial nint NormalizeTargetTriple(string triple);

    [LibraryImport(Lib, EntryPoint = "LLVMGetHostCPUName")]
    public static partial nint GetHostCPUName();

    [LibraryImport(Lib, EntryPoint = "LLVMGetHostCPUFeatures")]
    public static partial nint GetHostCPUFeatures();
}
