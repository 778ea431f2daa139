// Raw imports from llvm-c/Support.h: process symbols and LLVM command-line options.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    [LibraryImport(Lib, EntryPoint = "LLVMLoadLibraryPermanently", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial int LoadLibraryPermanently(string filename);

    // The framework's marshaller here: Utf8Text handles single strings, not arrays of them (and no first call uses this).
    [LibraryImport(Lib, EntryPoint = "LLVMParseCommandLineOptions", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ParseCommandLineOptions(int argc, string[] argv, string overview);

    [LibraryImport(Lib, EntryPoint = "LLVMSearchForAddressOfSymbol", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial nint SearchForAddressOfSymbol(string symbolName);

    [LibraryImport(Lib, EntryPoint = "LLVMAddSymbol", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial void AddSymbol(string symbolName, nint symbolValue);
}
