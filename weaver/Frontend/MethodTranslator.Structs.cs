// Structs and tuples: field access, construction (newobj, .ctor on an address), tuple members, and the entry boundary rules.
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// Blittable structs of this assembly and System.ValueTuple (TypeMapper.Structs) are IR structs. Their
/// constructors, instance methods, properties and operators are ordinary callees (instance ones take
/// <c>this</c> as a <c>ref</c> parameter 0); tuple construction and ItemN fields are modelled directly.
/// </summary>
internal sealed partial class MethodTranslator
{
    private const string TupleAdvice = "construct tuples, read and write their ItemN fields and deconstruct them; other ValueTuple members are not compiled";

    /// <summary>Methods (instance or static) of a struct the IR can represent: compiled as callees.</summary>
    private static bool IsStructMember(MethodDefinition method) =>
        method.DeclaringType.IsValueType && !method.DeclaringType.IsEnum && TypeMapper.MapStruct(method.DeclaringType) != null;

    /// <summary>Adds `this` (ref to the struct) as IR parameter 0 of an instance method; returns how many parameters it added.</summary>
    private int DeclareThisParameter()
    {
        if (!_method.HasThis) return 0;
        var self = TypeMapper.MapStruct(_method.DeclaringType)!; // CheckShape admitted only struct members
        _function.Parameters.Add(new IrVariable("this", IrType.RefTo(self)));
        return 1;
    }

    /// <summary>
    /// Tuples use the CLR's automatic layout, which the native side cannot know: an entry may return one
    /// (the stub rebuilds it field by field) but not take one, nor arrays, spans or references of them.
    /// </summary>
    private void CheckEntryStructs()
    {
        if (!_function.Has(FunctionFlags.Entry)) return;
        foreach (var p in _method.Parameters)
        {
            if (!ContainsTuple(p.ParameterType)) continue;
            Report(DiagnosticCodes.UnsupportedType, $"The parameter '{p.Name}' of tuple type {TypeMapper.StripModifiers(p.ParameterType).FullName}",
                "pass the tuple's elements as separate parameters, or a struct of this assembly (tuples can be returned)", null);
        }
        if (TypeMapper.IsTuple(_method.ReturnType) && _function.ReturnType.Fields.Any(f => f.StructName == IrType.TupleName))
        {
            Report(DiagnosticCodes.UnsupportedType, $"The return type {_method.ReturnType.FullName} (a tuple nested in a tuple)",
                "return a flat tuple of numbers or structs", null);
        }
    }

    private static bool ContainsTuple(TypeReference type)
    {
        type = TypeMapper.StripModifiers(type);
        while (type is ArrayType or ByReferenceType) type = TypeMapper.StripModifiers(((TypeSpecification)type).ElementType);
        if (type is GenericInstanceType g && IsSpanType(g)) type = g.GenericArguments[0];
        return TypeMapper.IsTuple(type);
    }

    /// <summary>ldfld/ldflda/stfld on a struct field (or a tuple's ItemN); false for anything else (reported as a field access).</summary>
    private bool TryTranslateStructField(Cil.Instruction ins)
    {
        var code = ins.OpCode.Code;
        if (code is not (Code.Ldfld or Code.Ldflda or Code.Stfld)) return false;
        if (TypeMapper.MapField((FieldReference)ins.Operand) is not { } mapped) return false;
        var (structType, index) = mapped;
        var field = structType.Fields[index];
        var reference = IrType.RefTo(structType);
        switch (code)
        {
            case Code.Ldfld:
            {
                var source = Pop();
                if (source != structType && source != reference) { ReportStructOperands(ins, 1, source); return true; }
                Emit(Opcode.LdFld, structType, value: index);
                Push(field.StackType);
                return true;
            }
            case Code.Ldflda:
            {
                var source = Pop();
                if (source != reference) { ReportStructOperands(ins, 1, source); return true; }
                Emit(Opcode.FieldAddr, structType, value: index);
                Push(IrType.RefTo(field));
                return true;
            }
            default:
            {
                var value = Pop();
                var target = Pop();
                if (target != reference || value != field.StackType) { ReportStructOperands(ins, 2, target, value); return true; }
                Emit(Opcode.StFld, structType, value: index);
                return true;
            }
        }
    }

