// Weave-time checks of generic IR: verifies the instances for the number types a method's constraints admit.
using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// A generic IR function cannot be verified as is (its types are parameters), and neither can a function that
/// calls one. So the weaver instantiates them as the runtime will (<see cref="GenericInstantiation.Close"/>) and
/// verifies the instances: for every number type the method's constraints admit (the same type for each type
/// parameter). An operation that no admitted type supports is a build error; one that only some types lack
/// makes those types run the original C# at run time.
/// </summary>
internal static class GenericVerification
{
    public static List<string> Verify(MethodDefinition method, IrFunction function, IrModule signatures, out string? unsupported)
    {
        unsupported = null;
        if (!function.IsGeneric)
        {
            if (!GenericInstantiation.NeedsInstantiation(signatures, function)) return IrVerifier.Verify(function, signatures);
            try
            {
                var closed = GenericInstantiation.Close(signatures, function.Name, Array.Empty<IrType>(), out string name);
                return IrVerifier.Verify(closed.Find(name)!, closed);
            }
            catch (NotSupportedException ex)
            {
                unsupported = ex.Message;
                return new List<string>();
            }
        }

        var errors = new List<string>();
        string? firstUnsupported = null;
        bool anyInstance = false;
        foreach (var candidate in GenericMath.InstantiableTypes)
        {
            if (!method.GenericParameters.All(p => Admits(p, candidate, method.Module))) continue;
            var arguments = Enumerable.Repeat(candidate, function.TypeParameterCount).ToArray();
            IrModule closed;
            try
            {
                closed = GenericInstantiation.Close(signatures, function.Name, arguments, out _);
            }
            catch (NotSupportedException ex)
            {
                firstUnsupported ??= ex.Message;
                continue;
            }
            anyInstance = true;
            // Other assemblies' [Njit] methods are declarations (signatures without bodies, linked at run time).
            foreach (var f in closed.Functions.Where(f => !ForeignCalls.TrySplit(f.Name, out _, out _)))
                errors.AddRange(IrVerifier.Verify(f, closed).Select(e => $"{f.Name}: {e}"));
            if (errors.Count > 0) break;
        }
        if (!anyInstance && firstUnsupported != null) unsupported = firstUnsupported;
        return errors;
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> satisfies the constraints of <paramref name="parameter"/>: each interface
    /// constraint (<c>INumber&lt;T&gt;</c>) with T replaced must be among the primitive type's interfaces. When the
    /// framework's types cannot be resolved the candidate is admitted (instantiation then decides).
    /// </summary>
    private static bool Admits(GenericParameter parameter, IrType candidate, ModuleDefinition module)
    {
        TypeDefinition? definition;
        TypeReference primitive = Primitive(candidate, module);
        try
        {
            definition = primitive.Resolve();
        }
        catch (Exception e) when (e is AssemblyResolutionException or NotSupportedException)
        {
            return true;
        }
        if (definition == null) return true;
        var interfaces = new HashSet<string>(definition.Interfaces.Select(i => i.InterfaceType.FullName), StringComparer.Ordinal);
        foreach (var constraint in parameter.Constraints)
        {
            var type = TypeMapper.StripModifiers(constraint.ConstraintType);
            if (type.FullName is "System.ValueType" or "System.Object") continue;
            if (!interfaces.Contains(Substitute(type, primitive.FullName))) return false;
        }
        return true;
    }

    /// <summary>The type's full name with the method's type parameters written as <paramref name="argument"/>.</summary>
    private static string Substitute(TypeReference type, string argument) => type switch
    {
        GenericParameter { Type: GenericParameterType.Method } => argument,
        GenericInstanceType g => g.ElementType.FullName + "<" + string.Join(",", g.GenericArguments.Select(a => Substitute(a, argument))) + ">",
        _ => type.FullName,
    };

    private static TypeReference Primitive(IrType type, ModuleDefinition module)
    {
        var ts = module.TypeSystem;
        return type.Kind switch
        {
        TypeKind.I8 => ts.SByte, TypeKind.U8 => ts.Byte, TypeKind.I16 => ts.Int16, TypeKind.U16 => ts.UInt16,
        TypeKind.I32 => ts.Int32, TypeKind.U32 => ts.UInt32, TypeKind.I64 => ts.Int64, TypeKind.U64 => ts.UInt64,
        TypeKind.F32 => ts.Single, _ => ts.Double,
        };
    }
}
