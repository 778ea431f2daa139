// Managed conveniences over the raw imports: C strings, attribute indices and count-free overloads.
using System;
using System.Runtime.InteropServices;

namespace NumbaWeaver.Llvm.Interop;

public static unsafe partial class LLVM
{
    /// <summary>LLVMAttributeReturnIndex: attributes of the return value.</summary>
    public const uint AttributeReturnIndex = 0u;

    /// <summary>LLVMAttributeFunctionIndex (~0U): attributes of the function itself; parameters are 1..N.</summary>
    public const uint AttributeFunctionIndex = uint.MaxValue;

    /// <summary>Copies a <c>char*</c> that LLVM handed over (must be freed with LLVMDisposeMessage), then frees it.</summary>
    public static string TakeMessage(nint message)
    {
        if (message == 0)
        {
            return string.Empty;
        }

        try
        {
            return Utf8Text.FromNative((byte*)message);
        }
        finally
        {
            DisposeMessage(message);
        }
    }

    /// <summary>Copies a borrowed <c>const char*</c> that LLVM still owns (do not free it).</summary>
    public static string GetString(nint borrowed) =>
        Utf8Text.FromNative((byte*)borrowed);

    /// <summary>Copies a borrowed, length-delimited string (not necessarily NUL-terminated).</summary>
    public static string GetString(nint borrowed, nuint length) =>
        borrowed == 0 ? string.Empty : Utf8Text.FromNative((byte*)borrowed, checked((int)length));

    /// <summary>Turns an LLVMErrorRef into its message and consumes it; returns null for success (null handle).</summary>
    public static string? TakeErrorMessage(LLVMErrorRef error)
    {
        if (error.IsNull)
        {
            return null;
        }

        // LLVMGetErrorMessage consumes the error; the message must go back through LLVMDisposeErrorMessage.
        nint message = GetErrorMessage(error);
        try
        {
            return Utf8Text.FromNative((byte*)message);
        }
        finally
        {
            DisposeErrorMessage(message);
        }
    }

    public static LLVMTypeRef FunctionType(LLVMTypeRef returnType, LLVMTypeRef[] paramTypes, bool isVarArg = false) =>
        FunctionType(returnType, paramTypes, (uint)paramTypes.Length, isVarArg ? 1 : 0);

    public static LLVMTypeRef StructTypeInContext(LLVMContextRef c, LLVMTypeRef[] elementTypes, bool packed = false) =>
        StructTypeInContext(c, elementTypes, (uint)elementTypes.Length, packed ? 1 : 0);

    public static LLVMValueRef BuildCall2(LLVMBuilderRef builder, LLVMTypeRef functionType, LLVMValueRef fn, LLVMValueRef[] args, string name = "") =>
        BuildCall2(builder, functionType, fn, args, (uint)args.Length, name);

    public static LLVMValueRef BuildGEP2(LLVMBuilderRef builder, LLVMTypeRef type, LLVMValueRef pointer, LLVMValueRef[] indices, string name = "") =>
        BuildGEP2(builder, type, pointer, indices, (uint)indices.Length, name);

    public static LLVMValueRef BuildInBoundsGEP2(LLVMBuilderRef builder, LLVMTypeRef type, LLVMValueRef pointer, LLVMValueRef[] indices, string name = "") =>
        BuildInBoundsGEP2(builder, type, pointer, indices, (uint)indices.Length, name);

    public static void AddIncoming(LLVMValueRef phiNode, LLVMValueRef value, LLVMBasicBlockRef block) =>
        AddIncoming(phiNode, [value], [block], 1);

    public static void SetValueName(LLVMValueRef value, string name) =>
        SetValueName2(value, name, (nuint)Utf8Text.ByteCount(name));

    public static string GetValueName(LLVMValueRef value) =>
        GetString(GetValueName2(value, out nuint length), length);

    /// <summary>The intrinsic id of a name such as "llvm.sqrt" (0 when unknown).</summary>
    public static uint LookupIntrinsicID(string name) =>
        LookupIntrinsicID(name, (nuint)Utf8Text.ByteCount(name));

    /// <summary>Declares (or finds) intrinsic <paramref name="id"/> in a module, overloaded on <paramref name="overloadTypes"/>.</summary>
    public static LLVMValueRef GetIntrinsicDeclaration(LLVMModuleRef module, uint id, params LLVMTypeRef[] overloadTypes) =>
        GetIntrinsicDeclaration(module, id, overloadTypes, (nuint)overloadTypes.Length);

    /// <summary>The function type of intrinsic <paramref name="id"/> overloaded on <paramref name="overloadTypes"/>.</summary>
    public static LLVMTypeRef IntrinsicGetType(LLVMContextRef context, uint id, params LLVMTypeRef[] overloadTypes) =>
        IntrinsicGetType(context, id, overloadTypes, (nuint)overloadTypes.Length);

    public static string PrintModule(LLVMModuleRef module) => TakeMessage(PrintModuleToString(module));

    public static string PrintValue(LLVMValueRef value) => TakeMessage(PrintValueToString(value));

    public static string PrintType(LLVMTypeRef type) => TakeMessage(PrintTypeToString(type));

    /// <summary>Verifies a module; returns null when valid, else the verifier's report.</summary>
    public static string? Verify(LLVMModuleRef module)
    {
        int failed = VerifyModule(module, LLVMVerifierFailureAction.LLVMReturnStatusAction, out nint message);
        string text = TakeMessage(message);
        return failed != 0 ? text : null;
    }

    /// <summary>Copies an LLVM memory buffer into a managed array (the buffer stays owned by the caller).</summary>
    public static byte[] ToArray(LLVMMemoryBufferRef buffer)
    {
        nint start = GetBufferStart(buffer);
        nuint size = GetBufferSize(buffer);
        return new ReadOnlySpan<byte>((void*)start, checked((int)size)).ToArray();
    }
}
