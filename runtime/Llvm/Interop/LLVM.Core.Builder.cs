// Raw imports from llvm-c/Core.h, part 3: the instruction builder.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // Builder lifetime and position
    [LibraryImport(Lib, EntryPoint = "LLVMCreateBuilderInContext")]
    public static partial LLVMBuilderRef CreateBuilderInContext(LLVMContextRef c);

    [LibraryImport(Lib, EntryPoint = "LLVMDisposeBuilder")]
    public static partial void DisposeBuilder(LLVMBuilderRef builder);

    [LibraryImport(Lib, EntryPoint = "LLVMPositionBuilder")]
    public static partial void PositionBuilder(LLVMBuilderRef builder, LLVMBasicBlockRef block, LLVMValueRef instr);

    [LibraryImport(Lib, EntryPoint = "LLVMPositionBuilderBefore")]
    public static partial void PositionBuilderBefore(LLVMBuilderRef builder, LLVMValueRef instr);

    [LibraryImport(Lib, EntryPoint = "LLVMPositionBuilderAtEnd")]
    public static partial void PositionBuilderAtEnd(LLVMBuilderRef builder, LLVMBasicBlockRef block);

    [LibraryImport(Lib, EntryPoint = "LLVMGetInsertBlock")]
    public static partial LLVMBasicBlockRef GetInsertBlock(LLVMBuilderRef builder);

    [LibraryImport(Lib, EntryPoint = "LLVMClearInsertionPosition")]
    public static partial void ClearInsertionPosition(LLVMBuilderRef builder);

    // Terminators
    [LibraryImport(Lib, EntryPoint = "LLVMBuildRetVoid")]
    public static partial LLVMValueRef BuildRetVoid(LLVMBuilderRef builder);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildRet")]
    public static partial LLVMValueRef BuildRet(LLVMBuilderRef builder, LLVMValueRef v);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildAggregateRet")]
    public static partial LLVMValueRef BuildAggregateRet(LLVMBuilderRef builder, LLVMValueRef[] retVals, uint n);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildBr")]
    public static partial LLVMValueRef BuildBr(LLVMBuilderRef builder, LLVMBasicBlockRef dest);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildCondBr")]
    public static partial LLVMValueRef BuildCondBr(LLVMBuilderRef builder, LLVMValueRef @if, LLVMBasicBlockRef then, LLVMBasicBlockRef @else);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildSwitch")]
    public static partial LLVMValueRef BuildSwitch(LLVMBuilderRef builder, LLVMValueRef v, LLVMBasicBlockRef @else, uint numCases);

    [LibraryImport(Lib, EntryPoint = "LLVMAddCase")]
    public static partial void AddCase(LLVMValueRef @switch, LLVMValueRef onVal, LLVMBasicBlockRef dest);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildIndirectBr")]
    public static partial LLVMValueRef BuildIndirectBr(LLVMBuilderRef b, LLVMValueRef addr, uint numDests);

    [LibraryImport(Lib, EntryPoint = "LLVMAddDestination")]
    public static partial void AddDestination(LLVMValueRef indirectBr, LLVMBasicBlockRef dest);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildUnreachable")]
    public static partial LLVMValueRef BuildUnreachable(LLVMBuilderRef builder);

    // Arithmetic and bitwise
    // Every Build* takes a name; pass "" for an unnamed value, never null (LLVM reads it as a C string).
    [LibraryImport(Lib, EntryPoint = "LLVMBuildAdd", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildAdd(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildNSWAdd", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildNSWAdd(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildNUWAdd", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildNUWAdd(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFAdd", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFAdd(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildSub", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildSub(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildNSWSub", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildNSWSub(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildNUWSub", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildNUWSub(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFSub", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFSub(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildMul", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildMul(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildNSWMul", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildNSWMul(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildNUWMul", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildNUWMul(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFMul", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFMul(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildUDiv", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildUDiv(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildExactUDiv", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildExactUDiv(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildSDiv", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildSDiv(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildExactSDiv", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildExactSDiv(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFDiv", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFDiv(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildURem", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildURem(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildSRem", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildSRem(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFRem", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFRem(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildShl", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildShl(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildLShr", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildLShr(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildAShr", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildAShr(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildAnd", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildAnd(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildOr", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildOr(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildXor", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildXor(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildBinOp", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildBinOp(LLVMBuilderRef b, LLVMOpcode op, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildNeg", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildNeg(LLVMBuilderRef builder, LLVMValueRef v, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildNSWNeg", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildNSWNeg(LLVMBuilderRef b, LLVMValueRef v, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFNeg", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFNeg(LLVMBuilderRef builder, LLVMValueRef v, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildNot", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildNot(LLVMBuilderRef builder, LLVMValueRef v, string name);

    // Memory
    [LibraryImport(Lib, EntryPoint = "LLVMBuildAlloca", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildAlloca(LLVMBuilderRef builder, LLVMTypeRef ty, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildArrayAlloca", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildArrayAlloca(LLVMBuilderRef builder, LLVMTypeRef ty, LLVMValueRef val, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildLoad2", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildLoad2(LLVMBuilderRef builder, LLVMTypeRef ty, LLVMValueRef pointerVal, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildStore")]
    public static partial LLVMValueRef BuildStore(LLVMBuilderRef builder, LLVMValueRef val, LLVMValueRef ptr);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildGEP2", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    private static partial LLVMValueRef BuildGEP2Native(LLVMBuilderRef b, LLVMTypeRef ty, LLVMValueRef pointer, LLVMValueRef* indices, uint numIndices, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildInBoundsGEP2", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    private static partial LLVMValueRef BuildInBoundsGEP2Native(LLVMBuilderRef b, LLVMTypeRef ty, LLVMValueRef pointer, LLVMValueRef* indices, uint numIndices, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildStructGEP2", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildStructGEP2(LLVMBuilderRef b, LLVMTypeRef ty, LLVMValueRef pointer, uint idx, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildMemSet")]
    public static partial LLVMValueRef BuildMemSet(LLVMBuilderRef b, LLVMValueRef ptr, LLVMValueRef val, LLVMValueRef len, uint align);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildMemCpy")]
    public static partial LLVMValueRef BuildMemCpy(LLVMBuilderRef b, LLVMValueRef dst, uint dstAlign, LLVMValueRef src, uint srcAlign, LLVMValueRef size);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildMemMove")]
    public static partial LLVMValueRef BuildMemMove(LLVMBuilderRef b, LLVMValueRef dst, uint dstAlign, LLVMValueRef src, uint srcAlign, LLVMValueRef size);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildGlobalStringPtr", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildGlobalStringPtr(LLVMBuilderRef b, string str, string name);

    // Casts
    [LibraryImport(Lib, EntryPoint = "LLVMBuildTrunc", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildTrunc(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildZExt", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildZExt(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildSExt", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildSExt(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFPToUI", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFPToUI(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFPToSI", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFPToSI(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildUIToFP", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildUIToFP(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildSIToFP", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildSIToFP(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFPTrunc", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFPTrunc(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFPExt", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFPExt(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildPtrToInt", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildPtrToInt(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildIntToPtr", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildIntToPtr(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildBitCast", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildBitCast(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildZExtOrBitCast", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildZExtOrBitCast(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildSExtOrBitCast", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildSExtOrBitCast(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildTruncOrBitCast", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildTruncOrBitCast(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildCast", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildCast(LLVMBuilderRef b, LLVMOpcode op, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildPointerCast", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildPointerCast(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildIntCast2", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildIntCast2(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, int isSigned, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFPCast", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFPCast(LLVMBuilderRef builder, LLVMValueRef val, LLVMTypeRef destTy, string name);

    // Comparisons, phi, calls, select, vectors, aggregates
    [LibraryImport(Lib, EntryPoint = "LLVMBuildICmp", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildICmp(LLVMBuilderRef builder, LLVMIntPredicate op, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFCmp", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFCmp(LLVMBuilderRef builder, LLVMRealPredicate op, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildPhi", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildPhi(LLVMBuilderRef builder, LLVMTypeRef ty, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildCall2", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    private static partial LLVMValueRef BuildCall2Native(LLVMBuilderRef builder, LLVMTypeRef type, LLVMValueRef fn, LLVMValueRef* args, uint numArgs, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildSelect", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildSelect(LLVMBuilderRef builder, LLVMValueRef @if, LLVMValueRef then, LLVMValueRef @else, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildExtractElement", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildExtractElement(LLVMBuilderRef builder, LLVMValueRef vecVal, LLVMValueRef index, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildInsertElement", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildInsertElement(LLVMBuilderRef builder, LLVMValueRef vecVal, LLVMValueRef eltVal, LLVMValueRef index, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildShuffleVector", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildShuffleVector(LLVMBuilderRef builder, LLVMValueRef v1, LLVMValueRef v2, LLVMValueRef mask, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildExtractValue", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildExtractValue(LLVMBuilderRef builder, LLVMValueRef aggVal, uint index, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildInsertValue", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildInsertValue(LLVMBuilderRef builder, LLVMValueRef aggVal, LLVMValueRef eltVal, uint index, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildFreeze", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFreeze(LLVMBuilderRef builder, LLVMValueRef val, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildIsNull", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildIsNull(LLVMBuilderRef builder, LLVMValueRef val, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildIsNotNull", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildIsNotNull(LLVMBuilderRef builder, LLVMValueRef val, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildPtrDiff2", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildPtrDiff2(LLVMBuilderRef builder, LLVMTypeRef elemTy, LLVMValueRef lhs, LLVMValueRef rhs, string name);

    // Atomics
    [LibraryImport(Lib, EntryPoint = "LLVMBuildFence", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef BuildFence(LLVMBuilderRef b, LLVMAtomicOrdering ordering, int singleThread, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildAtomicRMW")]
    public static partial LLVMValueRef BuildAtomicRMW(LLVMBuilderRef b, LLVMAtomicRMWBinOp op, LLVMValueRef ptr, LLVMValueRef val, LLVMAtomicOrdering ordering, int singleThread);

    [LibraryImport(Lib, EntryPoint = "LLVMBuildAtomicCmpXchg")]
    public static partial LLVMValueRef BuildAtomicCmpXchg(LLVMBuilderRef b, LLVMValueRef ptr, LLVMValueRef cmp, LLVMValueRef @new, LLVMAtomicOrdering successOrdering, LLVMAtomicOrdering failureOrdering, int singleThread);
}
