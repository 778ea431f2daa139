// The table of library methods the backend implements natively: the weaver maps calls to these names.
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>Signature of an intrinsic.</summary>
public sealed class IntrinsicSignature
{
    public IntrinsicSignature(string name, IrType returnType, IrType[] parameters)
    {
        Name = name;
        ReturnType = returnType;
        Parameters = parameters;
    }

    /// <summary>Key: <c>Type.Method(param types)</c>, e.g. <c>Math.Sqrt(f64)</c>.</summary>
    public string Name { get; }

    /// <summary>"Math", "MathF", or "Double"/"Single" for the classification functions.</summary>
    // InvariantText, not string.IndexOf: the framework's first search in a process costs about 2 ms here (docs/cache.md).
    public string TypeName => Name.Substring(0, InvariantText.IndexOf(Name, '.'));

    /// <summary>Method name without type and parameters, e.g. "Sqrt".</summary>
    public string MethodName
    {
        get
        {
            int dot = InvariantText.IndexOf(Name, '.');
            return Name.Substring(dot + 1, InvariantText.IndexOf(Name, '(') - dot - 1);
        }
    }

    public IrType ReturnType { get; }
    public IrType[] Parameters { get; }
}

/// <summary>
/// Library calls that compile to LLVM instructions, intrinsics or libm calls. A key is built from
/// the .NET method as <c>DeclaringType.Name(IR param types)</c>; enums are passed as their
/// underlying integer type.
/// </summary>
public static partial class Intrinsics
{
    public static IEnumerable<IntrinsicSignature> All => Table.Values;

    public static IntrinsicSignature? Find(string key) => Table.TryGetValue(key, out var s) ? s : null;

    public static string Key(string typeName, string method, IEnumerable<IrType> parameters) =>
        typeName + "." + method + "(" + string.Join(",", parameters) + ")";

    /// <summary>Unary floating-point functions of Math (f64) and MathF (f32).</summary>
    public static readonly string[] UnaryFloat =
    {
        "Sqrt", "Abs", "Exp", "Log", "Log10", "Log2", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan",
        "Sinh", "Cosh", "Tanh", "Asinh", "Acosh", "Atanh", "Floor", "Ceiling", "Round", "Truncate", "Cbrt",
    };

    /// <summary>Binary floating-point functions.</summary>
    public static readonly string[] BinaryFloat = { "Pow", "Atan2", "Min", "Max", "CopySign", "Log" };

    /// <summary>Static classification methods of double (key type "Double") and float ("Single").</summary>
    public static readonly string[] Classification =
    {
        "IsNaN", "IsFinite", "IsInfinity", "IsPositiveInfinity", "IsNegativeInfinity", "IsNegative", "IsNormal", "IsSubnormal",
    };

    // Declared after the name lists: static fields initialise in textual order.
    private static readonly Dictionary<string, IntrinsicSignature> Table = Build();

    private static Dictionary<string, IntrinsicSignature> Build()
    {
        var t = new Dictionary<string, IntrinsicSignature>();
        void Add(string type, string method, IrType ret, params IrType[] ps)
        {
            var key = Key(type, method, ps);
            t[key] = new IntrinsicSignature(key, ret, ps);
        }

        foreach (var (type, f) in new[] { ("Math", IrType.F64), ("MathF", IrType.F32) })
        {
            foreach (var m in UnaryFloat) Add(type, m, f, f);
            foreach (var m in BinaryFloat) Add(type, m, f, f, f);
            Add(type, "FusedMultiplyAdd", f, f, f, f);
            Add(type, "Sign", IrType.I32, f);
            Add(type, "Round", f, f, IrType.I32); // Round(x, MidpointRounding)
        }
        // Math has float overloads of a few functions too.
        Add("Math", "Abs", IrType.F32, IrType.F32);
        Add("Math", "Min", IrType.F32, IrType.F32, IrType.F32);
        Add("Math", "Max", IrType.F32, IrType.F32, IrType.F32);
        Add("Math", "Sign", IrType.I32, IrType.F32);
        Add("Math", "Clamp", IrType.F32, IrType.F32, IrType.F32, IrType.F32);
        Add("Math", "Clamp", IrType.F64, IrType.F64, IrType.F64, IrType.F64);

        // double.IsNaN(x) and friends: bit tests on the representation, kept exact under FastMath.
        foreach (var (type, f) in new[] { ("Double", IrType.F64), ("Single", IrType.F32) })
            foreach (var m in Classification) Add(type, m, IrType.Bool, f);
        // Numba.Prange's zero-step check (docs/parallel.md): i64 step -> the same step.
        t[ParallelLoops.StepCheck] = new IntrinsicSignature(ParallelLoops.StepCheck, IrType.I64, new[] { IrType.I64 });

        var signed = new[] { IrType.I8, IrType.I16, IrType.I32, IrType.I64 };
        var all = new[] { IrType.I8, IrType.U8, IrType.I16, IrType.U16, IrType.I32, IrType.U32, IrType.I64, IrType.U64 };
        foreach (var s in signed)
        {
            Add("Math", "Abs", s, s);
            Add("Math", "Sign", IrType.I32, s);
        }
        foreach (var i in all)
        {
            Add("Math", "Min", i, i, i);
            Add("Math", "Max", i, i, i);
            Add("Math", "Clamp", i, i, i, i);
        }
        AddLibrary(Add);
        AddRandom(Add); // Intrinsics.Random.cs
        return t;
    }
}
