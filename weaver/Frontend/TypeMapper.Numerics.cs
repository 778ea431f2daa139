// Maps System.Numerics.Vector2/3/4, Quaternion and Complex, whose layouts .NET fixes, to IR structs.
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

public static partial class TypeMapper
{
    /// <summary>
    /// The IR struct of a System.Numerics value type whose layout is part of its public contract
    /// (Vector2/3/4 and Quaternion: float X, Y, Z, W; Matrix4x4: float M11 .. M44 by rows; Complex: double real, imaginary), else null. These live in another
    /// assembly, but their layout cannot change without breaking interop, so the native side may know it.
    /// </summary>
    public static IrType? MapNumerics(TypeReference type)
    {
        type = StripModifiers(type);
        if (type.IsArray || type.IsByReference || type.IsGenericInstance || type.Namespace != "System.Numerics") return null;
        return type.Name switch
        {
            "Vector2" => NumericsVector(type.FullName, 2),
            "Vector3" => NumericsVector(type.FullName, 3),
            "Vector4" => NumericsVector(type.FullName, 4),
            "Quaternion" => NumericsVector(type.FullName, 4),
            "Matrix4x4" => NumericsVector(type.FullName, 16),
            "Complex" => IrType.StructOf(IrType.SanitizeName(type.FullName), new[] { IrType.F64, IrType.F64 }),
            _ => null,
        };
    }

    /// <summary>True for Vector2/3/4, Quaternion and Complex of System.Numerics.</summary>
    public static bool IsNumerics(TypeReference type) => MapNumerics(type) != null;

    private static IrType NumericsVector(string fullName, int count) =>
        IrType.StructOf(IrType.SanitizeName(fullName), Enumerable.Repeat(IrType.F32, count).ToArray());

    /// <summary>The field index of Vector2/3/4's and Quaternion's public X, Y, Z, W fields; null for anything else.</summary>
    private static (IrType Struct, int Index)? MapNumericsField(FieldReference field)
    {
        if (MapNumerics(field.DeclaringType) is not { } owner || field.DeclaringType.Name == "Complex") return null;
        int index = field.Name switch { "X" => 0, "Y" => 1, "Z" => 2, "W" => 3, _ => -1 };
        if (field.DeclaringType.Name == "Matrix4x4")
            // M11 .. M44: row-major, 16 floats.
            index = field.Name.Length == 3 && field.Name[0] == 'M' && field.Name[1] is >= '1' and <= '4' && field.Name[2] is >= '1' and <= '4'
                ? (field.Name[1] - '1') * 4 + field.Name[2] - '1'
                : -1;
        return index >= 0 && index < owner.Fields.Count ? (owner, index) : null;
    }
}
