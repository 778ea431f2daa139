// The exception every failed LLVM call in the binding layer turns into, carrying LLVM's own message.
using System;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Llvm;

/// <summary>An LLVM operation failed (library missing, invalid IR, JIT link error, unknown symbol...).</summary>
public sealed class LlvmException : Exception
{
    public LlvmException()
    {
    }

    public LlvmException(string message)
        : base(message)
    {
    }

    public LlvmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws when <paramref name="error"/> is a failure, consuming it; a null handle means success.</summary>
    public static void ThrowIfError(LLVMErrorRef error, string operation)
    {
        string? message = LLVM.TakeErrorMessage(error);
        if (message is not null)
        {
            throw new LlvmException($"{operation}: {message}");
        }
    }
}
