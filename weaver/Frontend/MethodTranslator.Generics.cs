// Generic methods: the shape check, generic-math calls on type parameters and calls of generic helpers.
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

internal sealed partial class MethodTranslator
{
    private const string GenericAdvice =
        "generic [Njit] methods are static methods of non-generic types with at most two type parameters, compiled per number type (docs/supported.md)";

    /// <summary>
    /// A generic method becomes a generic IR function (its type parameters are <c>T0</c>, <c>T1</c>); the runtime
    /// instantiates it at the first call with each type argument list. Methods of generic types stay unsupported.
    /// </summary>
    private bool CheckGenericShape()
    {
        if (HasGenericDeclaringType(_method.DeclaringType))
        {
            Report(DiagnosticCodes.GenericMethod, "A method of the generic type " + _method.DeclaringType.FullName,
                "move it to a non-generic static class (generic methods are supported, generic types are not)", null);
            return false;
        }
        if (!_method.HasGenericParameters) return true;
        if (_method.GenericParameters.Count > GenericInstantiation.MaxTypeParameters)
        {
            Report(DiagnosticCodes.GenericMethod, $"The generic method {MethodName} with {_method.GenericParameters.Count} type parameters",
                GenericAdvice, null);
            return false;
        }
        if (_function.Has(FunctionFlags.Parallel))
        {
            Report(DiagnosticCodes.GenericMethod, $"[Njit(Parallel = true)] on the generic method {MethodName}",
                "call a generic helper from a non-generic parallel kernel, or drop Parallel", null);
            return false;
        }
        _function.TypeParameterCount = _method.GenericParameters.Count;
        return true;
    }

    /// <summary>
    /// <c>constrained. !!T call</c> of a static member of the generic-math interfaces (<c>T.Zero</c>, <c>a + b</c>,
    /// <c>T.Max(a, b)</c>, <c>T.CreateTruncating(x)</c>), and <c>int.CreateTruncating&lt;T&gt;(x)</c>-style conversions:
    /// a <see cref="Opcode.GenericMath"/> instruction that instantiation expands for the concrete type.
    /// </summary>
    private bool TryTranslateGenericMath(Cil.Instruction ins, MethodReference method)
    {
        IrType? type;
        IrType? source = null;
        bool isConversion = GenericMath.ShapeOf(method.Name) == GenericMath.Shape.Convert;
        if (ins.Previous is { OpCode.Code: Code.Constrained, Operand: TypeReference constrained } && !method.HasThis
            && method.DeclaringType.Namespace is "System.Numerics" or "System")
        {
            type = TypeMapper.MapScalar(constrained);
            if (type == null || !type.IsTypeParameter) return false;
            if (isConversion) source = method is GenericInstanceMethod g && g.GenericArguments.Count == 1 ? TypeMapper.MapScalar(g.GenericArguments[0]) : null;
        }
        else if (isConversion && method is GenericInstanceMethod g && g.GenericArguments.Count == 1 && !method.HasThis
                 && TypeMapper.MapScalar(method.DeclaringType) is { } target && target.Kind != TypeKind.Void
                 && TypeMapper.MapScalar(g.GenericArguments[0]) is { } from && (from.IsTypeParameter || GenericMath.IsInstantiable(from)))
        {
            type = target; // int.CreateTruncating<T>(x), long.CreateChecked(i): into a primitive
            source = from;
        }
        else
        {
            return false;
        }
        if (isConversion && (source == null || source.Kind == TypeKind.Void))
        {
            Report(DiagnosticCodes.GenericMethod, $"The conversion {method.FullName}",
                "convert from number types or type parameters only", null);
            ApplyStackEffect(ins);
            return true;
        }
        for (int i = 0; i < method.Parameters.Count; i++) Pop();
        var op = Emit(Opcode.GenericMath, type, source, GenericMath.ShapeOf(method.Name) == GenericMath.Shape.Function ? method.Parameters.Count : 0);
        op.Name = method.Name;
        if (method.ReturnType.MetadataType != MetadataType.Void) Push(GenericMath.ResultStackType(method.Name, type));
        return true;
    }

    /// <summary>
    /// The IR types of a generic call's type arguments (none for a non-generic call): number types or the caller's
    /// type parameters, at most <see cref="GenericInstantiation.MaxTypeParameters"/>. False after reporting NJ0002 when not.
    /// </summary>
    private bool TryMapTypeArguments(Cil.Instruction ins, GenericInstanceMethod? call, out IrType[] arguments)
    {
        var mapped = call?.GenericArguments.Select(TypeMapper.MapScalar).ToArray() ?? [];
        if (mapped.Length > GenericInstantiation.MaxTypeParameters
            || mapped.Any(a => a == null || !a.IsTypeParameter && !GenericMath.IsInstantiable(a)))
        {
            Report(DiagnosticCodes.GenericMethod, $"The call {call!.FullName}",
                "type arguments of generic [Njit] code must be number types or type parameters", null);
            ApplyStackEffect(ins);
            arguments = [];
            return false;
        }
        arguments = mapped!;
        return true;
    }

    /// <summary>A call of a generic static method of this module, e.g. <c>Helper&lt;double&gt;(x)</c> or <c>Helper&lt;T&gt;(x)</c>.</summary>
    private bool TryTranslateGenericUserCall(Cil.Instruction ins, MethodReference method)
    {
        if (method is not GenericInstanceMethod call || method.DeclaringType is GenericInstanceType) return false;
        var callee = call.ElementMethod as MethodDefinition ?? call.ElementMethod.Resolve();
        if (callee == null || callee.Module != _owner.Module || !callee.IsStatic || !callee.HasBody || HasGenericDeclaringType(callee.DeclaringType))
            return false;
        if (!TryMapTypeArguments(ins, call, out var arguments)) return true;
        var returnType = TypeMapper.Map(callee.ReturnType);
        var unsupported = callee.Parameters.FirstOrDefault(p => TypeMapper.Map(p.ParameterType) is not { } t || t.Kind == TypeKind.Void);
        if (unsupported != null || returnType == null || returnType.Kind != TypeKind.Void && !returnType.IsScalar)
        {
            var type = unsupported?.ParameterType ?? callee.ReturnType;
            Report(DiagnosticCodes.UnsupportedType,
                $"A call to {ModuleTranslator.DisplayName(callee)}, whose {(unsupported != null ? "parameter '" + unsupported.Name + "'" : "return value")} has type {TypeMapper.StripModifiers(type).FullName},",
                TypeMapper.SupportedTypesHint, null);
            ApplyStackEffect(ins);
            return true;
        }
        for (int i = 0; i < callee.Parameters.Count; i++) Pop();
        var emitted = Emit(Opcode.Call, arguments[0], arguments.Length > 1 ? arguments[1] : null);
        emitted.Name = ModuleTranslator.FunctionName(callee);
        if (returnType.Kind != TypeKind.Void) Push(returnType.Substitute(arguments).StackType);
        if (!_callees.Contains(callee)) _callees.Add(callee);
        return true;
    }
}
