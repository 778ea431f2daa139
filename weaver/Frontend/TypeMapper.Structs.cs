// Maps C# value types to IR structs: blittable structs of the woven assembly and System.ValueTuple.
using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

public static partial class TypeMapper
{
    private const string ValueTuplePrefix = "System.ValueTuple`";

    /// <summary>The largest tuple arity compiled: ValueTuple`8 nests its tail in a field named Rest.</summary>
    private const int MaxTupleArity = 7;

    /// <summary>A scalar or struct (what arrays, spans, references and struct fields may hold), else null.</summary>
    public static IrType? MapElement(TypeReference type)
    {
        var scalar = MapScalar(type);
        if (scalar != null) return scalar.Kind == TypeKind.Void ? null : scalar;
        return MapStruct(type);
    }

    /// <summary>The IR struct of a supported value type (see <see cref="WhyNotStruct"/>), else null.</summary>
    public static IrType? MapStruct(TypeReference type) => MapStruct(type, out _);

    /// <summary>Why <paramref name="type"/> is not a supported struct, for NJ0003; null when it is one (or not a value type at all).</summary>
    public static string? WhyNotStruct(TypeReference type)
    {
        type = StripModifiers(type);
        while (type is ArrayType or ByReferenceType) type = ((TypeSpecification)type).ElementType;
        if (type is GenericInstanceType g && g.ElementType.FullName is "System.Span`1" or "System.ReadOnlySpan`1")
            type = g.GenericArguments[0];
        return MapStruct(type, out var why) == null ? why : null;
    }

    /// <summary>True for System.ValueTuple instances (tuples may not cross the managed/native boundary except as results).</summary>
    public static bool IsTuple(TypeReference type) =>
        StripModifiers(type) is GenericInstanceType g && g.ElementType.FullName.StartsWith(ValueTuplePrefix, StringComparison.Ordinal);

    private static IrType? MapStruct(TypeReference type, out string? whyNot)
    {
        type = StripModifiers(type);
        whyNot = null;
        if (type is GenericInstanceType generic)
        {
            if (!generic.ElementType.FullName.StartsWith(ValueTuplePrefix, StringComparison.Ordinal))
            {
                whyNot = "a generic struct; only System.ValueTuple is supported";
                return null;
            }
            if (generic.GenericArguments.Count > MaxTupleArity)
            {
                whyNot = $"a tuple of more than {MaxTupleArity} elements";
                return null;
            }
            var elements = new List<IrType>();
            foreach (var argument in generic.GenericArguments)
            {
                var element = MapElement(argument);
                if (element == null)
                {
                    whyNot = $"a tuple element of type {argument.FullName}";
                    return null;
                }
                elements.Add(element);
            }
            return IrType.TupleOf(elements);
        }
        // Before the IsValueType test: a type reference read from a member token does not know it is a value type.
        if (MapNumerics(type) is { } numerics) return numerics;
        if (type.IsArray || type.IsByReference || type.IsPointer || type.IsGenericParameter || !type.IsValueType) return null;
        // A type of this module is read as its definition; a reference means another assembly, whose
        // layout may change without a rebuild and whose methods cannot be compiled.
        if (type is not TypeDefinition definition)
        {
            whyNot = "a struct of another assembly";
            return null;
        }
        return MapUserStruct(definition, out whyNot, new HashSet<TypeDefinition>());
    }

    private static IrType? MapUserStruct(TypeDefinition definition, out string? whyNot, HashSet<TypeDefinition> enclosing)
    {
        whyNot = null;
        if (definition.IsEnum || definition.IsPrimitive) return null;
        if (definition.HasGenericParameters) whyNot = "a generic struct";
        else if (definition.IsExplicitLayout) whyNot = "a struct with [StructLayout(LayoutKind.Explicit)]";
        else if (definition.IsAutoLayout) whyNot = "a struct with [StructLayout(LayoutKind.Auto)]";
        else if (definition.HasLayoutInfo && (definition.PackingSize > 0 || definition.ClassSize > 0))
            whyNot = "a struct with a Pack or Size layout (or a fixed buffer)";
        else if (definition.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.IsByRefLikeAttribute"))
            whyNot = "a ref struct";
        else if (!enclosing.Add(definition)) whyNot = "a struct that contains itself";
        if (whyNot != null) return null;

        var fields = new List<IrType>();
        foreach (var field in definition.Fields.Where(f => !f.IsStatic))
        {
            var fieldType = StripModifiers(field.FieldType);
            IrType? mapped = MapScalar(fieldType) ?? MapNumerics(fieldType);
            if (mapped == null && fieldType is TypeDefinition nested && nested.IsValueType)
            {
                mapped = MapUserStruct(nested, out var nestedWhy, enclosing);
                if (mapped == null) whyNot = $"a struct whose field '{field.Name}' is {nestedWhy ?? "not a supported type"}";
            }
            if (mapped == null || mapped.Kind == TypeKind.Void)
            {
                whyNot ??= $"a struct whose field '{field.Name}' has type {fieldType.FullName}; fields may be numbers, bool, char or such structs of this assembly";
                return null;
            }
            fields.Add(mapped);
        }
        enclosing.Remove(definition);
        if (fields.Count == 0)
        {
            whyNot = "a struct without instance fields";
            return null;
        }
        return IrType.StructOf(IrType.SanitizeName(definition.FullName), fields);
    }

    /// <summary>
    /// The struct and field index of an instance field access (<c>ldfld</c> and friends): a field of a
    /// supported user struct, or Item1..Item7 of a tuple. Null when the declaring type is not such a struct.
    /// </summary>
    public static (IrType Struct, int Index)? MapField(FieldReference field)
    {
        if (IsNumerics(field.DeclaringType)) return MapNumericsField(field);
        var owner = MapStruct(field.DeclaringType);
        if (owner == null) return null;
        if (IsTuple(field.DeclaringType))
        {
            if (!field.Name.StartsWith("Item", StringComparison.Ordinal)
                || !int.TryParse(field.Name.Substring(4), out int k) || k < 1 || k > owner.Fields.Count) return null;
            return (owner, k - 1);
        }
        var definition = (TypeDefinition)StripModifiers(field.DeclaringType);
        int index = 0;
        foreach (var f in definition.Fields)
        {
            if (f.IsStatic) continue;
            if (f.Name == field.Name) return (owner, index);
            index++;
        }
        return null;
    }
}
