// Raw imports from llvm-c/Target.h: data layouts (the X86/AArch64 initialisers live in LLVM.Target.Init.cs).
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // Target data (data layouts)
    [LibraryImport(Lib, EntryPoint = "LLVMCreateTargetData", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMTargetDataRef CreateTargetData(string stringRep);

    [LibraryImport(Lib, EntryPoint = "LLVMDisposeTargetData")]
    public static partial void DisposeTargetData(LLVMTargetDataRef td);

    [LibraryImport(Lib, EntryPoint = "LLVMCopyStringRepOfTargetData")]
    public static partial nint CopyStringRepOfTargetData(LLVMTargetDataRef td);

    [LibraryImport(Lib, EntryPoint = "LLVMGetModuleDataLayout")]
    public static partial LLVMTargetDataRef GetModuleDataLayout(LLVMModuleRef m);

    [LibraryImport(Lib, EntryPoint = "LLVMSetModuleDataLayout")]
    public static partial void SetModuleDataLayout(LLVMModuleRef m, LLVMTargetDataRef dl);

    [LibraryImport(Lib, EntryPoint = "LLVMPointerSize")]
    public static partial uint PointerSize(LLVMTargetDataRef td);

    [LibraryImport(Lib, EntryPoint = "LLVMIntPtrTypeInContext")]
    public static partial LLVMTypeRef IntPtrTypeInContext(LLVMContextRef c, LLVMTargetDataRef td);

    [LibraryImport(Lib, EntryPoint = "LLVMSizeOfTypeInBits")]
    public static partial ulong SizeOfTypeInBits(LLVMTargetDataRef td, LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMStoreSizeOfType")]
    public static partial ulong StoreSizeOfType(LLVMTargetDataRef td, LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMABISizeOfType")]
    public static partial ulong ABISizeOfType(LLVMTargetDataRef td, LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMABIAlignmentOfType")]
    public static partial uint ABIAlignmentOfType(LLVMTargetDataRef td, LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMPreferredAlignmentOfType")]
    public static partial uint PreferredAlignmentOfType(LLVMTargetDataRef td, LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMOffsetOfElement")]
    public static partial ulong OffsetOfElement(LLVMTargetDataRef td, LLVMTypeRef structTy, uint element);
}
