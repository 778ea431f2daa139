// Entry points that take arrays of LLVM handles, pinned here: the generated array marshaller over our handle types
// would be compiled at run time on a process's first compile (docs/cache.md).
namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    public static LLVMTypeRef FunctionType(LLVMTypeRef returnType, LLVMTypeRef[] paramTypes, uint paramCount, int isVarArg)
    {
        fixed (LLVMTypeRef* paramTypesPointer = paramTypes)
            return FunctionTypeNative(returnType, paramTypesPointer, paramCount, isVarArg);
    }

    public static LLVMTypeRef StructTypeInContext(LLVMContextRef c, LLVMTypeRef[] elementTypes, uint elementCount, int packed)
    {
        fixed (LLVMTypeRef* elementTypesPointer = elementTypes)
            return StructTypeInContextNative(c, elementTypesPointer, elementCount, packed);
    }

    public static LLVMValueRef BuildGEP2(LLVMBuilderRef b, LLVMTypeRef ty, LLVMValueRef pointer, LLVMValueRef[] indices, uint numIndices, string name)
    {
        fixed (LLVMValueRef* indicesPointer = indices)
            return BuildGEP2Native(b, ty, pointer, indicesPointer, numIndices, name);
    }

    public static LLVMValueRef BuildInBoundsGEP2(LLVMBuilderRef b, LLVMTypeRef ty, LLVMValueRef pointer, LLVMValueRef[] indices, uint numIndices, string name)
    {
        fixed (LLVMValueRef* indicesPointer = indices)
            return BuildInBoundsGEP2Native(b, ty, pointer, indicesPointer, numIndices, name);
    }

    public static LLVMValueRef BuildCall2(LLVMBuilderRef builder, LLVMTypeRef type, LLVMValueRef fn, LLVMValueRef[] args, uint numArgs, string name)
    {
        fixed (LLVMValueRef* argsPointer = args)
            return BuildCall2Native(builder, type, fn, argsPointer, numArgs, name);
    }

    public static LLVMValueRef GetIntrinsicDeclaration(LLVMModuleRef mod, uint id, LLVMTypeRef[] paramTypes, nuint paramCount)
    {
        fixed (LLVMTypeRef* paramTypesPointer = paramTypes)
            return GetIntrinsicDeclarationNative(mod, id, paramTypesPointer, paramCount);
    }

    public static LLVMTypeRef IntrinsicGetType(LLVMContextRef ctx, uint id, LLVMTypeRef[] paramTypes, nuint paramCount)
    {
        fixed (LLVMTypeRef* paramTypesPointer = paramTypes)
            return IntrinsicGetTypeNative(ctx, id, paramTypesPointer, paramCount);
    }

    public static void AddIncoming(LLVMValueRef phiNode, LLVMValueRef[] incomingValues, LLVMBasicBlockRef[] incomingBlocks, uint count)
    {
        fixed (LLVMValueRef* incomingValuesPointer = incomingValues)
        fixed (LLVMBasicBlockRef* incomingBlocksPointer = incomingBlocks)
            AddIncomingNative(phiNode, incomingValuesPointer, incomingBlocksPointer, count);
    }
}
