// The CPU this process runs on, as an LLVM target machine: triple, CPU name, features, data layout, code emission.
using System;
using System.Runtime.InteropServices;
using System.Threading;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Llvm;

/// <summary>
/// Owns one <c>LLVMTargetMachineRef</c> for the host (its CPU and features, so AVX2/FMA etc. are used)
/// and describes it. A target machine is not thread-safe: callers serialize its use (NativeJit does).
/// </summary>
public sealed class HostTarget : IDisposable
{
    private static int initialized;

    private HostTarget(string triple, string cpuName, string features, LLVMTargetRef target, LLVMCodeGenOptLevel optLevel)
    {
        Triple = triple;
        CpuName = cpuName;
        Features = features;
        Target = target;
        OptLevel = optLevel;
        TargetMachine = CreateTargetMachine();
        DataLayout = DataLayoutOf(TargetMachine);
    }

    /// <summary>The normalized target triple, e.g. <c>x86_64-pc-linux-gnu</c>.</summary>
    public string Triple { get; }

    /// <summary>The host CPU name from LLVMGetHostCPUName, e.g. <c>znver3</c>.</summary>
    public string CpuName { get; }

    /// <summary>The host feature string from LLVMGetHostCPUFeatures, e.g. <c>+avx2,+fma,-avx512f,...</c>.</summary>
    public string Features { get; }

    /// <summary>The data layout string every module compiled for this host must carry.</summary>
    public string DataLayout { get; }

    public LLVMTargetRef Target { get; }

    public LLVMCodeGenOptLevel OptLevel { get; }

    /// <summary>PIC: what LLJIT's JITLink layer expects, and what lets a cached object load anywhere.</summary>
    public LLVMRelocMode RelocMode => LLVMRelocMode.LLVMRelocPIC;

    /// <summary>Small: LLJIT picks Small for JITLink itself. LLVMCodeModelJITDefault would mean Large on x86-64
    /// (a movabs for every call and constant-pool load); with PIC, far symbols such as libm go through the GOT.</summary>
    public LLVMCodeModel CodeModel => LLVMCodeModel.LLVMCodeModelSmall;

    /// <summary>The target machine this instance owns (disposed with it).</summary>
    public LLVMTargetMachineRef TargetMachine { get; private set; }

    /// <summary>Registers the native LLVM target (X86 or AArch64). Idempotent and thread-safe.</summary>
    public static void InitializeNativeTarget()
    {
        if (Volatile.Read(ref initialized) != 0)
        {
            return;
        }

        LlvmOptions.Apply(); // before any pass pipeline or target machine reads them
        // LLVM's own registry tolerates repeated initialisation, so a benign race here is harmless.
        switch (RuntimeInformation.ProcessArchitecture)
        {
            case Architecture.X64:
            case Architecture.X86:
                LLVM.InitializeX86TargetInfo();
                LLVM.InitializeX86Target();
                LLVM.InitializeX86TargetMC();
                LLVM.InitializeX86AsmPrinter();
                LLVM.InitializeX86AsmParser();
                break;
            case Architecture.Arm64:
                LLVM.InitializeAArch64TargetInfo();
                LLVM.InitializeAArch64Target();
                LLVM.InitializeAArch64TargetMC();
                LLVM.InitializeAArch64AsmPrinter();
                LLVM.InitializeAArch64AsmParser();
                break;
            default:
                throw new LlvmException($"no LLVM native target for {RuntimeInformation.ProcessArchitecture}");
        }

        Volatile.Write(ref initialized, 1);
    }

