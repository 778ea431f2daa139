// Runs LLVM's new-pass-manager pipelines (default<O0..O3>) on a module, tuned for the target machine.
using System;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Llvm;

/// <summary>Optimizes modules in place with the standard per-module pipelines.</summary>
public static class Optimizer
{
    /// <summary>The pipeline text for an optimization level 0..3 (clamped), e.g. <c>default&lt;O3&gt;</c>.</summary>
    public static string PipelineFor(int optLevel) => Math.Clamp(optLevel, 0, 3) switch
    {
        0 => "default<O0>",
        1 => "default<O1>",
        2 => "default<O2>",
        _ => "default<O3>",
    }; // constants, not interpolated: the interpolation handler's first use costs a first compile about a millisecond

    /// <summary>Runs <c>default&lt;O<paramref name="optLevel"/>&gt;</c>. The target machine supplies the cost
    /// model (vector width, FMA...) that decides what the vectorizers do, so pass the one code is generated for.</summary>
    public static void Run(LLVMModuleRef module, LLVMTargetMachineRef targetMachine, int optLevel, bool verifyEach = false) =>
        RunPipeline(module, targetMachine, optLevel >= 2 && LlvmLibrary.MajorVersion < 18 ? PipelineFor(optLevel) + OlderLlvmLoopPasses : PipelineFor(optLevel),
            vectorize: optLevel >= 2, verifyEach);

    /// <summary>
    /// Appended to O2/O3 before LLVM 18 (measured on 15; 16 and 17 get it untested). Its pipeline proves a bounds check loop-invariant (IndVarSimplify turns
    /// <c>i &lt; b.Length</c> into <c>min(a.Length, b.Length) &gt;= n</c>) only after loop unswitching has run, so the
    /// check stays in the loop and the vectoriser gives up: a FastMath dot product over two arrays ran as a serial FMA
    /// chain, 5x slower than on LLVM 19. Unswitching and vectorising once more, then tidying, fixes that (measured
    /// with samples/Quickstart on LLVM 15: DotFast 0.134 -> 0.025 ms), at about a millisecond of optimiser time.
    /// </summary>
    public const string OlderLlvmLoopPasses = ",function(simple-loop-unswitch,loop-vectorize,instcombine,simplifycfg)";

    /// <summary>Runs any textual pipeline (as <c>opt -passes=...</c> accepts).</summary>
    public static void RunPipeline(LLVMModuleRef module, LLVMTargetMachineRef targetMachine, string pipeline, bool vectorize = true, bool verifyEach = false)
    {
        LLVMPassBuilderOptionsRef options = LLVM.CreatePassBuilderOptions();
        try
        {
            // The C API's PipelineTuningOptions leave SLP vectorization off; the loop vectorizer and
            // unroller are on. Set all of them explicitly so the pipeline does not depend on defaults.
            int on = vectorize ? 1 : 0;
            LLVM.PassBuilderOptionsSetLoopVectorization(options, on);
            LLVM.PassBuilderOptionsSetSLPVectorization(options, on);
            LLVM.PassBuilderOptionsSetLoopInterleaving(options, on);
            LLVM.PassBuilderOptionsSetLoopUnrolling(options, 1);
            LLVM.PassBuilderOptionsSetVerifyEach(options, verifyEach ? 1 : 0);
            LlvmException.ThrowIfError(LLVM.RunPasses(module, pipeline, targetMachine, options), "LLVMRunPasses(" + pipeline + ")");
        }
        finally
        {
            LLVM.DisposePassBuilderOptions(options);
        }
    }
}
