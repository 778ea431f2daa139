// An IR function: signature, locals, options and a flat instruction list.
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>A named, typed value slot (parameter or local).</summary>
public sealed class IrVariable
{
    public IrVariable(string name, IrType type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }
    public IrType Type { get; }
}

/// <summary>Compilation options of a function, from its [Njit] attribute.</summary>
[System.Flags]
public enum FunctionFlags
{
    None = 0,
    /// <summary>An [Njit] method: the weaver made a stub that calls this function natively.</summary>
    Entry = 1,
    FastMath = 2,
    /// <summary>Array indices are checked (default on; NUMBA_BOUNDSCHECK overrides at run time).</summary>
    BoundsCheck = 4,
    InlineAlways = 8,
    InlineNever = 16,
    /// <summary>[Njit(Cache = true)]: keep the machine code in the disk cache (docs/cache.md).</summary>
    Cache = 32,
    /// <summary>[Njit(Parallel = true)]: Numba.Prange loops were outlined into parallel chunk functions.</summary>
    Parallel = 64,
    // Individual fast-math flags ([Njit(FastMathFlags = ...)]); FastMath means all of them.
    FastReassoc = 128,
    FastContract = 256,
    FastNoNaNs = 512,
    FastNoInfs = 1024,
    FastNoSignedZeros = 2048,
    FastArcp = 4096,
    FastAfn = 8192,
    // [Njit(PreferVectorWidth = 128/256/512)]: the widest vectors LLVM should prefer (clang's -mprefer-vector-width).
    PreferVector128 = 16384,
    PreferVector256 = 32768,
    PreferVector512 = 65536,
    /// <summary>The function's call closure calls an [Njit] method of another assembly (<see cref="ForeignCalls"/>): its
    /// cache key and the module it compiles from include that assembly's IR as loaded, not as it was at build time.</summary>
    CallsOtherAssemblies = 131072,
}

/// <summary>
/// One compiled method. Names are unique in a module: <c>Namespace.Type::Method(paramtypes)</c>.
/// Native ABI (docs/abi.md): <c>i32 status f(ret* result, params...)</c>, arrays and spans as
/// (data pointer, one i64 length per dimension), refs as pointers.
/// </summary>
public sealed class IrFunction
{
    public IrFunction(string name, IrType returnType)
    {
        Name = name;
        ReturnType = returnType;
    }

    public string Name { get; }
    public IrType ReturnType { get; }
    public List<IrVariable> Parameters { get; } = new();
    public List<IrVariable> Locals { get; } = new();
    public List<Instruction> Body { get; } = new();
    public FunctionFlags Flags { get; set; }

    /// <summary>
    /// Number of type parameters (<c>T0</c>...) of a generic function; 0 for an ordinary one. A generic function
    /// is never compiled as is: <see cref="GenericInstantiation"/> makes a concrete copy per type argument list.
    /// </summary>
    public int TypeParameterCount { get; set; }

    public bool IsGeneric => TypeParameterCount > 0;

    /// <summary>Source file of the method, for messages; may be empty.</summary>
    public string SourceFile { get; set; } = "";

    public bool Has(FunctionFlags flag) => (Flags & flag) == flag;

    public override string ToString() => Name;
}
