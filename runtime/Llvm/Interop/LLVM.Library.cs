// The library name every import uses, and the hook that installs the libLLVM resolver before the first import runs.
namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    /// <summary>The logical library name; <see cref="LlvmLibrary"/> maps it to the real libLLVM file.</summary>
    internal const string Lib = "LLVM";

    // An explicit static constructor runs before the first call to any member of this class, so
    // the DllImport resolver is always in place before the runtime tries to bind an import. It
    // only installs the resolver; libLLVM itself is loaded on the first import call.
    static LLVM() => LlvmLibrary.InstallResolver();
}
