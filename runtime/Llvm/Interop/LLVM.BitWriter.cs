// Raw imports from llvm-c/BitWriter.h: serialise a module to bitcode.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    [LibraryImport(Lib, EntryPoint = "LLVMWriteBitcodeToMemoryBuffer")]
    public static partial LLVMMemoryBufferRef WriteBitcodeToMemoryBuffer(LLVMModuleRef m);

    [LibraryImport(Lib, EntryPoint = "LLVMWriteBitcodeToFile", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial int WriteBitcodeToFile(LLVMModuleRef m, string path);
}
