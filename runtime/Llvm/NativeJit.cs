// The process-wide ORC LLJIT for the host CPU: turns LLVM modules (or cached objects) into callable machine code.
using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Threading;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Llvm;

/// <summary>
/// One LLJIT per process. Code addresses it returns stay valid until the process exits, so it is
/// never disposed. LLVM contexts and target machines are not thread-safe: hold <see cref="SyncRoot"/>
/// while building a module in <see cref="Context"/>, optimizing it and adding it (the Add*/Lookup
/// methods take the lock themselves; it is re-entrant).
/// </summary>
/// <remarks>
/// Ownership: <see cref="AddModule"/> wraps the module in a ThreadSafeModule
/// (LLVMOrcCreateNewThreadSafeModule takes the module) and LLVMOrcLLJITAddLLVMIRModule takes that TSM,
/// even when it fails; <see cref="AddObject"/> copies the bytes into a MemoryBuffer that
/// LLVMOrcLLJITAddObjectFile takes. The JIT owns the host target machine's twin built for it, the
/// main JITDylib and the process-symbol generator; this class owns <see cref="Host"/> and the
/// ThreadSafeContext whose LLVMContext every module must be created in (a module from any other
/// context fails or crashes inside ORC, so <see cref="AddModule"/> checks it).
/// </remarks>
public sealed unsafe partial class NativeJit
{
    private static readonly Lock CreationGate = new();
    private static NativeJit? instance;
    private static string? creationError;
    private static string? lastSessionError;

    private LLVMOrcLLJITRef jit;
    private LLVMOrcJITDylibRef mainDylib;
    private bool jitStarted;
    private int objectCount;

    private NativeJit()
    {
        var clock = Stopwatch.StartNew();
        Host = HostTarget.Create();
        ThreadSafeContext = LLVM.OrcCreateNewThreadSafeContext();
        Context = LLVM.OrcThreadSafeContextGetContext(ThreadSafeContext);
        Triple = Host.Triple;
        DataLayout = Host.DataLayout;
        // The data layout's mangling mode: "m:o" is Mach-O, whose C symbols carry '_'; ELF's carry nothing.
        // InvariantText, not string.Contains: the framework's first search in a process costs about 2 ms (docs/cache.md).
        GlobalPrefix = InvariantText.IndexOf(DataLayout, "m:o") >= 0 ? '_' : '\0';
        InitTime = clock.Elapsed;
    }

    /// <summary>
    /// The code model of the JIT's own code. LLJIT links with JITLink on Linux x86-64 from LLVM 17, which places a
    /// module's sections together; LLVM 15 and 16 link with RuntimeDyld, whose memory manager maps code and constants
    /// apart, sometimes more than 2 GB apart, where a small-model RIP-relative constant load cannot reach (release
    /// builds of LLVM truncate the offset silently: samples/Quickstart crashed in about one run in four on LLVM 15).
    /// The large model loads constants and calls through 64-bit absolute addresses, which RuntimeDyld resolves anywhere.
    /// (Objects for the disk cache keep the small model: our own loader maps them in one piece. Only one the loader
    /// declines goes to this JIT, where on LLVM 15-16 the same distance could in principle bite.)
    /// </summary>
    internal static LLVMCodeModel JitCodeModel =>
        LlvmLibrary.MajorVersion >= 17 ? LLVMCodeModel.LLVMCodeModelSmall : LLVMCodeModel.LLVMCodeModelLarge;

