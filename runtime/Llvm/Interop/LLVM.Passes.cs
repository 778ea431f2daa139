// Raw imports from llvm-c/Transforms/PassBuilder.h: the new pass manager.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    [LibraryImport(Lib, EntryPoint = "LLVMRunPasses", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMErrorRef RunPasses(LLVMModuleRef m, string passes, LLVMTargetMachineRef tm, LLVMPassBuilderOptionsRef options);

    [LibraryImport(Lib, EntryPoint = "LLVMCreatePassBuilderOptions")]
    public static partial LLVMPassBuilderOptionsRef CreatePassBuilderOptions();

    [LibraryImport(Lib, EntryPoint = "LLVMDisposePassBuilderOptions")]
    public static partial void DisposePassBuilderOptions(LLVMPassBuilderOptionsRef options);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetVerifyEach")]
    public static partial void PassBuilderOptionsSetVerifyEach(LLVMPassBuilderOptionsRef options, int verifyEach);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetDebugLogging")]
    public static partial void PassBuilderOptionsSetDebugLogging(LLVMPassBuilderOptionsRef options, int debugLogging);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetLoopInterleaving")]
    public static partial void PassBuilderOptionsSetLoopInterleaving(LLVMPassBuilderOptionsRef options, int loopInterleaving);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetLoopVectorization")]
    public static partial void PassBuilderOptionsSetLoopVectorization(LLVMPassBuilderOptionsRef options, int loopVectorization);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetSLPVectorization")]
    public static partial void PassBuilderOptionsSetSLPVectorization(LLVMPassBuilderOptionsRef options, int slpVectorization);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetLoopUnrolling")]
    public static partial void PassBuilderOptionsSetLoopUnrolling(LLVMPassBuilderOptionsRef options, int loopUnrolling);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetForgetAllSCEVInLoopUnroll")]
    public static partial void PassBuilderOptionsSetForgetAllSCEVInLoopUnroll(LLVMPassBuilderOptionsRef options, int forgetAllSCEVInLoopUnroll);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetLicmMssaOptCap")]
    public static partial void PassBuilderOptionsSetLicmMssaOptCap(LLVMPassBuilderOptionsRef options, uint licmMssaOptCap);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetLicmMssaNoAccForPromotionCap")]
    public static partial void PassBuilderOptionsSetLicmMssaNoAccForPromotionCap(LLVMPassBuilderOptionsRef options, uint licmMssaNoAccForPromotionCap);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetCallGraphProfile")]
    public static partial void PassBuilderOptionsSetCallGraphProfile(LLVMPassBuilderOptionsRef options, int callGraphProfile);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetMergeFunctions")]
    public static partial void PassBuilderOptionsSetMergeFunctions(LLVMPassBuilderOptionsRef options, int mergeFunctions);

    [LibraryImport(Lib, EntryPoint = "LLVMPassBuilderOptionsSetInlinerThreshold")]
    public static partial void PassBuilderOptionsSetInlinerThreshold(LLVMPassBuilderOptionsRef options, int threshold);
}
