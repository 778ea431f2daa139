// Raw imports from llvm-c/Linker.h: link one module into another.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // Links src into dest and destroys src. Returns 1 on error.
    [LibraryImport(Lib, EntryPoint = "LLVMLinkModules2")]
    public static partial int LinkModules2(LLVMModuleRef dest, LLVMModuleRef src);
}
