// Raw imports from llvm-c/Core.h, part 1: version, messages, contexts, modules, types and memory buffers.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // Version and messages
    [LibraryImport(Lib, EntryPoint = "LLVMGetVersion")]
    public static partial void GetVersion(out uint major, out uint minor, out uint patch);

    [LibraryImport(Lib, EntryPoint = "LLVMCreateMessage", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial nint CreateMessage(string message);

    [LibraryImport(Lib, EntryPoint = "LLVMDisposeMessage")]
    public static partial void DisposeMessage(nint message);

    // Contexts
    [LibraryImport(Lib, EntryPoint = "LLVMContextCreate")]
    public static partial LLVMContextRef ContextCreate();

    [LibraryImport(Lib, EntryPoint = "LLVMContextDispose")]
    public static partial void ContextDispose(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMContextSetDiscardValueNames")]
    public static partial void ContextSetDiscardValueNames(LLVMContextRef c, int discard);

    [LibraryImport(Lib, EntryPoint = "LLVMContextShouldDiscardValueNames")]
    public static partial int ContextShouldDiscardValueNames(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMGetMDKindIDInContext", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial uint GetMDKindIDInContext(LLVMContextRef c, string name, uint sLen);

    // Modules
    [LibraryImport(Lib, EntryPoint = "LLVMModuleCreateWithNameInContext", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMModuleRef ModuleCreateWithNameInContext(string moduleID, LLVMContextRef c);

    // A deep copy in the same context; the caller owns it.
    [LibraryImport(Lib, EntryPoint = "LLVMCloneModule")]
    public static partial LLVMModuleRef CloneModule(LLVMModuleRef m);

    [LibraryImport(Lib, EntryPoint = "LLVMDisposeModule")]
    public static partial void DisposeModule(LLVMModuleRef m);

    [LibraryImport(Lib, EntryPoint = "LLVMGetModuleContext")]
    public static partial LLVMContextRef GetModuleContext(LLVMModuleRef m);

    [LibraryImport(Lib, EntryPoint = "LLVMGetModuleIdentifier")]
    public static partial nint GetModuleIdentifier(LLVMModuleRef m, out nuint len);

    [LibraryImport(Lib, EntryPoint = "LLVMSetModuleIdentifier", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial void SetModuleIdentifier(LLVMModuleRef m, string ident, nuint len);

    [LibraryImport(Lib, EntryPoint = "LLVMGetDataLayoutStr")]
    public static partial nint GetDataLayoutStr(LLVMModuleRef m);

    [LibraryImport(Lib, EntryPoint = "LLVMSetDataLayout", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial void SetDataLayout(LLVMModuleRef m, string dataLayoutStr);

    [LibraryImport(Lib, EntryPoint = "LLVMGetTarget")]
    public static partial nint GetTarget(LLVMModuleRef m);

    [LibraryImport(Lib, EntryPoint = "LLVMSetTarget", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial void SetTarget(LLVMModuleRef m, string triple);

    // Returns a string to free with LLVM.TakeMessage (or use LLVM.PrintModule).
    [LibraryImport(Lib, EntryPoint = "LLVMPrintModuleToString")]
    public static partial nint PrintModuleToString(LLVMModuleRef m);

    [LibraryImport(Lib, EntryPoint = "LLVMPrintModuleToFile", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial int PrintModuleToFile(LLVMModuleRef m, string filename, out nint errorMessage);

    [LibraryImport(Lib, EntryPoint = "LLVMDumpModule")]
    public static partial void DumpModule(LLVMModuleRef m);

    [LibraryImport(Lib, EntryPoint = "LLVMAddFunction", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef AddFunction(LLVMModuleRef m, string name, LLVMTypeRef functionTy);

    [LibraryImport(Lib, EntryPoint = "LLVMGetNamedFunction", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef GetNamedFunction(LLVMModuleRef m, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMGetFirstFunction")]
    public static partial LLVMValueRef GetFirstFunction(LLVMModuleRef m);

    [LibraryImport(Lib, EntryPoint = "LLVMGetNextFunction")]
    public static partial LLVMValueRef GetNextFunction(LLVMValueRef fn);

    [LibraryImport(Lib, EntryPoint = "LLVMGetTypeByName2", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMTypeRef GetTypeByName2(LLVMContextRef c, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMAddModuleFlag", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial void AddModuleFlag(LLVMModuleRef m, LLVMModuleFlagBehavior behavior, string key, nuint keyLen, LLVMMetadataRef val);

    // Types
    [LibraryImport(Lib, EntryPoint = "LLVMGetTypeKind")]
    public static partial LLVMTypeKind GetTypeKind(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMTypeIsSized")]
    public static partial int TypeIsSized(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMGetTypeContext")]
    public static partial LLVMContextRef GetTypeContext(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMPrintTypeToString")]
    public static partial nint PrintTypeToString(LLVMTypeRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMInt1TypeInContext")]
    public static partial LLVMTypeRef Int1TypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMInt8TypeInContext")]
    public static partial LLVMTypeRef Int8TypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMInt16TypeInContext")]
    public static partial LLVMTypeRef Int16TypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMInt32TypeInContext")]
    public static partial LLVMTypeRef Int32TypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMInt64TypeInContext")]
    public static partial LLVMTypeRef Int64TypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMInt128TypeInContext")]
    public static partial LLVMTypeRef Int128TypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMIntTypeInContext")]
    public static partial LLVMTypeRef IntTypeInContext(LLVMContextRef c, uint numBits);

    [LibraryImport(Lib, EntryPoint = "LLVMGetIntTypeWidth")]
    public static partial uint GetIntTypeWidth(LLVMTypeRef integerTy);

    [LibraryImport(Lib, EntryPoint = "LLVMHalfTypeInContext")]
    public static partial LLVMTypeRef HalfTypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMBFloatTypeInContext")]
    public static partial LLVMTypeRef BFloatTypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMFloatTypeInContext")]
    public static partial LLVMTypeRef FloatTypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMDoubleTypeInContext")]
    public static partial LLVMTypeRef DoubleTypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMVoidTypeInContext")]
    public static partial LLVMTypeRef VoidTypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMLabelTypeInContext")]
    public static partial LLVMTypeRef LabelTypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMMetadataTypeInContext")]
    public static partial LLVMTypeRef MetadataTypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMTokenTypeInContext")]
    public static partial LLVMTypeRef TokenTypeInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMFunctionType")]
    private static partial LLVMTypeRef FunctionTypeNative(LLVMTypeRef returnType, LLVMTypeRef* paramTypes, uint paramCount, int isVarArg);

    [LibraryImport(Lib, EntryPoint = "LLVMIsFunctionVarArg")]
    public static partial int IsFunctionVarArg(LLVMTypeRef functionTy);

    [LibraryImport(Lib, EntryPoint = "LLVMGetReturnType")]
    public static partial LLVMTypeRef GetReturnType(LLVMTypeRef functionTy);

    [LibraryImport(Lib, EntryPoint = "LLVMCountParamTypes")]
    public static partial uint CountParamTypes(LLVMTypeRef functionTy);

    [LibraryImport(Lib, EntryPoint = "LLVMGetParamTypes")]
    public static partial void GetParamTypes(LLVMTypeRef functionTy, [Out] LLVMTypeRef[] dest);

    [LibraryImport(Lib, EntryPoint = "LLVMStructTypeInContext")]
    private static partial LLVMTypeRef StructTypeInContextNative(LLVMContextRef c, LLVMTypeRef* elementTypes, uint elementCount, int packed);

    [LibraryImport(Lib, EntryPoint = "LLVMStructCreateNamed", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMTypeRef StructCreateNamed(LLVMContextRef c, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMStructSetBody")]
    public static partial void StructSetBody(LLVMTypeRef structTy, LLVMTypeRef[] elementTypes, uint elementCount, int packed);

    [LibraryImport(Lib, EntryPoint = "LLVMGetStructName")]
    public static partial nint GetStructName(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMCountStructElementTypes")]
    public static partial uint CountStructElementTypes(LLVMTypeRef structTy);

    [LibraryImport(Lib, EntryPoint = "LLVMGetStructElementTypes")]
    public static partial void GetStructElementTypes(LLVMTypeRef structTy, [Out] LLVMTypeRef[] dest);

    [LibraryImport(Lib, EntryPoint = "LLVMStructGetTypeAtIndex")]
    public static partial LLVMTypeRef StructGetTypeAtIndex(LLVMTypeRef structTy, uint i);

    [LibraryImport(Lib, EntryPoint = "LLVMIsPackedStruct")]
    public static partial int IsPackedStruct(LLVMTypeRef structTy);

    [LibraryImport(Lib, EntryPoint = "LLVMIsOpaqueStruct")]
    public static partial int IsOpaqueStruct(LLVMTypeRef structTy);

    [LibraryImport(Lib, EntryPoint = "LLVMIsLiteralStruct")]
    public static partial int IsLiteralStruct(LLVMTypeRef structTy);

    [LibraryImport(Lib, EntryPoint = "LLVMArrayType")]
    public static partial LLVMTypeRef ArrayType(LLVMTypeRef elementType, uint elementCount);



    [LibraryImport(Lib, EntryPoint = "LLVMGetArrayLength2")]
    public static partial ulong GetArrayLength2(LLVMTypeRef arrayTy);

    [LibraryImport(Lib, EntryPoint = "LLVMPointerTypeInContext")]
    public static partial LLVMTypeRef PointerTypeInContext(LLVMContextRef c, uint addressSpace);

    [LibraryImport(Lib, EntryPoint = "LLVMGetPointerAddressSpace")]
    public static partial uint GetPointerAddressSpace(LLVMTypeRef pointerTy);

    [LibraryImport(Lib, EntryPoint = "LLVMVectorType")]
    public static partial LLVMTypeRef VectorType(LLVMTypeRef elementType, uint elementCount);

    [LibraryImport(Lib, EntryPoint = "LLVMGetVectorSize")]
    public static partial uint GetVectorSize(LLVMTypeRef vectorTy);

    [LibraryImport(Lib, EntryPoint = "LLVMGetElementType")]
    public static partial LLVMTypeRef GetElementType(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMGetNumContainedTypes")]
    public static partial uint GetNumContainedTypes(LLVMTypeRef tp);

    // Memory buffers
    // Copies the bytes; the caller owns the buffer unless a consumer (AddObjectFile, ParseIRInContext) takes it.
    [LibraryImport(Lib, EntryPoint = "LLVMCreateMemoryBufferWithMemoryRangeCopy", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMMemoryBufferRef CreateMemoryBufferWithMemoryRangeCopy(byte[] inputData, nuint inputDataLength, string bufferName);

    [LibraryImport(Lib, EntryPoint = "LLVMCreateMemoryBufferWithContentsOfFile", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial int CreateMemoryBufferWithContentsOfFile(string path, out LLVMMemoryBufferRef outMemBuf, out nint outMessage);

    [LibraryImport(Lib, EntryPoint = "LLVMGetBufferStart")]
    public static partial nint GetBufferStart(LLVMMemoryBufferRef memBuf);

    [LibraryImport(Lib, EntryPoint = "LLVMGetBufferSize")]
    public static partial nuint GetBufferSize(LLVMMemoryBufferRef memBuf);

    [LibraryImport(Lib, EntryPoint = "LLVMDisposeMemoryBuffer")]
    public static partial void DisposeMemoryBuffer(LLVMMemoryBufferRef memBuf);
}
