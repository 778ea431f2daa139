// The NumbaWeaver IR type model: scalars, arrays, spans and managed references to scalars.
using System;
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>What kind of value an <see cref="IrType"/> describes.</summary>
public enum TypeKind
{
    Void, Bool, I8, U8, I16, U16, Char, I32, U32, I64, U64, F32, F64,
    /// <summary>A .NET array <c>T[]</c>, <c>T[,]</c>, ... (rank in <see cref="IrType.Rank"/>).</summary>
    Array,
    /// <summary><c>Span&lt;T&gt;</c>: same machine representation as a 1-D array view.</summary>
    Span,
    /// <summary><c>ReadOnlySpan&lt;T&gt;</c>.</summary>
    ReadOnlySpan,
    /// <summary>A managed reference <c>ref T</c> to a scalar (ref/out parameters, element addresses).</summary>
    ByRef,
    /// <summary>A value type with ordered fields (scalars or structs), .NET sequential layout (IrType.Structs.cs).</summary>
    Struct,
    /// <summary>
    /// A type parameter of a generic function (<c>T0</c>, <c>T1</c>: the method's type parameter by position,
    /// see <see cref="IrType.TypeParameter"/>). Only generic functions contain it; instantiation replaces it.
    /// </summary>
    TypeParameter,
}

/// <summary>
/// An immutable IR type. Scalars are singletons; composite types compare structurally.
/// The text form (<see cref="ToString"/>) is what the printer writes and the parser reads.
/// </summary>
public sealed partial class IrType : IEquatable<IrType>
{
    private IrType(TypeKind kind, IrType? element, int rank)
    {
        Kind = kind;
        Element = element;
        Rank = rank;
    }

    public TypeKind Kind { get; }

    /// <summary>Element type of arrays, spans and references; null for scalars.</summary>
    public IrType? Element { get; }

    /// <summary>Number of dimensions of an array; 1 for spans; 0 otherwise.</summary>
    public int Rank { get; }

    public static readonly IrType Void = new(TypeKind.Void, null, 0);
    public static readonly IrType Bool = new(TypeKind.Bool, null, 0);
    public static readonly IrType I8 = new(TypeKind.I8, null, 0);
    public static readonly IrType U8 = new(TypeKind.U8, null, 0);
    public static readonly IrType I16 = new(TypeKind.I16, null, 0);
    public static readonly IrType U16 = new(TypeKind.U16, null, 0);
    public static readonly IrType Char = new(TypeKind.Char, null, 0);
    public static readonly IrType I32 = new(TypeKind.I32, null, 0);
    public static readonly IrType U32 = new(TypeKind.U32, null, 0);
    public static readonly IrType I64 = new(TypeKind.I64, null, 0);
    public static readonly IrType U64 = new(TypeKind.U64, null, 0);
    public static readonly IrType F32 = new(TypeKind.F32, null, 0);
    public static readonly IrType F64 = new(TypeKind.F64, null, 0);

    /// <summary>Type parameter <paramref name="index"/> of a generic function, written <c>T0</c>, <c>T1</c>, ...</summary>
    public static IrType TypeParameter(int index)
    {
        if (index < 0 || index > 63) throw new ArgumentOutOfRangeException(nameof(index));
        return new IrType(TypeKind.TypeParameter, null, index);
    }

    public static IrType ArrayOf(IrType element, int rank = 1)
    {
        RequireScalarElement(element);
        if (rank < 1 || rank > 32) throw new ArgumentOutOfRangeException(nameof(rank));
        return new IrType(TypeKind.Array, element, rank);
    }

    public static IrType SpanOf(IrType element, bool readOnly = false)
    {
        RequireScalarElement(element);
        return new IrType(readOnly ? TypeKind.ReadOnlySpan : TypeKind.Span, element, 1);
    }

    public static IrType RefTo(IrType element)
    {
        RequireScalarElement(element);
        return new IrType(TypeKind.ByRef, element, 0);
    }

    private static void RequireScalarElement(IrType element)
    {
        if (!element.IsScalar && !element.IsStruct) throw new ArgumentException($"element type must be a scalar or a struct, not {element}");
    }

    /// <summary>
    /// A number, bool or char, or a type parameter: generic functions are instantiated with scalar type
    /// arguments only (docs/ir.md, "Generic functions"), so a type parameter stands for a scalar.
    /// </summary>
    public bool IsScalar => Kind >= TypeKind.Bool && Kind <= TypeKind.F64 || Kind == TypeKind.TypeParameter;

    public bool IsTypeParameter => Kind == TypeKind.TypeParameter;

    /// <summary>Index of a type parameter (<c>T1</c> is 1).</summary>
    public int TypeParameterIndex => IsTypeParameter ? Rank : throw new InvalidOperationException($"{this} is not a type parameter");

    /// <summary>True when this type is or contains a type parameter.</summary>
    public bool ContainsTypeParameter => IsTypeParameter || Element is { ContainsTypeParameter: true };

    /// <summary>This type with every type parameter <c>Tn</c> replaced by <paramref name="arguments"/>[n].</summary>
    public IrType Substitute(IReadOnlyList<IrType> arguments)
    {
        if (IsTypeParameter)
            return Rank < arguments.Count ? arguments[Rank] : throw new ArgumentException($"no type argument for {this}");
        if (Element == null || !Element.ContainsTypeParameter) return this;
        var element = Element.Substitute(arguments);
        return Kind switch
        {
            TypeKind.Array => ArrayOf(element, Rank),
            TypeKind.Span => SpanOf(element),
            TypeKind.ReadOnlySpan => SpanOf(element, readOnly: true),
            TypeKind.ByRef => RefTo(element),
            _ => throw new InvalidOperationException($"cannot substitute into {this}"),
        };
    }
    public bool IsFloat => Kind == TypeKind.F32 || Kind == TypeKind.F64;
    public bool IsInteger => Kind >= TypeKind.Bool && Kind <= TypeKind.U64;

