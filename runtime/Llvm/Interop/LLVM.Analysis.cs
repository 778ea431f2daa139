// Raw imports from llvm-c/Analysis.h: the IR verifier.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // Returns 1 when invalid; always free outMessage with LLVM.TakeMessage (or use LLVM.Verify).
    [LibraryImport(Lib, EntryPoint = "LLVMVerifyModule")]
    public static partial int VerifyModule(LLVMModuleRef m, LLVMVerifierFailureAction action, out nint outMessage);

    [LibraryImport(Lib, EntryPoint = "LLVMVerifyFunction")]
    public static partial int VerifyFunction(LLVMValueRef fn, LLVMVerifierFailureAction action);
}
