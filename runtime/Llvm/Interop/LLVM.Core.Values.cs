// Raw imports from llvm-c/Core.h, part 2: values, constants, globals, functions, attributes, metadata, blocks and instructions.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // Any value
    [LibraryImport(Lib, EntryPoint = "LLVMTypeOf")]
    public static partial LLVMTypeRef TypeOf(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMGetValueKind")]
    public static partial LLVMValueKind GetValueKind(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMGetValueName2")]
    public static partial nint GetValueName2(LLVMValueRef val, out nuint length);

    [LibraryImport(Lib, EntryPoint = "LLVMSetValueName2", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial void SetValueName2(LLVMValueRef val, string name, nuint nameLen);

    [LibraryImport(Lib, EntryPoint = "LLVMPrintValueToString")]
    public static partial nint PrintValueToString(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMDumpValue")]
    public static partial void DumpValue(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMReplaceAllUsesWith")]
    public static partial void ReplaceAllUsesWith(LLVMValueRef oldVal, LLVMValueRef newVal);

    [LibraryImport(Lib, EntryPoint = "LLVMIsConstant")]
    public static partial int IsConstant(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMIsUndef")]
    public static partial int IsUndef(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMIsPoison")]
    public static partial int IsPoison(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMGetOperand")]
    public static partial LLVMValueRef GetOperand(LLVMValueRef val, uint index);

    [LibraryImport(Lib, EntryPoint = "LLVMSetOperand")]
    public static partial void SetOperand(LLVMValueRef user, uint index, LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMGetNumOperands")]
    public static partial int GetNumOperands(LLVMValueRef val);

    // Constants
    [LibraryImport(Lib, EntryPoint = "LLVMConstNull")]
    public static partial LLVMValueRef ConstNull(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMConstAllOnes")]
    public static partial LLVMValueRef ConstAllOnes(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMGetUndef")]
    public static partial LLVMValueRef GetUndef(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMGetPoison")]
    public static partial LLVMValueRef GetPoison(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMIsNull")]
    public static partial int IsNull(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMConstPointerNull")]
    public static partial LLVMValueRef ConstPointerNull(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMConstInt")]
    public static partial LLVMValueRef ConstInt(LLVMTypeRef intTy, ulong n, int signExtend);

    [LibraryImport(Lib, EntryPoint = "LLVMConstIntOfArbitraryPrecision")]
    public static partial LLVMValueRef ConstIntOfArbitraryPrecision(LLVMTypeRef intTy, uint numWords, ulong[] words);

    [LibraryImport(Lib, EntryPoint = "LLVMConstReal")]
    public static partial LLVMValueRef ConstReal(LLVMTypeRef realTy, double n);

    [LibraryImport(Lib, EntryPoint = "LLVMConstIntGetZExtValue")]
    public static partial ulong ConstIntGetZExtValue(LLVMValueRef constantVal);

    [LibraryImport(Lib, EntryPoint = "LLVMConstIntGetSExtValue")]
    public static partial long ConstIntGetSExtValue(LLVMValueRef constantVal);

    [LibraryImport(Lib, EntryPoint = "LLVMConstRealGetDouble")]
    public static partial double ConstRealGetDouble(LLVMValueRef constantVal, out int losesInfo);

    [LibraryImport(Lib, EntryPoint = "LLVMConstStringInContext", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef ConstStringInContext(LLVMContextRef c, string str, uint length, int dontNullTerminate);

    [LibraryImport(Lib, EntryPoint = "LLVMConstStructInContext")]
    public static partial LLVMValueRef ConstStructInContext(LLVMContextRef c, LLVMValueRef[] constantVals, uint count, int packed);

    [LibraryImport(Lib, EntryPoint = "LLVMConstNamedStruct")]
    public static partial LLVMValueRef ConstNamedStruct(LLVMTypeRef structTy, LLVMValueRef[] constantVals, uint count);

    [LibraryImport(Lib, EntryPoint = "LLVMConstArray")]
    public static partial LLVMValueRef ConstArray(LLVMTypeRef elementTy, LLVMValueRef[] constantVals, uint length);

    [LibraryImport(Lib, EntryPoint = "LLVMConstArray2")]
    public static partial LLVMValueRef ConstArray2(LLVMTypeRef elementTy, LLVMValueRef[] constantVals, ulong length);

    [LibraryImport(Lib, EntryPoint = "LLVMConstVector")]
    public static partial LLVMValueRef ConstVector(LLVMValueRef[] scalarConstantVals, uint size);

    [LibraryImport(Lib, EntryPoint = "LLVMGetAggregateElement")]
    public static partial LLVMValueRef GetAggregateElement(LLVMValueRef c, uint idx);

    [LibraryImport(Lib, EntryPoint = "LLVMAlignOf")]
    public static partial LLVMValueRef AlignOf(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMSizeOf")]
    public static partial LLVMValueRef SizeOf(LLVMTypeRef ty);

    [LibraryImport(Lib, EntryPoint = "LLVMConstNeg")]
    public static partial LLVMValueRef ConstNeg(LLVMValueRef constantVal);

    [LibraryImport(Lib, EntryPoint = "LLVMConstNot")]
    public static partial LLVMValueRef ConstNot(LLVMValueRef constantVal);

    [LibraryImport(Lib, EntryPoint = "LLVMConstAdd")]
    public static partial LLVMValueRef ConstAdd(LLVMValueRef lhsConstant, LLVMValueRef rhsConstant);

    [LibraryImport(Lib, EntryPoint = "LLVMConstSub")]
    public static partial LLVMValueRef ConstSub(LLVMValueRef lhsConstant, LLVMValueRef rhsConstant);

    [LibraryImport(Lib, EntryPoint = "LLVMConstMul")]
    public static partial LLVMValueRef ConstMul(LLVMValueRef lhsConstant, LLVMValueRef rhsConstant);

    [LibraryImport(Lib, EntryPoint = "LLVMConstXor")]
    public static partial LLVMValueRef ConstXor(LLVMValueRef lhsConstant, LLVMValueRef rhsConstant);

    [LibraryImport(Lib, EntryPoint = "LLVMConstGEP2")]
    public static partial LLVMValueRef ConstGEP2(LLVMTypeRef ty, LLVMValueRef constantVal, LLVMValueRef[] constantIndices, uint numIndices);

    [LibraryImport(Lib, EntryPoint = "LLVMConstInBoundsGEP2")]
    public static partial LLVMValueRef ConstInBoundsGEP2(LLVMTypeRef ty, LLVMValueRef constantVal, LLVMValueRef[] constantIndices, uint numIndices);

    [LibraryImport(Lib, EntryPoint = "LLVMConstTrunc")]
    public static partial LLVMValueRef ConstTrunc(LLVMValueRef constantVal, LLVMTypeRef toType);

    [LibraryImport(Lib, EntryPoint = "LLVMConstPtrToInt")]
    public static partial LLVMValueRef ConstPtrToInt(LLVMValueRef constantVal, LLVMTypeRef toType);

    [LibraryImport(Lib, EntryPoint = "LLVMConstIntToPtr")]
    public static partial LLVMValueRef ConstIntToPtr(LLVMValueRef constantVal, LLVMTypeRef toType);

    [LibraryImport(Lib, EntryPoint = "LLVMConstBitCast")]
    public static partial LLVMValueRef ConstBitCast(LLVMValueRef constantVal, LLVMTypeRef toType);

    [LibraryImport(Lib, EntryPoint = "LLVMConstPointerCast")]
    public static partial LLVMValueRef ConstPointerCast(LLVMValueRef constantVal, LLVMTypeRef toType);

    // Globals
    [LibraryImport(Lib, EntryPoint = "LLVMGetGlobalParent")]
    public static partial LLVMModuleRef GetGlobalParent(LLVMValueRef global);

    [LibraryImport(Lib, EntryPoint = "LLVMIsDeclaration")]
    public static partial int IsDeclaration(LLVMValueRef global);

    [LibraryImport(Lib, EntryPoint = "LLVMGetLinkage")]
    public static partial LLVMLinkage GetLinkage(LLVMValueRef global);

    [LibraryImport(Lib, EntryPoint = "LLVMSetLinkage")]
    public static partial void SetLinkage(LLVMValueRef global, LLVMLinkage linkage);

    [LibraryImport(Lib, EntryPoint = "LLVMGetSection")]
    public static partial nint GetSection(LLVMValueRef global);

    [LibraryImport(Lib, EntryPoint = "LLVMSetSection", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial void SetSection(LLVMValueRef global, string section);

    [LibraryImport(Lib, EntryPoint = "LLVMGetVisibility")]
    public static partial LLVMVisibility GetVisibility(LLVMValueRef global);

    [LibraryImport(Lib, EntryPoint = "LLVMSetVisibility")]
    public static partial void SetVisibility(LLVMValueRef global, LLVMVisibility viz);

    [LibraryImport(Lib, EntryPoint = "LLVMSetUnnamedAddress")]
    public static partial void SetUnnamedAddress(LLVMValueRef global, LLVMUnnamedAddr unnamedAddr);

    [LibraryImport(Lib, EntryPoint = "LLVMGlobalGetValueType")]
    public static partial LLVMTypeRef GlobalGetValueType(LLVMValueRef global);

    [LibraryImport(Lib, EntryPoint = "LLVMGetAlignment")]
    public static partial uint GetAlignment(LLVMValueRef v);

    [LibraryImport(Lib, EntryPoint = "LLVMSetAlignment")]
    public static partial void SetAlignment(LLVMValueRef v, uint bytes);

    [LibraryImport(Lib, EntryPoint = "LLVMAddGlobal", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef AddGlobal(LLVMModuleRef m, LLVMTypeRef ty, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMGetNamedGlobal", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMValueRef GetNamedGlobal(LLVMModuleRef m, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMDeleteGlobal")]
    public static partial void DeleteGlobal(LLVMValueRef globalVar);

    [LibraryImport(Lib, EntryPoint = "LLVMGetInitializer")]
    public static partial LLVMValueRef GetInitializer(LLVMValueRef globalVar);

    [LibraryImport(Lib, EntryPoint = "LLVMSetInitializer")]
    public static partial void SetInitializer(LLVMValueRef globalVar, LLVMValueRef constantVal);

    [LibraryImport(Lib, EntryPoint = "LLVMIsGlobalConstant")]
    public static partial int IsGlobalConstant(LLVMValueRef globalVar);

    [LibraryImport(Lib, EntryPoint = "LLVMSetGlobalConstant")]
    public static partial void SetGlobalConstant(LLVMValueRef globalVar, int isConstant);

    [LibraryImport(Lib, EntryPoint = "LLVMSetThreadLocal")]
    public static partial void SetThreadLocal(LLVMValueRef globalVar, int isThreadLocal);

    // Functions and intrinsics
    [LibraryImport(Lib, EntryPoint = "LLVMDeleteFunction")]
    public static partial void DeleteFunction(LLVMValueRef fn);

    [LibraryImport(Lib, EntryPoint = "LLVMGetFunctionCallConv")]
    public static partial uint GetFunctionCallConv(LLVMValueRef fn);

    [LibraryImport(Lib, EntryPoint = "LLVMSetFunctionCallConv")]
    public static partial void SetFunctionCallConv(LLVMValueRef fn, uint cc);

    [LibraryImport(Lib, EntryPoint = "LLVMCountParams")]
    public static partial uint CountParams(LLVMValueRef fn);

    [LibraryImport(Lib, EntryPoint = "LLVMGetParams")]
    public static partial void GetParams(LLVMValueRef fn, [Out] LLVMValueRef[] @params);

    [LibraryImport(Lib, EntryPoint = "LLVMGetParam")]
    public static partial LLVMValueRef GetParam(LLVMValueRef fn, uint index);

    [LibraryImport(Lib, EntryPoint = "LLVMGetParamParent")]
    public static partial LLVMValueRef GetParamParent(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMSetParamAlignment")]
    public static partial void SetParamAlignment(LLVMValueRef arg, uint align);

    [LibraryImport(Lib, EntryPoint = "LLVMLookupIntrinsicID", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial uint LookupIntrinsicID(string name, nuint nameLen);

    [LibraryImport(Lib, EntryPoint = "LLVMGetIntrinsicID")]
    public static partial uint GetIntrinsicID(LLVMValueRef fn);

    // paramTypes are the overload types only (e.g. [double] for llvm.sqrt.f64), not the full signature.
    [LibraryImport(Lib, EntryPoint = "LLVMGetIntrinsicDeclaration")]
    private static partial LLVMValueRef GetIntrinsicDeclarationNative(LLVMModuleRef mod, uint id, LLVMTypeRef* paramTypes, nuint paramCount);

    [LibraryImport(Lib, EntryPoint = "LLVMIntrinsicGetType")]
    private static partial LLVMTypeRef IntrinsicGetTypeNative(LLVMContextRef ctx, uint id, LLVMTypeRef* paramTypes, nuint paramCount);

    [LibraryImport(Lib, EntryPoint = "LLVMIntrinsicIsOverloaded")]
    public static partial int IntrinsicIsOverloaded(uint id);

    [LibraryImport(Lib, EntryPoint = "LLVMIntrinsicCopyOverloadedName2")]
    public static partial nint IntrinsicCopyOverloadedName2(LLVMModuleRef mod, uint id, LLVMTypeRef[] paramTypes, nuint paramCount, out nuint nameLength);

    // Attributes
    [LibraryImport(Lib, EntryPoint = "LLVMGetEnumAttributeKindForName", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial uint GetEnumAttributeKindForName(string name, nuint sLen);

    [LibraryImport(Lib, EntryPoint = "LLVMGetLastEnumAttributeKind")]
    public static partial uint GetLastEnumAttributeKind();

    [LibraryImport(Lib, EntryPoint = "LLVMCreateEnumAttribute")]
    public static partial LLVMAttributeRef CreateEnumAttribute(LLVMContextRef c, uint kindID, ulong val);

    [LibraryImport(Lib, EntryPoint = "LLVMGetEnumAttributeKind")]
    public static partial uint GetEnumAttributeKind(LLVMAttributeRef a);

    [LibraryImport(Lib, EntryPoint = "LLVMGetEnumAttributeValue")]
    public static partial ulong GetEnumAttributeValue(LLVMAttributeRef a);

    [LibraryImport(Lib, EntryPoint = "LLVMCreateTypeAttribute")]
    public static partial LLVMAttributeRef CreateTypeAttribute(LLVMContextRef c, uint kindID, LLVMTypeRef type_ref);

    [LibraryImport(Lib, EntryPoint = "LLVMCreateStringAttribute", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMAttributeRef CreateStringAttribute(LLVMContextRef c, string k, uint kLength, string v, uint vLength);

    [LibraryImport(Lib, EntryPoint = "LLVMAddAttributeAtIndex")]
    public static partial void AddAttributeAtIndex(LLVMValueRef f, uint idx, LLVMAttributeRef a);

    [LibraryImport(Lib, EntryPoint = "LLVMGetEnumAttributeAtIndex")]
    public static partial LLVMAttributeRef GetEnumAttributeAtIndex(LLVMValueRef f, uint idx, uint kindID);

    [LibraryImport(Lib, EntryPoint = "LLVMRemoveEnumAttributeAtIndex")]
    public static partial void RemoveEnumAttributeAtIndex(LLVMValueRef f, uint idx, uint kindID);

    [LibraryImport(Lib, EntryPoint = "LLVMAddTargetDependentFunctionAttr", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial void AddTargetDependentFunctionAttr(LLVMValueRef fn, string a, string v);

    [LibraryImport(Lib, EntryPoint = "LLVMAddCallSiteAttribute")]
    public static partial void AddCallSiteAttribute(LLVMValueRef c, uint idx, LLVMAttributeRef a);

    // Metadata
    [LibraryImport(Lib, EntryPoint = "LLVMMDStringInContext2", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMMetadataRef MDStringInContext2(LLVMContextRef c, string str, nuint sLen);

    [LibraryImport(Lib, EntryPoint = "LLVMMDNodeInContext2")]
    public static partial LLVMMetadataRef MDNodeInContext2(LLVMContextRef c, LLVMMetadataRef[] mds, nuint count);

    [LibraryImport(Lib, EntryPoint = "LLVMMetadataAsValue")]
    public static partial LLVMValueRef MetadataAsValue(LLVMContextRef c, LLVMMetadataRef md);

    [LibraryImport(Lib, EntryPoint = "LLVMValueAsMetadata")]
    public static partial LLVMMetadataRef ValueAsMetadata(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMGetMetadata")]
    public static partial LLVMValueRef GetMetadata(LLVMValueRef val, uint kindID);

    [LibraryImport(Lib, EntryPoint = "LLVMSetMetadata")]
    public static partial void SetMetadata(LLVMValueRef val, uint kindID, LLVMValueRef node);

    // Basic blocks
    [LibraryImport(Lib, EntryPoint = "LLVMBasicBlockAsValue")]
    public static partial LLVMValueRef BasicBlockAsValue(LLVMBasicBlockRef bb);

    [LibraryImport(Lib, EntryPoint = "LLVMValueIsBasicBlock")]
    public static partial int ValueIsBasicBlock(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMValueAsBasicBlock")]
    public static partial LLVMBasicBlockRef ValueAsBasicBlock(LLVMValueRef val);

    [LibraryImport(Lib, EntryPoint = "LLVMGetBasicBlockName")]
    public static partial nint GetBasicBlockName(LLVMBasicBlockRef bb);

    [LibraryImport(Lib, EntryPoint = "LLVMGetBasicBlockParent")]
    public static partial LLVMValueRef GetBasicBlockParent(LLVMBasicBlockRef bb);

    [LibraryImport(Lib, EntryPoint = "LLVMGetBasicBlockTerminator")]
    public static partial LLVMValueRef GetBasicBlockTerminator(LLVMBasicBlockRef bb);

    [LibraryImport(Lib, EntryPoint = "LLVMCountBasicBlocks")]
    public static partial uint CountBasicBlocks(LLVMValueRef fn);

    [LibraryImport(Lib, EntryPoint = "LLVMGetFirstBasicBlock")]
    public static partial LLVMBasicBlockRef GetFirstBasicBlock(LLVMValueRef fn);

    [LibraryImport(Lib, EntryPoint = "LLVMGetLastBasicBlock")]
    public static partial LLVMBasicBlockRef GetLastBasicBlock(LLVMValueRef fn);

    [LibraryImport(Lib, EntryPoint = "LLVMGetNextBasicBlock")]
    public static partial LLVMBasicBlockRef GetNextBasicBlock(LLVMBasicBlockRef bb);

    [LibraryImport(Lib, EntryPoint = "LLVMGetPreviousBasicBlock")]
    public static partial LLVMBasicBlockRef GetPreviousBasicBlock(LLVMBasicBlockRef bb);

    [LibraryImport(Lib, EntryPoint = "LLVMGetEntryBasicBlock")]
    public static partial LLVMBasicBlockRef GetEntryBasicBlock(LLVMValueRef fn);

    [LibraryImport(Lib, EntryPoint = "LLVMCreateBasicBlockInContext", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMBasicBlockRef CreateBasicBlockInContext(LLVMContextRef c, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMAppendBasicBlockInContext", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMBasicBlockRef AppendBasicBlockInContext(LLVMContextRef c, LLVMValueRef fn, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMInsertBasicBlockInContext", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMBasicBlockRef InsertBasicBlockInContext(LLVMContextRef c, LLVMBasicBlockRef bb, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMAppendExistingBasicBlock")]
    public static partial void AppendExistingBasicBlock(LLVMValueRef fn, LLVMBasicBlockRef bb);

    [LibraryImport(Lib, EntryPoint = "LLVMDeleteBasicBlock")]
    public static partial void DeleteBasicBlock(LLVMBasicBlockRef bb);

    [LibraryImport(Lib, EntryPoint = "LLVMMoveBasicBlockBefore")]
    public static partial void MoveBasicBlockBefore(LLVMBasicBlockRef bb, LLVMBasicBlockRef movePos);

    [LibraryImport(Lib, EntryPoint = "LLVMMoveBasicBlockAfter")]
    public static partial void MoveBasicBlockAfter(LLVMBasicBlockRef bb, LLVMBasicBlockRef movePos);

    // Instructions
    [LibraryImport(Lib, EntryPoint = "LLVMGetFirstInstruction")]
    public static partial LLVMValueRef GetFirstInstruction(LLVMBasicBlockRef bb);

    [LibraryImport(Lib, EntryPoint = "LLVMGetLastInstruction")]
    public static partial LLVMValueRef GetLastInstruction(LLVMBasicBlockRef bb);

    [LibraryImport(Lib, EntryPoint = "LLVMGetInstructionParent")]
    public static partial LLVMBasicBlockRef GetInstructionParent(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMGetNextInstruction")]
    public static partial LLVMValueRef GetNextInstruction(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMGetPreviousInstruction")]
    public static partial LLVMValueRef GetPreviousInstruction(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMInstructionEraseFromParent")]
    public static partial void InstructionEraseFromParent(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMGetInstructionOpcode")]
    public static partial LLVMOpcode GetInstructionOpcode(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMGetICmpPredicate")]
    public static partial LLVMIntPredicate GetICmpPredicate(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMGetFCmpPredicate")]
    public static partial LLVMRealPredicate GetFCmpPredicate(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMIsATerminatorInst")]
    public static partial LLVMValueRef IsATerminatorInst(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMSetInstructionCallConv")]
    public static partial void SetInstructionCallConv(LLVMValueRef instr, uint cc);

    [LibraryImport(Lib, EntryPoint = "LLVMGetInstructionCallConv")]
    public static partial uint GetInstructionCallConv(LLVMValueRef instr);

    [LibraryImport(Lib, EntryPoint = "LLVMIsTailCall")]
    public static partial int IsTailCall(LLVMValueRef callInst);

    [LibraryImport(Lib, EntryPoint = "LLVMSetTailCall")]
    public static partial void SetTailCall(LLVMValueRef callInst, int isTailCall);

    [LibraryImport(Lib, EntryPoint = "LLVMGetNumSuccessors")]
    public static partial uint GetNumSuccessors(LLVMValueRef term);

    [LibraryImport(Lib, EntryPoint = "LLVMGetSuccessor")]
    public static partial LLVMBasicBlockRef GetSuccessor(LLVMValueRef term, uint i);

    [LibraryImport(Lib, EntryPoint = "LLVMGetAllocatedType")]
    public static partial LLVMTypeRef GetAllocatedType(LLVMValueRef alloca);

    [LibraryImport(Lib, EntryPoint = "LLVMAddIncoming")]
    private static partial void AddIncomingNative(LLVMValueRef phiNode, LLVMValueRef* incomingValues, LLVMBasicBlockRef* incomingBlocks, uint count);

    [LibraryImport(Lib, EntryPoint = "LLVMCountIncoming")]
    public static partial uint CountIncoming(LLVMValueRef phiNode);

    [LibraryImport(Lib, EntryPoint = "LLVMGetIncomingValue")]
    public static partial LLVMValueRef GetIncomingValue(LLVMValueRef phiNode, uint index);

    [LibraryImport(Lib, EntryPoint = "LLVMGetIncomingBlock")]
    public static partial LLVMBasicBlockRef GetIncomingBlock(LLVMValueRef phiNode, uint index);

    // Instruction flags (NNeg, IsDisjoint and the fast-math flags need LLVM 18)
    [LibraryImport(Lib, EntryPoint = "LLVMGetNUW")]
    public static partial int GetNUW(LLVMValueRef arithInst);

    [LibraryImport(Lib, EntryPoint = "LLVMSetNUW")]
    public static partial void SetNUW(LLVMValueRef arithInst, int hasNUW);

    [LibraryImport(Lib, EntryPoint = "LLVMGetNSW")]
    public static partial int GetNSW(LLVMValueRef arithInst);

    [LibraryImport(Lib, EntryPoint = "LLVMSetNSW")]
    public static partial void SetNSW(LLVMValueRef arithInst, int hasNSW);

    [LibraryImport(Lib, EntryPoint = "LLVMGetExact")]
    public static partial int GetExact(LLVMValueRef divOrShrInst);

    [LibraryImport(Lib, EntryPoint = "LLVMSetExact")]
    public static partial void SetExact(LLVMValueRef divOrShrInst, int isExact);

    [LibraryImport(Lib, EntryPoint = "LLVMGetNNeg")]
    public static partial int GetNNeg(LLVMValueRef nonNegInst);

    [LibraryImport(Lib, EntryPoint = "LLVMSetNNeg")]
    public static partial void SetNNeg(LLVMValueRef nonNegInst, int isNonNeg);

    [LibraryImport(Lib, EntryPoint = "LLVMGetIsDisjoint")]
    public static partial int GetIsDisjoint(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMSetIsDisjoint")]
    public static partial void SetIsDisjoint(LLVMValueRef inst, int isDisjoint);

    [LibraryImport(Lib, EntryPoint = "LLVMGetFastMathFlags")]
    public static partial LLVMFastMathFlags GetFastMathFlags(LLVMValueRef fpMathInst);

    // LLVM 18+: check LlvmLibrary.SupportsFastMathFlags first.
    [LibraryImport(Lib, EntryPoint = "LLVMSetFastMathFlags")]
    public static partial void SetFastMathFlags(LLVMValueRef fpMathInst, LLVMFastMathFlags fmf);

    [LibraryImport(Lib, EntryPoint = "LLVMCanValueUseFastMathFlags")]
    public static partial int CanValueUseFastMathFlags(LLVMValueRef inst);

    [LibraryImport(Lib, EntryPoint = "LLVMIsInBounds")]
    public static partial int IsInBounds(LLVMValueRef gep);

    [LibraryImport(Lib, EntryPoint = "LLVMSetIsInBounds")]
    public static partial void SetIsInBounds(LLVMValueRef gep, int inBounds);

    [LibraryImport(Lib, EntryPoint = "LLVMGetVolatile")]
    public static partial int GetVolatile(LLVMValueRef memoryAccessInst);

    [LibraryImport(Lib, EntryPoint = "LLVMSetVolatile")]
    public static partial void SetVolatile(LLVMValueRef memoryAccessInst, int isVolatile);

    [LibraryImport(Lib, EntryPoint = "LLVMGetOrdering")]
    public static partial LLVMAtomicOrdering GetOrdering(LLVMValueRef memoryAccessInst);

    [LibraryImport(Lib, EntryPoint = "LLVMSetOrdering")]
    public static partial void SetOrdering(LLVMValueRef memoryAccessInst, LLVMAtomicOrdering ordering);
}