    /// <summary>Describes the host and creates its target machine. <paramref name="cpuName"/>/<paramref name="features"/>
    /// override detection (e.g. "generic" and "" for objects meant for other machines).</summary>
    public static HostTarget Create(
        LLVMCodeGenOptLevel optLevel = LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive,
        string? cpuName = null,
        string? features = null)
    {
        InitializeNativeTarget();
        string triple = LLVM.TakeMessage(LLVM.NormalizeTargetTriple(LLVM.TakeMessage(LLVM.GetDefaultTargetTriple())));
        cpuName ??= LLVM.TakeMessage(LLVM.GetHostCPUName());
        features ??= LLVM.TakeMessage(LLVM.GetHostCPUFeatures());
        if (LLVM.GetTargetFromTriple(triple, out LLVMTargetRef target, out nint error) != 0)
        {
            throw new LlvmException($"no LLVM target for {triple}: {LLVM.TakeMessage(error)}");
        }

        return new HostTarget(triple, cpuName, features, target, optLevel);
    }

    /// <summary>A new target machine with this host's settings. The caller owns it (dispose with
    /// LLVMDisposeTargetMachine, or hand it to a consumer such as OrcJITTargetMachineBuilderCreateFromTargetMachine).</summary>
    public LLVMTargetMachineRef CreateTargetMachine() => CreateTargetMachine(CodeModel);

    /// <summary>As <see cref="CreateTargetMachine()"/>, with another code model (the JIT's on LLVM before 17).</summary>
    public LLVMTargetMachineRef CreateTargetMachine(LLVMCodeModel codeModel)
    {
        LLVMTargetMachineRef machine = LLVM.CreateTargetMachine(Target, Triple, CpuName, Features, OptLevel, RelocMode, codeModel);
        return machine.IsNull ? throw new LlvmException($"LLVMCreateTargetMachine failed for {Triple} / {CpuName}") : machine;
    }

    /// <summary>Stamps the host triple and data layout on a module (LLJIT rejects a mismatched layout).</summary>
    public void ConfigureModule(LLVMModuleRef module)
    {
        LLVM.SetTarget(module, Triple);
        LLVM.SetDataLayout(module, DataLayout);
    }

    /// <summary>Machine code for the module as an ELF/Mach-O/COFF object (what LLVMOrcLLJITAddObjectFile loads).
    /// The caller keeps ownership of the module, but codegen preparation rewrites its IR in place:
    /// dispose it afterwards (or pass a clone) rather than also adding it to the JIT.</summary>
    public byte[] EmitObject(LLVMModuleRef module) => Emit(module, LLVMCodeGenFileType.LLVMObjectFile);

    /// <summary>Assembly text for the module (NUMBA_DUMP_ASSEMBLY). Works on a clone, so the module is untouched.</summary>
    public string EmitAssembly(LLVMModuleRef module)
    {
        LLVMModuleRef clone = LLVM.CloneModule(module);
        try
        {
            byte[] text = Emit(clone, LLVMCodeGenFileType.LLVMAssemblyFile);
            return System.Text.Encoding.UTF8.GetString(text);
        }
        finally
        {
            LLVM.DisposeModule(clone);
        }
    }

    public void Dispose()
    {
        if (!TargetMachine.IsNull)
        {
            LLVM.DisposeTargetMachine(TargetMachine);
            TargetMachine = default;
        }
    }

    private byte[] Emit(LLVMModuleRef module, LLVMCodeGenFileType fileType)
    {
        ObjectDisposedException.ThrowIf(TargetMachine.IsNull, this);
        if (LLVM.TargetMachineEmitToMemoryBuffer(TargetMachine, module, fileType, out nint error, out LLVMMemoryBufferRef buffer) != 0)
        {
            throw new LlvmException($"code generation failed: {LLVM.TakeMessage(error)}");
        }

        try
        {
            return LLVM.ToArray(buffer);
        }
        finally
        {
            LLVM.DisposeMemoryBuffer(buffer);
        }
    }

    private static string DataLayoutOf(LLVMTargetMachineRef machine)
    {
        LLVMTargetDataRef data = LLVM.CreateTargetDataLayout(machine);
        try
        {
            return LLVM.TakeMessage(LLVM.CopyStringRepOfTargetData(data));
        }
        finally
        {
            LLVM.DisposeTargetData(data);
        }
    }
}