    /// <summary>
    /// The ORC LLJIT, created on first use (under <see cref="SyncRoot"/>). Compiles that go to the disk cache or to a
    /// precompiled library never need it: they emit an object that <see cref="Cache.ObjectLoader"/> links, so a
    /// process's first compile does not pay the 2-5 ms of starting it.
    /// </summary>
    private LLVMOrcLLJITRef Jit
    {
        get
        {
            lock (SyncRoot)
            {
                if (jitStarted) return jit;
                var clock = Stopwatch.StartNew();
                // The JIT's codegen must use the host CPU and features (AVX2, FMA...): build its
                // JITTargetMachineBuilder from a target machine made like Host's. The JTMB takes (and
                // destroys) that target machine; the LLJIT builder takes the JTMB; LLVMOrcCreateLLJIT takes
                // the builder, even on failure.
                LLVMOrcJITTargetMachineBuilderRef machineBuilder = LLVM.OrcJITTargetMachineBuilderCreateFromTargetMachine(Host.CreateTargetMachine(JitCodeModel));
                LLVMOrcLLJITBuilderRef jitBuilder = LLVM.OrcCreateLLJITBuilder();
                LLVM.OrcLLJITBuilderSetJITTargetMachineBuilder(jitBuilder, machineBuilder);
                LlvmException.ThrowIfError(LLVM.OrcCreateLLJIT(out jit, jitBuilder), "LLVMOrcCreateLLJIT");

                // Report materialization errors through an exception rather than ORC's default stderr print.
                LLVM.OrcExecutionSessionSetErrorReporter(
                    LLVM.OrcLLJITGetExecutionSession(jit),
                    (nint)(delegate* unmanaged<nint, LLVMErrorRef, void>)&ReportSessionError,
                    0);

                // Unresolved external symbols (libm's sin, cbrt...) are looked up in the process. The JITDylib
                // takes the generator. Symbols carry the data layout's global prefix ('_' on macOS, none on
                // ELF), which the generator strips before dlsym.
                mainDylib = LLVM.OrcLLJITGetMainJITDylib(jit);
                LlvmException.ThrowIfError(
                    LLVM.OrcCreateDynamicLibrarySearchGeneratorForProcess(out LLVMOrcDefinitionGeneratorRef generator, (byte)GlobalPrefix, 0, 0),
                    "LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess");
                LLVM.OrcJITDylibAddGenerator(mainDylib, generator);
                DefineRuntimeSymbols(); // managed functions compiled code calls (NativeJit.RuntimeSymbols.cs)
                jitStarted = true;
                JitInitTime = clock.Elapsed;
                return jit;
            }
        }
    }

    /// <summary>The JIT, created on first use. Throws <see cref="LlvmException"/> when LLVM is unavailable.</summary>
    public static NativeJit Instance =>
        TryGetInstance(out NativeJit? jit, out string? error) ? jit : throw new LlvmException(error ?? "the LLVM JIT is unavailable");

    /// <summary>Serializes every use of <see cref="Context"/>, the modules in it and the target machine.</summary>
    public Lock SyncRoot { get; } = new();

    /// <summary>The host description and the target machine used for optimization and emission.</summary>
    public HostTarget Host { get; }

    /// <summary>The host target machine (owned by <see cref="Host"/>): pass it to <see cref="Optimizer.Run"/>.</summary>
    public LLVMTargetMachineRef TargetMachine => Host.TargetMachine;

    /// <summary>The ThreadSafeContext every module given to <see cref="AddModule"/> is wrapped with.</summary>
    public LLVMOrcThreadSafeContextRef ThreadSafeContext { get; }

    /// <summary>The LLVMContext of <see cref="ThreadSafeContext"/>: create modules here (see <see cref="CreateModule"/>).
    /// It lives as long as the JIT; types and constants interned in it accumulate over the process.</summary>
    public LLVMContextRef Context { get; }

    public string Triple { get; }

    public string DataLayout { get; }

    /// <summary>'\0' on ELF, '_' on Mach-O. Lookups take plain names; LLJIT adds the prefix itself.</summary>
    public char GlobalPrefix { get; }

    /// <summary>How long starting took (target init, host target machine, context).</summary>
    public TimeSpan InitTime { get; }

    /// <summary>How long creating the LLJIT took, once something needed it (zero before).</summary>
    public TimeSpan JitInitTime { get; private set; }

    /// <summary>Creates (once) the JIT; false with the reason when LLVM is missing or fails to start.</summary>
    public static bool TryGetInstance([NotNullWhen(true)] out NativeJit? jit, out string? error)
    {
        jit = Volatile.Read(ref instance);
        if (jit is not null)
        {
            error = null;
            return true;
        }

        lock (CreationGate)
        {
            if (instance is null && creationError is null)
            {
                if (!LlvmLibrary.TryLoad(out string? loadError))
                {
                    creationError = loadError;
                }
                else
                {
                    try
                    {
                        Volatile.Write(ref instance, new NativeJit());
                    }
                    catch (Exception e) when (e is LlvmException or EntryPointNotFoundException or DllNotFoundException)
                    {
                        creationError = $"the LLVM JIT could not start: {e.Message}";
                    }
                }
            }

            jit = instance;
            error = creationError;
            return jit is not null;
        }
    }

    /// <summary>A new, empty module in <see cref="Context"/> with the host triple and data layout. Hold
    /// <see cref="SyncRoot"/> while using it; ownership passes on with <see cref="AddModule"/>, else dispose it.</summary>
    public LLVMModuleRef CreateModule(string name)
    {
        lock (SyncRoot)
        {
            LLVMModuleRef module = LLVM.ModuleCreateWithNameInContext(name, Context);
            LLVM.SetTarget(module, Triple);
            LLVM.SetDataLayout(module, DataLayout);
            return module;
        }
    }