    /// <summary>Signed integer types (bool and char are unsigned).</summary>
    public bool IsSigned => Kind is TypeKind.I8 or TypeKind.I16 or TypeKind.I32 or TypeKind.I64;

    /// <summary>Arrays and spans: values with a data pointer and lengths.</summary>
    public bool IsArrayLike => Kind is TypeKind.Array or TypeKind.Span or TypeKind.ReadOnlySpan;

    public bool IsByRef => Kind == TypeKind.ByRef;

    /// <summary>Size in bytes of a scalar as stored in memory (bool is one byte, as in .NET).</summary>
    public int SizeInBytes => Kind switch
    {
        TypeKind.Bool or TypeKind.I8 or TypeKind.U8 => 1,
        TypeKind.I16 or TypeKind.U16 or TypeKind.Char => 2,
        TypeKind.I32 or TypeKind.U32 or TypeKind.F32 => 4,
        TypeKind.I64 or TypeKind.U64 or TypeKind.F64 => 8,
        TypeKind.Struct => _layout!.Size,
        _ => throw new InvalidOperationException($"{this} has no scalar size"),
    };

    /// <summary>
    /// The type this value has on the evaluation stack, as in ECMA-335: integers narrower than
    /// 32 bits widen to i32, unsigned types use the signed stack type of their width.
    /// </summary>
    public IrType StackType => Kind switch
    {
        TypeKind.Bool or TypeKind.I8 or TypeKind.U8 or TypeKind.I16 or TypeKind.U16 or TypeKind.Char
            or TypeKind.I32 or TypeKind.U32 => I32,
        TypeKind.I64 or TypeKind.U64 => I64,
        _ => this,
    };

    public bool Equals(IrType? other) =>
        other is not null && other.Kind == Kind && other.Rank == Rank && Equals(other.Element, Element) && SameStruct(other);

    public override bool Equals(object? obj) => obj is IrType t && Equals(t);

    public override int GetHashCode() => ((int)Kind * 397) ^ (Rank * 31) ^ (Element?.GetHashCode() ?? 0) ^ StructHash();

    public static bool operator ==(IrType? a, IrType? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(IrType? a, IrType? b) => !(a == b);

    // Scalar names by kind (Void..F64 are 0..12), the one list the printer and the parser share: Enum.ToString and
    // ToLowerInvariant cost a first call milliseconds of reflection and globalization start-up (8 ms measured).
    private static readonly string[] ScalarNames = ["void", "bool", "i8", "u8", "i16", "u16", "char", "i32", "u32", "i64", "u64", "f32", "f64"];

    // By kind, as ScalarNames. Searched in a loop, not a Dictionary: building one in the static constructor cost a
    // generic kernel's first cached call 0.15 ms (IrType's first use there), and parsing is the compile path's.
    private static readonly IrType[] Scalars = [Void, Bool, I8, U8, I16, U16, Char, I32, U32, I64, U64, F32, F64];

    private static IrType? ScalarNamed(string text)
    {
        for (int kind = 0; kind < ScalarNames.Length; kind++)
            if (string.Equals(text, ScalarNames[kind], StringComparison.Ordinal)) return Scalars[kind];
        return null;
    }

    public override string ToString() => Kind switch
    {
        TypeKind.Array => Element + "[" + new string(',', Rank - 1) + "]",
        TypeKind.Span => "span<" + Element + ">",
        TypeKind.ReadOnlySpan => "rospan<" + Element + ">",
        TypeKind.ByRef => "ref<" + Element + ">",
        TypeKind.Struct => StructText(),
        TypeKind.TypeParameter => "T" + InvariantText.Decimal(Rank),
        _ => ScalarNames[(int)Kind],
    };

    /// <summary>Parses the text form written by <see cref="ToString"/>.</summary>
    public static IrType Parse(string text)
    {
        text = text.Trim();
        if (ScalarNamed(text) is { } scalar) return scalar;
        if (InvariantText.EndsWith(text, '}')) return ParseStruct(text);
        // Not int.TryParse with a culture: CultureInfo loads ICU (milliseconds) on the first compile.
        if (text.Length > 1 && text[0] == 'T' && AllDigits(text, 1) && InvariantText.TryParseInt32(text, 1, text.Length - 1, out int parameter))
            return TypeParameter(parameter);
        if (InvariantText.EndsWith(text, ']'))
        {
            int open = InvariantText.IndexOf(text, '[');
            if (open <= 0) throw new FormatException($"bad IR type '{text}'");
            int rank = text.Length - open - 1;
            return ArrayOf(Parse(text.Substring(0, open)), rank);
        }
        if (TryGeneric(text, "span<", out var e1)) return SpanOf(e1);
        if (TryGeneric(text, "rospan<", out var e2)) return SpanOf(e2, readOnly: true);
        if (TryGeneric(text, "ref<", out var e3)) return RefTo(e3);
        throw new FormatException($"unknown IR type '{text}'");
    }

    private static bool AllDigits(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
            if (text[i] < '0' || text[i] > '9') return false;
        return true;
    }

    private static bool TryGeneric(string text, string prefix, out IrType element)
    {
        element = Void;
        if (!InvariantText.StartsWith(text, prefix) || !InvariantText.EndsWith(text, '>')) return false;
        element = Parse(text.Substring(prefix.Length, text.Length - prefix.Length - 1));
        return true;
    }
}
