// Raw imports from llvm-c/LLJIT.h and llvm-c/Orc.h: the ORC LLJIT, its JITDylibs, thread-safe modules and symbol generators.
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    // LLJIT builder and instance (LLJIT.h)
    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateLLJITBuilder")]
    public static partial LLVMOrcLLJITBuilderRef OrcCreateLLJITBuilder();

    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeLLJITBuilder")]
    public static partial void OrcDisposeLLJITBuilder(LLVMOrcLLJITBuilderRef builder);

    // Takes ownership of the JTMB.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITBuilderSetJITTargetMachineBuilder")]
    public static partial void OrcLLJITBuilderSetJITTargetMachineBuilder(LLVMOrcLLJITBuilderRef builder, LLVMOrcJITTargetMachineBuilderRef jtmb);

    // Takes ownership of the builder, even when it fails. The LLJIT is disposed with OrcDisposeLLJIT.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateLLJIT")]
    public static partial LLVMErrorRef OrcCreateLLJIT(out LLVMOrcLLJITRef result, LLVMOrcLLJITBuilderRef builder);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeLLJIT")]
    public static partial LLVMErrorRef OrcDisposeLLJIT(LLVMOrcLLJITRef j);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetExecutionSession")]
    public static partial LLVMOrcExecutionSessionRef OrcLLJITGetExecutionSession(LLVMOrcLLJITRef j);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetMainJITDylib")]
    public static partial LLVMOrcJITDylibRef OrcLLJITGetMainJITDylib(LLVMOrcLLJITRef j);

    // Borrowed string (LLVM.GetString), owned by the LLJIT.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetTripleString")]
    public static partial nint OrcLLJITGetTripleString(LLVMOrcLLJITRef j);

    // The symbol prefix of the data layout: '_' on Mach-O, 0 on ELF. Lookups take unprefixed names.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetGlobalPrefix")]
    public static partial byte OrcLLJITGetGlobalPrefix(LLVMOrcLLJITRef j);

    // Borrowed string (LLVM.GetString), owned by the LLJIT.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetDataLayoutStr")]
    public static partial nint OrcLLJITGetDataLayoutStr(LLVMOrcLLJITRef j);

    // Takes ownership of the buffer, even when it fails.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITAddObjectFile")]
    public static partial LLVMErrorRef OrcLLJITAddObjectFile(LLVMOrcLLJITRef j, LLVMOrcJITDylibRef jd, LLVMMemoryBufferRef objBuffer);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITAddObjectFileWithRT")]
    public static partial LLVMErrorRef OrcLLJITAddObjectFileWithRT(LLVMOrcLLJITRef j, LLVMOrcResourceTrackerRef rt, LLVMMemoryBufferRef objBuffer);

    // Takes ownership of the TSM, even when it fails.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITAddLLVMIRModule")]
    public static partial LLVMErrorRef OrcLLJITAddLLVMIRModule(LLVMOrcLLJITRef j, LLVMOrcJITDylibRef jd, LLVMOrcThreadSafeModuleRef tsm);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITAddLLVMIRModuleWithRT")]
    public static partial LLVMErrorRef OrcLLJITAddLLVMIRModuleWithRT(LLVMOrcLLJITRef j, LLVMOrcResourceTrackerRef jd, LLVMOrcThreadSafeModuleRef tsm);

    // Plain (unmangled) name: LLJIT adds the global prefix. Compiles the defining module on first lookup.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITLookup", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMErrorRef OrcLLJITLookup(LLVMOrcLLJITRef j, out ulong result, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetObjLinkingLayer")]
    public static partial LLVMOrcObjectLayerRef OrcLLJITGetObjLinkingLayer(LLVMOrcLLJITRef j);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcLLJITGetIRTransformLayer")]
    public static partial LLVMOrcIRTransformLayerRef OrcLLJITGetIRTransformLayer(LLVMOrcLLJITRef j);

    // Execution session, symbol strings, JITDylibs, resource trackers (Orc.h)
    // reportError: delegate* unmanaged<nint ctx, LLVMErrorRef error, void>; the reporter must consume the error.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcExecutionSessionSetErrorReporter")]
    public static partial void OrcExecutionSessionSetErrorReporter(LLVMOrcExecutionSessionRef es, nint reportError, nint ctx);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcExecutionSessionGetSymbolStringPool")]
    public static partial LLVMOrcSymbolStringPoolRef OrcExecutionSessionGetSymbolStringPool(LLVMOrcExecutionSessionRef es);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcSymbolStringPoolClearDeadEntries")]
    public static partial void OrcSymbolStringPoolClearDeadEntries(LLVMOrcSymbolStringPoolRef ssp);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcExecutionSessionIntern", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMOrcSymbolStringPoolEntryRef OrcExecutionSessionIntern(LLVMOrcExecutionSessionRef es, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcRetainSymbolStringPoolEntry")]
    public static partial void OrcRetainSymbolStringPoolEntry(LLVMOrcSymbolStringPoolEntryRef s);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcReleaseSymbolStringPoolEntry")]
    public static partial void OrcReleaseSymbolStringPoolEntry(LLVMOrcSymbolStringPoolEntryRef s);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcSymbolStringPoolEntryStr")]
    public static partial nint OrcSymbolStringPoolEntryStr(LLVMOrcSymbolStringPoolEntryRef s);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcExecutionSessionCreateBareJITDylib", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMOrcJITDylibRef OrcExecutionSessionCreateBareJITDylib(LLVMOrcExecutionSessionRef es, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcExecutionSessionCreateJITDylib", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMErrorRef OrcExecutionSessionCreateJITDylib(LLVMOrcExecutionSessionRef es, out LLVMOrcJITDylibRef result, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcExecutionSessionGetJITDylibByName", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMOrcJITDylibRef OrcExecutionSessionGetJITDylibByName(LLVMOrcExecutionSessionRef es, string name);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITDylibCreateResourceTracker")]
    public static partial LLVMOrcResourceTrackerRef OrcJITDylibCreateResourceTracker(LLVMOrcJITDylibRef jd);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITDylibGetDefaultResourceTracker")]
    public static partial LLVMOrcResourceTrackerRef OrcJITDylibGetDefaultResourceTracker(LLVMOrcJITDylibRef jd);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcReleaseResourceTracker")]
    public static partial void OrcReleaseResourceTracker(LLVMOrcResourceTrackerRef rt);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcResourceTrackerTransferTo")]
    public static partial void OrcResourceTrackerTransferTo(LLVMOrcResourceTrackerRef srcRT, LLVMOrcResourceTrackerRef dstRT);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcResourceTrackerRemove")]
    public static partial LLVMErrorRef OrcResourceTrackerRemove(LLVMOrcResourceTrackerRef rt);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITDylibClear")]
    public static partial LLVMErrorRef OrcJITDylibClear(LLVMOrcJITDylibRef jd);

    // The JITDylib takes ownership of the generator.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITDylibAddGenerator")]
    public static partial void OrcJITDylibAddGenerator(LLVMOrcJITDylibRef jd, LLVMOrcDefinitionGeneratorRef dg);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeDefinitionGenerator")]
    public static partial void OrcDisposeDefinitionGenerator(LLVMOrcDefinitionGeneratorRef dg);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess")]
    public static partial LLVMErrorRef OrcCreateDynamicLibrarySearchGeneratorForProcess(out LLVMOrcDefinitionGeneratorRef result, byte globalPrefix, nint filter, nint filterCtx);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateDynamicLibrarySearchGeneratorForPath", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial LLVMErrorRef OrcCreateDynamicLibrarySearchGeneratorForPath(out LLVMOrcDefinitionGeneratorRef result, string fileName, byte globalPrefix, nint filter, nint filterCtx);

    // Thread-safe contexts and modules
    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateNewThreadSafeContext")]
    public static partial LLVMOrcThreadSafeContextRef OrcCreateNewThreadSafeContext();

    [LibraryImport(Lib, EntryPoint = "LLVMOrcThreadSafeContextGetContext")]
    public static partial LLVMContextRef OrcThreadSafeContextGetContext(LLVMOrcThreadSafeContextRef tsCtx);

    // Drops this reference; TSMs made from the TSC keep their context alive.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeThreadSafeContext")]
    public static partial void OrcDisposeThreadSafeContext(LLVMOrcThreadSafeContextRef tsCtx);

    // Takes ownership of the module, which must belong to the context of this TSC. Dispose the TSM only if it never reached the JIT.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcCreateNewThreadSafeModule")]
    public static partial LLVMOrcThreadSafeModuleRef OrcCreateNewThreadSafeModule(LLVMModuleRef m, LLVMOrcThreadSafeContextRef tsCtx);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeThreadSafeModule")]
    public static partial void OrcDisposeThreadSafeModule(LLVMOrcThreadSafeModuleRef tsm);

    // JIT target machine builders
    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITTargetMachineBuilderDetectHost")]
    public static partial LLVMErrorRef OrcJITTargetMachineBuilderDetectHost(out LLVMOrcJITTargetMachineBuilderRef result);

    // Takes ownership of the target machine (and destroys it before returning).
    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine")]
    public static partial LLVMOrcJITTargetMachineBuilderRef OrcJITTargetMachineBuilderCreateFromTargetMachine(LLVMTargetMachineRef tm);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcDisposeJITTargetMachineBuilder")]
    public static partial void OrcDisposeJITTargetMachineBuilder(LLVMOrcJITTargetMachineBuilderRef jtmb);

    // Returns a string to free with LLVM.TakeMessage.
    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITTargetMachineBuilderGetTargetTriple")]
    public static partial nint OrcJITTargetMachineBuilderGetTargetTriple(LLVMOrcJITTargetMachineBuilderRef jtmb);

    [LibraryImport(Lib, EntryPoint = "LLVMOrcJITTargetMachineBuilderSetTargetTriple", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(Utf8Text))]
    public static partial void OrcJITTargetMachineBuilderSetTargetTriple(LLVMOrcJITTargetMachineBuilderRef jtmb, string targetTriple);
}