    /// <summary><c>newobj</c> of a struct: a tuple is built from its elements, a user struct by its compiled constructor.</summary>
    private bool TryTranslateNewStruct(Cil.Instruction ins, MethodReference constructor)
    {
        if (TypeMapper.MapStruct(constructor.DeclaringType) is not { } structType) return false;
        if (TypeMapper.IsTuple(constructor.DeclaringType))
        {
            if (EmitMakeTuple(ins, structType, constructor.Parameters.Count)) Push(structType);
            return true;
        }
        string? reason = WhyNotCallable(constructor);
        var definition = constructor as MethodDefinition;
        var unsupported = definition?.Parameters.FirstOrDefault(p => TypeMapper.Map(p.ParameterType) is not { } t || t.Kind == TypeKind.Void);
        if (reason != null || definition == null || unsupported != null)
        {
            Report(DiagnosticCodes.UnsupportedCall, $"The constructor {constructor.FullName}{reason}",
                unsupported != null ? $"its parameter '{unsupported.Name}' has an unsupported type: " + TypeMapper.SupportedTypesHint : CallAdvice, null);
            ApplyStackEffect(ins);
            return true;
        }
        for (int i = 0; i < definition.Parameters.Count; i++) Pop();
        var newStruct = Emit(Opcode.NewStruct, structType);
        newStruct.Name = ModuleTranslator.FunctionName(definition);
        Push(structType);
        if (!_callees.Contains(definition)) _callees.Add(definition);
        return true;
    }

    /// <summary>Pops a tuple's elements and emits MakeStruct (the caller pushes or stores the tuple); false after a report.</summary>
    private bool EmitMakeTuple(Cil.Instruction ins, IrType tuple, int count)
    {
        var values = new IrType[count];
        for (int i = count - 1; i >= 0; i--) values[i] = Pop();
        if (count != tuple.Fields.Count || values.Where((v, i) => v != tuple.Fields[i].StackType).Any())
        {
            ReportStructOperands(ins, count, values);
            return false;
        }
        Emit(Opcode.MakeStruct, tuple);
        return true;
    }

    /// <summary>ValueTuple members: `.ctor` on an address (`(double, double) t = (a, b)`) is compiled, the rest reported.</summary>
    private bool TryTranslateTupleCall(Cil.Instruction ins, MethodReference method)
    {
        if (!TypeMapper.IsTuple(method.DeclaringType)) return false;
        var tuple = TypeMapper.MapStruct(method.DeclaringType);
        if (tuple == null || method.Name != ".ctor" || !method.HasThis)
        {
            Report(DiagnosticCodes.UnsupportedCall, $"The tuple member {method.DeclaringType.Name}.{MemberName(method)}", TupleAdvice, null);
            ApplyStackEffect(ins);
            return true;
        }
        var target = Peek(method.Parameters.Count);
        if (target != IrType.RefTo(tuple))
        {
            ReportStructOperands(ins, 0, target);
            return true;
        }
        if (!EmitMakeTuple(ins, tuple, method.Parameters.Count)) return true;
        Pop(); // the tuple's address: StInd stores the new value through it
        Emit(Opcode.StInd, tuple);
        return true;
    }

    /// <summary>Reports struct operands of the wrong type; <paramref name="popped"/> operands were already taken off the stack.</summary>
    private void ReportStructOperands(Cil.Instruction ins, int popped, params IrType[] operands)
    {
        Report(DiagnosticCodes.UnsupportedInstruction,
            $"'{Describe(ins)}' on operands of type {string.Join(", ", operands.Select(t => t.ToString()))}",
            "access struct fields through a struct variable, parameter, array element or reference", null);
        ApplyStackEffect(ins, popped);
    }
}
