// Raw imports from llvm-c/Support.h: process symbols and LLVM command-line options.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    [LibraryImport(Lib, EntryPoint = "LLVMLoadLibraryPermanently", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial int LoadLibraryPermanently(string filename);

    // Raw pointers: LlvmOptions passes NUL-terminated ASCII it pinned itself (the framework's string-array marshaller
    // would be jitted on a process's first compile). LLVM exits the process on an unknown option.
    [LibraryImport(Lib, EntryPoint = "LLVMParseCommandLineOptions")]
    public static partial void ParseCommandLineOptions(int argc, byte** argv, byte* overview);

    [LibraryImport(Lib, EntryPoint = "LLVMSearchForAddressOfSymbol", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial nint SearchForAddressOfSymbol(string symbolName);

    [LibraryImport(Lib, EntryPoint = "LLVMAddSymbol", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial void AddSymbol(string symbolName, nint symbolValue);
}
