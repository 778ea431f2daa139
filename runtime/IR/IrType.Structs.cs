// Struct types of the IR: named value types with ordered scalar/struct fields in .NET sequential layout.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NumbaWeaver.IR;

/// <summary>
/// A struct type <c>Name{f64,f64,i32}</c>: the C# value type's (sanitised) full name and its instance
/// fields in declaration order. Layout is .NET's sequential one, which is C's: each field at the next
/// multiple of its alignment (a scalar's size, a struct's largest alignment), the size rounded up to
/// the struct's alignment. Two structs are the same IR type when names and fields agree.
/// </summary>
public sealed partial class IrType
{
    /// <summary>Offsets, size and alignment of a struct; null for other kinds.</summary>
    private sealed class StructLayout(string name, IrType[] fields, int[] offsets, int size, int alignment)
    {
        public string Name { get; } = name;
        public IrType[] Fields { get; } = fields;
        public int[] Offsets { get; } = offsets;
        public int Size { get; } = size;
        public int Alignment { get; } = alignment;
    }

    private readonly StructLayout? _layout;

    private IrType(StructLayout layout)
    {
        Kind = TypeKind.Struct;
        _layout = layout;
    }

    /// <summary>The name tuples get (System.ValueTuple of any arity).</summary>
    public const string TupleName = "tuple";

    /// <summary>
    /// A struct of <paramref name="fields"/> (scalars or structs, at least one). <paramref name="name"/> may hold
    /// letters, digits and <c>_ . + ` $</c>; <see cref="SanitizeName"/> makes any text such a name.
    /// </summary>
    public static IrType StructOf(string name, IReadOnlyList<IrType> fields)
    {
        if (name.Length == 0 || name.Any(c => !IsNameChar(c))) throw new ArgumentException($"bad struct name '{name}'");
        if (fields.Count == 0) throw new ArgumentException($"struct {name} has no fields");
        var offsets = new int[fields.Count];
        int offset = 0, alignment = 1;
        for (int i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            if (!f.IsScalar && !f.IsStruct) throw new ArgumentException($"struct field {i} of {name} is a {f}, not a scalar or struct");
            int a = f.AlignmentInBytes;
            offset = (offset + a - 1) / a * a;
            offsets[i] = offset;
            offset += f.SizeInBytes;
            alignment = Math.Max(alignment, a);
        }
        int size = (offset + alignment - 1) / alignment * alignment;
        return new IrType(new StructLayout(name, fields.ToArray(), offsets, size, alignment));
    }

    /// <summary>A tuple (System.ValueTuple) of these element types.</summary>
    public static IrType TupleOf(IReadOnlyList<IrType> elements) => StructOf(TupleName, elements);

    /// <summary>Replaces characters a struct name may not hold (generics, spaces, nesting '/') by '_' or '+'.</summary>
    public static string SanitizeName(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text) sb.Append(c == '/' ? '+' : IsNameChar(c) ? c : '_');
        return sb.Length == 0 ? "struct" : sb.ToString();
    }

    private static bool IsNameChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or '+' or '`' or '$';

    public bool IsStruct => Kind == TypeKind.Struct;

    /// <summary>A struct's name (the C# type's full name, or <see cref="TupleName"/>); null for other kinds.</summary>
    public string? StructName => _layout?.Name;

    /// <summary>A struct's field types in declaration order; empty for other kinds.</summary>
    public IReadOnlyList<IrType> Fields => _layout?.Fields ?? Array.Empty<IrType>();

    /// <summary>Byte offset of a struct's field <paramref name="index"/> in .NET's sequential layout.</summary>
    public int FieldOffset(int index) => (_layout ?? throw new InvalidOperationException($"{this} is not a struct")).Offsets[index];

    /// <summary>Alignment in memory: a scalar's size, a struct's largest field alignment, 8 for references.</summary>
    public int AlignmentInBytes => Kind switch
    {
        TypeKind.Struct => _layout!.Alignment,
        TypeKind.ByRef => 8,
        _ => SizeInBytes,
    };

    private bool SameStruct(IrType other) =>
        _layout == null
            ? other._layout == null
            : other._layout != null && other._layout.Name == _layout.Name && other._layout.Fields.SequenceEqual(_layout.Fields);

    private int StructHash()
    {
        if (_layout == null) return 0;
        int h = StringComparer.Ordinal.GetHashCode(_layout.Name);
        foreach (var f in _layout.Fields) h = h * 31 + f.GetHashCode();
        return h;
    }

    private string StructText() => _layout!.Name + "{" + string.Join(",", _layout.Fields.Select(f => f.ToString())) + "}";

    /// <summary>Parses <c>Name{t1,t2,...}</c>; the fields may be structs themselves.</summary>
    private static IrType ParseStruct(string text)
    {
        int open = InvariantText.IndexOf(text, '{');
        if (open <= 0) throw new FormatException($"bad IR struct type '{text}'");
        var fields = new List<IrType>();
        int depth = 0, start = open + 1;
        for (int i = open + 1; i < text.Length - 1; i++)
        {
            char c = text[i];
            if (c is '{' or '<' or '[') depth++;
            else if (c is '}' or '>' or ']') depth--;
            else if (c == ',' && depth == 0)
            {
                fields.Add(Parse(text.Substring(start, i - start)));
                start = i + 1;
            }
        }
        fields.Add(Parse(text.Substring(start, text.Length - 1 - start)));
        return StructOf(text.Substring(0, open), fields);
    }
}
