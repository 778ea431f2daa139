// Maps Cecil type references to IR types: primitives, arrays/spans of primitives, refs to primitives.
using System;
using Mono.Cecil;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// The C# types the IR can represent. Anything else maps to null and the caller reports
/// <see cref="Diagnostics.DiagnosticCodes.UnsupportedType"/> naming the type.
/// </summary>
public static partial class TypeMapper
{
    /// <summary>What the NJ0003 message tells the user is supported today.</summary>
    public const string SupportedTypesHint =
        "only primitive numbers, bool and char, structs of this assembly whose fields are such values, System.ValueTuple of them, arrays and Span/ReadOnlySpan of numbers and structs, and ref/out/in of them are supported";

    /// <summary>The IR type of <paramref name="type"/>, or null when it has none.</summary>
    public static IrType? Map(TypeReference type)
    {
        type = StripModifiers(type);
        switch (type)
        {
            case ArrayType array:
            {
                var element = MapElement(array.ElementType);
                return element == null ? null : IrType.ArrayOf(element, array.Rank);
            }
            case ByReferenceType byRef:
            {
                var element = MapElement(byRef.ElementType);
                return element == null ? null : IrType.RefTo(element);
            }
            case GenericInstanceType generic:
                return MapSpan(generic) ?? MapStruct(generic);
            default:
                return MapScalar(type) ?? MapStruct(type);
        }
    }

    /// <summary>A scalar (primitive or enum) or null; void maps to <see cref="IrType.Void"/>.</summary>
    public static IrType? MapScalar(TypeReference type)
    {
        type = StripModifiers(type);
        // A method's type parameter (`!!0`): generic functions are instantiated per type argument (docs/ir.md).
        if (type is GenericParameter { Type: GenericParameterType.Method } parameter) return IrType.TypeParameter(parameter.Position);
        if (type.IsArray || type.IsByReference || type.IsPointer || type.IsGenericInstance || type.IsGenericParameter) return null;
        switch (type.MetadataType)
        {
            case MetadataType.Void: return IrType.Void;
            case MetadataType.Boolean: return IrType.Bool;
            case MetadataType.SByte: return IrType.I8;
            case MetadataType.Byte: return IrType.U8;
            case MetadataType.Int16: return IrType.I16;
            case MetadataType.UInt16: return IrType.U16;
            case MetadataType.Char: return IrType.Char;
            case MetadataType.Int32: return IrType.I32;
            case MetadataType.UInt32: return IrType.U32;
            case MetadataType.Int64: return IrType.I64;
            case MetadataType.UInt64: return IrType.U64;
            case MetadataType.Single: return IrType.F32;
            case MetadataType.Double: return IrType.F64;
            case MetadataType.ValueType:
                return EnumUnderlyingType(type);
            default:
                return null;
        }
    }

    /// <summary>The element type when <paramref name="type"/> is Span&lt;T&gt; or ReadOnlySpan&lt;T&gt;, else null.</summary>
    public static IrType? MapSpan(GenericInstanceType generic)
    {
        bool readOnly;
        switch (generic.ElementType.FullName)
        {
            case "System.Span`1": readOnly = false; break;
            case "System.ReadOnlySpan`1": readOnly = true; break;
            default: return null;
        }
        if (generic.GenericArguments.Count != 1) return null;
        var element = MapElement(generic.GenericArguments[0]);
        return element == null ? null : IrType.SpanOf(element, readOnly);
    }

    /// <summary>Removes <c>modreq</c>/<c>modopt</c> wrappers (e.g. the InAttribute modreq of <c>in</c> parameters).</summary>
    public static TypeReference StripModifiers(TypeReference type)
    {
        while (true)
        {
            switch (type)
            {
                case RequiredModifierType req: type = req.ElementType; continue;
                case OptionalModifierType opt: type = opt.ElementType; continue;
                case ByReferenceType byRef when byRef.ElementType is RequiredModifierType or OptionalModifierType:
                    // ref readonly / in: the modifier sits inside the reference on some compilers.
                    return new ByReferenceType(StripModifiers(byRef.ElementType));
                default: return type;
            }
        }
    }

    /// <summary>Enums travel as their underlying integer type (as in Intrinsics keys).</summary>
    private static IrType? EnumUnderlyingType(TypeReference type)
    {
        // Enums of the base library that appear in supported signatures: resolving them needs the
        // framework's reference assemblies, which the resolver may not find, so they are known here.
        if (type.FullName == "System.MidpointRounding") return IrType.I32;
        TypeDefinition? definition;
        try
        {
            definition = type.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
        if (definition == null || !definition.IsEnum) return null;
        foreach (var field in definition.Fields)
        {
            // The one instance field of an enum ("value__") has the underlying type.
            if (!field.IsStatic) return MapScalar(field.FieldType);
        }
        return null;
    }
}
