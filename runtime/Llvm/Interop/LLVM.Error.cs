// Raw imports from llvm-c/Error.h: LLVMErrorRef messages and disposal.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    [LibraryImport(Lib, EntryPoint = "LLVMGetErrorTypeId")]
    public static partial nint GetErrorTypeId(LLVMErrorRef err);

    // Discards an error without reading it.
    [LibraryImport(Lib, EntryPoint = "LLVMConsumeError")]
    public static partial void ConsumeError(LLVMErrorRef err);

    // Consumes the error; free the message with DisposeErrorMessage (or use LLVM.TakeErrorMessage).
    [LibraryImport(Lib, EntryPoint = "LLVMGetErrorMessage")]
    public static partial nint GetErrorMessage(LLVMErrorRef err);

    [LibraryImport(Lib, EntryPoint = "LLVMDisposeErrorMessage")]
    public static partial void DisposeErrorMessage(nint errMsg);

    [LibraryImport(Lib, EntryPoint = "LLVMGetStringErrorTypeId")]
    public static partial nint GetStringErrorTypeId();

    [LibraryImport(Lib, EntryPoint = "LLVMCreateStringError", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMErrorRef CreateStringError(string errMsg);
}
