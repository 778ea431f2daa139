// Raw imports from llvm-c/IRReader.h: parse textual or bitcode IR into a module.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // Takes ownership of the memory buffer.
    [LibraryImport(Lib, EntryPoint = "LLVMParseIRInContext")]
    public static partial int ParseIRInContext(LLVMContextRef contextRef, LLVMMemoryBufferRef memBuf, out LLVMModuleRef outM, out nint outMessage);
}
