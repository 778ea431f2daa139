// C enums of llvm-c/TargetMachine.h, Target.h and Analysis.h with the C names and values.
namespace NumbaWeaver.Llvm.Interop;

public enum LLVMCodeGenOptLevel
{
    LLVMCodeGenLevelNone = 0,
    LLVMCodeGenLevelLess = 1,
    LLVMCodeGenLevelDefault = 2,
    LLVMCodeGenLevelAggressive = 3,
}

public enum LLVMRelocMode
{
    LLVMRelocDefault = 0,
    LLVMRelocStatic = 1,
    LLVMRelocPIC = 2,
    LLVMRelocDynamicNoPic = 3,
    LLVMRelocROPI = 4,
    LLVMRelocRWPI = 5,
    LLVMRelocROPI_RWPI = 6,
}

public enum LLVMCodeModel
{
    LLVMCodeModelDefault = 0,
    LLVMCodeModelJITDefault = 1,
    LLVMCodeModelTiny = 2,
    LLVMCodeModelSmall = 3,
    LLVMCodeModelKernel = 4,
    LLVMCodeModelMedium = 5,
    LLVMCodeModelLarge = 6,
}

public enum LLVMCodeGenFileType
{
    LLVMAssemblyFile = 0,
    LLVMObjectFile = 1,
}

public enum LLVMGlobalISelAbortMode
{
    LLVMGlobalISelAbortEnable = 0,
    LLVMGlobalISelAbortDisable = 1,
    LLVMGlobalISelAbortDisableWithDiag = 2,
}

public enum LLVMByteOrdering
{
    LLVMBigEndian = 0,
    LLVMLittleEndian = 1,
}

public enum LLVMVerifierFailureAction
{
    LLVMAbortProcessAction = 0,
    LLVMPrintMessageAction = 1,
    LLVMReturnStatusAction = 2,
}
