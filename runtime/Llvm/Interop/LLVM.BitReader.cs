// Raw imports from llvm-c/BitReader.h: load a module from bitcode.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // Does not take ownership of the memory buffer.
    [LibraryImport(Lib, EntryPoint = "LLVMParseBitcodeInContext2")]
    public static partial int ParseBitcodeInContext2(LLVMContextRef contextRef, LLVMMemoryBufferRef memBuf, out LLVMModuleRef outModule);
}
