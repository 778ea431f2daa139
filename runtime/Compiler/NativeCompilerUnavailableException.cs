// Raised when libLLVM cannot be loaded: the dispatcher falls back to the original C#.
using System;

namespace NumbaWeaver.Compiler;

/// <summary>No usable libLLVM (15 or newer) was found.</summary>
public sealed class NativeCompilerUnavailableException : Exception
{
    public NativeCompilerUnavailableException(string message)
        : base(message + ". Install it with: sudo apt-get install -y libllvm19 (or set NUMBA_LLVM_PATH)") { }
}