    /// <summary>Hands the module to the JIT (compiled lazily, at the first lookup of one of its symbols).
    /// Takes ownership of the module: do not use or dispose it afterwards.</summary>
    public void AddModule(LLVMModuleRef module)
    {
        lock (SyncRoot)
        {
            if (LLVM.GetModuleContext(module) != Context)
            {
                throw new ArgumentException("the module was not created in NativeJit.Context", nameof(module));
            }

            // An empty data layout is filled in by LLJIT; a different one is rejected, so set ours.
            LLVM.SetTarget(module, Triple);
            LLVM.SetDataLayout(module, DataLayout);
            LLVMOrcThreadSafeModuleRef threadSafeModule = LLVM.OrcCreateNewThreadSafeModule(module, ThreadSafeContext);
            LLVMOrcLLJITRef lljit = Jit;
            LlvmException.ThrowIfError(LLVM.OrcLLJITAddLLVMIRModule(lljit, mainDylib, threadSafeModule), "LLVMOrcLLJITAddLLVMIRModule");
        }
    }

    /// <summary>Adds the module (taking ownership), compiles it and returns the address of <paramref name="symbol"/>.</summary>
    public nint AddModuleAndLookup(LLVMModuleRef module, string symbol)
    {
        lock (SyncRoot)
        {
            AddModule(module);
            return Lookup(symbol);
        }
    }

    /// <summary>Adds a relocatable object (e.g. from <see cref="EmitObject"/> or the disk cache). The bytes are copied.</summary>
    public void AddObject(byte[] objectFile)
    {
        ArgumentNullException.ThrowIfNull(objectFile);
        lock (SyncRoot)
        {
            string bufferName = $"numba-object-{++objectCount}";
            LLVMMemoryBufferRef buffer = LLVM.CreateMemoryBufferWithMemoryRangeCopy(objectFile, (nuint)objectFile.Length, bufferName);
            LLVMOrcLLJITRef lljit = Jit;
            LlvmException.ThrowIfError(LLVM.OrcLLJITAddObjectFile(lljit, mainDylib, buffer), "LLVMOrcLLJITAddObjectFile");
        }
    }

    /// <summary>Adds an object file and returns the address of <paramref name="symbol"/> in it.</summary>
    public nint AddObjectAndLookup(byte[] objectFile, string symbol)
    {
        lock (SyncRoot)
        {
            AddObject(objectFile);
            return Lookup(symbol);
        }
    }

    /// <summary>The address of a symbol (plain name, no global prefix), compiling its module if needed.</summary>
    public nint Lookup(string symbol)
    {
        lock (SyncRoot)
        {
            Volatile.Write(ref lastSessionError, null);
            LLVMErrorRef error = LLVM.OrcLLJITLookup(Jit, out ulong address, symbol);
            string? message = LLVM.TakeErrorMessage(error);
            string? sessionError = Volatile.Read(ref lastSessionError);
            if (message is not null)
            {
                throw new LlvmException(sessionError is null || message.Contains(sessionError, StringComparison.Ordinal)
                    ? $"JIT lookup of '{symbol}' failed: {message}"
                    : $"JIT lookup of '{symbol}' failed: {message} ({sessionError})");
            }

            return address != 0 ? (nint)address : throw new LlvmException($"JIT lookup of '{symbol}' returned a null address");
        }
    }

    /// <summary>Object code for the module with the host target machine; see <see cref="HostTarget.EmitObject"/>.</summary>
    public byte[] EmitObject(LLVMModuleRef module)
    {
        lock (SyncRoot)
        {
            return Host.EmitObject(module);
        }
    }

    /// <summary>Assembly text for the module (NUMBA_DUMP_ASSEMBLY); the module is left as it was.</summary>
    public string EmitAssembly(LLVMModuleRef module)
    {
        lock (SyncRoot)
        {
            return Host.EmitAssembly(module);
        }
    }

    /// <summary>Runs <c>default&lt;O<paramref name="optLevel"/>&gt;</c> on the module with the host target machine.</summary>
    public void Optimize(LLVMModuleRef module, int optLevel)
    {
        lock (SyncRoot)
        {
            Optimizer.Run(module, TargetMachine, optLevel);
        }
    }

    /// <summary>The module's textual IR (NUMBA_DUMP_LLVM / NUMBA_DUMP_OPTIMIZED).</summary>
    public string PrintModule(LLVMModuleRef module)
    {
        lock (SyncRoot)
        {
            return LLVM.PrintModule(module);
        }
    }

    // Called by ORC on the materializing thread (the one doing the lookup, since LLJIT dispatches in place).
    [UnmanagedCallersOnly]
    private static void ReportSessionError(nint context, LLVMErrorRef error)
    {
        Volatile.Write(ref lastSessionError, LLVM.TakeErrorMessage(error));
    }
}
