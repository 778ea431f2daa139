// The stable catalogue of NJxxxx diagnostic codes the weaver reports; never renumber, only add.
namespace NumbaWeaver.Weaving.Diagnostics;

/// <summary>
/// Diagnostic codes. Ranges: NJ00xx method shape and types, NJ01xx calls, NJ02xx exceptions,
/// NJ03xx objects and memory, NJ05xx [CudaJit] kernels, NJ9xxx internal errors (a weaver bug, not the user's).
/// </summary>
public static partial class DiagnosticCodes
{
    /// <summary>An instance (non-static) method is marked [Njit]; only static methods can be compiled.</summary>
    public const string InstanceMethod = "NJ0001";

    /// <summary>A generic method, or a method of a generic type, is marked [Njit].</summary>
    public const string GenericMethod = "NJ0002";

    /// <summary>A parameter, return value or local has a type the IR cannot represent (only primitives,
    /// arrays and spans of primitives, and ref/out/in primitives are supported).</summary>
    public const string UnsupportedType = "NJ0003";

    /// <summary>Pinned locals, unmanaged pointers or arithmetic on references.</summary>
    public const string Pointers = "NJ0004";

    /// <summary>An [Njit] method has no IL body (abstract, extern, P/Invoke).</summary>
    public const string NoBody = "NJ0005";

    /// <summary>Two methods translate to the same IR function name (overloads that differ only by an enum
    /// versus its underlying integer type).</summary>
    public const string NameClash = "NJ0006";

    /// <summary>Any other IL instruction the translator does not handle; the message names it.</summary>
    public const string UnsupportedInstruction = "NJ0099";

    /// <summary>A call to something other than a static method of this assembly or a Math/MathF function
    /// (instance, virtual, generic, other assemblies).</summary>
    public const string UnsupportedCall = "NJ0101";

    /// <summary>A Math/MathF overload with no native implementation (see docs/supported.md).</summary>
    public const string UnsupportedMathFunction = "NJ0102";

    /// <summary>A Span/ReadOnlySpan/Array member that is not supported yet (Slice, CopyTo, Fill, ...).</summary>
    public const string UnsupportedSpanMember = "NJ0103";

    /// <summary>throw, rethrow or an exception handling region (try/catch/finally, using, lock).</summary>
    public const string ExceptionHandling = "NJ0201";

    /// <summary>An allocation: new arrays, new objects, boxing into new storage.</summary>
    public const string Allocation = "NJ0301";

    /// <summary>Object-typed values: strings, null, boxing, unboxing, casts and type tests.</summary>
    public const string Objects = "NJ0302";

    /// <summary>Field access (static or instance), including static readonly tables.</summary>
    public const string Fields = "NJ0303";

    /// <summary>stackalloc (localloc).</summary>
    public const string StackAlloc = "NJ0304";

    /// <summary>Function pointers and delegates' targets: ldftn, ldvirtftn, calli.</summary>
    public const string FunctionPointers = "NJ0305";

    /// <summary>A [CudaJit] kernel that is not static, is generic, returns a value, or has a parameter type
    /// a kernel cannot take (only primitives, T[] and T[,] of primitives).</summary>
    public const string CudaKernelSignature = "NJ0501";

    /// <summary>Cuda.Shared.Array / Cuda.Local.Array with a size that is not a compile-time constant.</summary>
    public const string CudaArraySizeNotConstant = "NJ0502";

    /// <summary>An array passed to or returned from a method outside this assembly inside kernel code
    /// (only Cuda.* intrinsics and this assembly's static methods can take arrays on the device).</summary>
    public const string CudaForeignArrayCall = "NJ0503";

    /// <summary>Allocation inside kernel code (new T[n], new of a class): use Cuda.Local.Array or Cuda.Shared.Array.</summary>
    public const string CudaAllocation = "NJ0504";

    /// <summary>Object values inside kernel code: strings, null, boxing, casts and type tests.</summary>
    public const string CudaObjects = "NJ0505";

    /// <summary>throw, try/catch/finally (using, lock) inside kernel code.</summary>
    public const string CudaExceptions = "NJ0506";

    /// <summary>Writing static fields, or reading mutable ones, inside kernel code.</summary>
    public const string CudaStaticFields = "NJ0507";

    /// <summary>Delegates and function pointers (ldftn, calli, virtual calls on objects) inside kernel code.</summary>
    public const string CudaFunctionPointers = "NJ0508";

    /// <summary>An array operation kernels do not support: jagged or 3-D arrays, LongLength, Array methods.</summary>
    public const string CudaArrayOperation = "NJ0509";

    /// <summary>Internal error: the translated IR failed <c>IrVerifier</c> (the message lists its errors).</summary>
    public const string InvalidIr = "NJ9000";

    /// <summary>Internal error: the translator threw while reading a method.</summary>
    public const string TranslatorCrash = "NJ9001";
}
