// Parameters, locals and constants: the signature checks and ldarg/starg/ldloc/stloc/ld*a/ldc translation.
using System.Collections.Generic;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

internal sealed partial class MethodTranslator
{
    /// <summary>Hidden locals the translator adds (one per type), e.g. to widen a value below the stack top.</summary>
    private readonly Dictionary<IrType, int> _scratchLocals = new();

    private void DeclareSignature()
    {
        if (_function.ReturnType == Poison && _method.ReturnType.MetadataType != MetadataType.Void
            || _function.ReturnType.Kind != TypeKind.Void && !_function.ReturnType.IsScalar && !_function.ReturnType.IsStruct
                && _function.ReturnType.Kind != TypeKind.Array)
        {
            ReportType(_method.ReturnType, "The return type", null);
        }
        // Instance methods (of structs) take `this` as IR parameter 0, so IR indices are CIL argument numbers.
        int first = DeclareThisParameter();
        _parameterTypes = new IrType?[_method.Parameters.Count + first];
        if (first == 1) _parameterTypes[0] = _function.Parameters[0].Type;
        foreach (var p in _method.Parameters)
        {
            var type = TypeMapper.Map(p.ParameterType);
            if (type == null || type.Kind == TypeKind.Void)
            {
                ReportType(p.ParameterType, $"The parameter '{p.Name}'", null);
                type = null;
            }
            _parameterTypes[p.Index + first] = type;
            _function.Parameters.Add(new IrVariable(IsPlainName(p.Name) ? p.Name : "p" + p.Index, type ?? Poison));
        }
    }

    private void DeclareLocals()
    {
        var variables = _method.Body.Variables;
        _localTypes = new IrType?[variables.Count];
        foreach (var v in variables)
        {
            if (TryDeclarePrangeLocal(v)) continue;
            var type = TypeMapper.Map(v.VariableType);
            var firstUse = FirstUse(v);
            if (v.IsPinned || v.VariableType.IsPointer || v.VariableType.IsFunctionPointer)
            {
                Report(DiagnosticCodes.Pointers, $"A pinned or pointer local ({v.VariableType.FullName})",
                    "use array or span parameters and index them", firstUse);
                type = null;
            }
            else if (SpanBehindReference(v.VariableType) is { } viewed)
            {
                type = viewed; // csc's `ref Span<T>` temporaries of ranges (MethodTranslator.Slicing)
            }
            else if (IsInterpolationHandler(v.VariableType))
            {
                type = IrType.I32; // a placeholder: $"..." in throw statements is modelled at weave time (MethodTranslator.Exceptions)
            }
            else if (type is { IsByRef: true } && (type.Element!.IsScalar || type.Element.IsStruct))
            {
                // `ref double r = ref a[i]` and csc's temporaries for tuple swaps `(a[i], a[j]) = (a[j], a[i])`:
                // the local holds the address (into a pinned array, a span or a local) for this call only.
            }
            else if (type == null || type.Kind == TypeKind.Void || type.IsByRef)
            {
                ReportType(v.VariableType, $"The local '{LocalName(v)}'", firstUse,
                    type != null && type.IsByRef ? "use the array element or variable directly, without a ref local" : null);
                type = null;
            }
            _localTypes[v.Index] = type;
            _function.Locals.Add(new IrVariable(LocalName(v), type ?? Poison));
        }
    }

    private void ReportType(TypeReference type, string what, Cil.Instruction? at, string? advice = null)
    {
        var stripped = TypeMapper.StripModifiers(type);
        if (stripped.IsPointer || stripped.IsFunctionPointer)
        {
            Report(DiagnosticCodes.Pointers, $"{what} of pointer type {type.FullName}", "use arrays, spans or ref parameters", at);
            return;
        }
        // "The return type System.Object", "The parameter 'x' of type System.String".
        string construct = what.StartsWith("The return type", System.StringComparison.Ordinal)
            ? $"{what} {stripped.FullName}"
            : $"{what} of type {stripped.FullName}";
        // Why a struct is refused (a reference-type field, explicit layout, another assembly ...), when it is one.
        if (TypeMapper.WhyNotStruct(stripped) is { } why) construct += $" ({why})";
        Report(DiagnosticCodes.UnsupportedType, construct, advice ?? TypeMapper.SupportedTypesHint, at);
    }

    /// <summary>The first instruction that reads, writes or takes the address of a local (for the report's position).</summary>
    private Cil.Instruction? FirstUse(Cil.VariableDefinition variable)
    {
        foreach (var ins in _method.Body.Instructions)
            if (LocalIndex(ins) == variable.Index) return ins;
        return null;
    }

    private static int LocalIndex(Cil.Instruction ins) => ins.OpCode.Code switch
    {
        Code.Ldloc_0 or Code.Stloc_0 => 0,
        Code.Ldloc_1 or Code.Stloc_1 => 1,
        Code.Ldloc_2 or Code.Stloc_2 => 2,
        Code.Ldloc_3 or Code.Stloc_3 => 3,
        _ => ins.Operand is Cil.VariableDefinition v ? v.Index : -1,
    };

    private int ParameterIndex(Cil.Instruction ins) => ins.OpCode.Code switch
    {
        Code.Ldarg_0 => 0,
        Code.Ldarg_1 => 1,
        Code.Ldarg_2 => 2,
        Code.Ldarg_3 => 3,
        // The IL argument number is the IR parameter index: instance methods (of structs) have `this`
        // (Cecil's index -1) as parameter 0.
        _ => ins.Operand is ParameterDefinition p ? p.Index + (_method.HasThis ? 1 : 0) : -1,
    };

    private void TranslateVariable(Cil.Instruction ins)
    {
        if (TryTranslatePrangeVariable(ins)) return;
        var code = ins.OpCode.Code;
        bool isArgument = code is Code.Ldarg_0 or Code.Ldarg_1 or Code.Ldarg_2 or Code.Ldarg_3 or Code.Ldarg_S
            or Code.Ldarg or Code.Starg_S or Code.Starg or Code.Ldarga_S or Code.Ldarga;
        int index = isArgument ? ParameterIndex(ins) : LocalIndex(ins);
        var types = isArgument ? _parameterTypes : _localTypes;
        IrType? type = index >= 0 && index < types.Length ? types[index] : null;
        bool isStore = code is Code.Starg_S or Code.Starg or Code.Stloc_0 or Code.Stloc_1 or Code.Stloc_2
            or Code.Stloc_3 or Code.Stloc_S or Code.Stloc;
        bool isAddress = code is Code.Ldarga_S or Code.Ldarga or Code.Ldloca_S or Code.Ldloca;

        if (type == null)
        {
            // The variable's type was reported with the signature or locals.
            ApplyStackEffect(ins);
            return;
        }
        if (isStore)
        {
            Pop();
            Emit(isArgument ? Opcode.StArg : Opcode.StLoc, value: index);
            return;
        }
        if (!isAddress)
        {
            Emit(isArgument ? Opcode.LdArg : Opcode.LdLoc, value: index);
            Push(type.IsByRef ? type : type.StackType);
            return;
        }
        if (type.IsScalar || type.IsStruct)
        {
            Emit(isArgument ? Opcode.LdArgA : Opcode.LdLocA, value: index);
            Push(IrType.RefTo(type));
            return;
        }
        if (type.Kind is TypeKind.Span or TypeKind.ReadOnlySpan)
        {
            // C# takes a span's address only to call its members; the IR models those on the span
            // value itself. The slot remembers which local it stands for, for the .ctor pattern.
            int loadIndex = _function.Body.Count;
            Emit(isArgument ? Opcode.LdArg : Opcode.LdLoc, value: index);
            Push(new Slot(type, isArgument ? -1 : index, loadIndex));
            return;
        }
        Report(DiagnosticCodes.UnsupportedType, $"Taking the address of a {type} variable ({Describe(ins)})",
            "pass arrays by value; ref is supported for numbers only", null);
        Push(Poison);
    }

    private void TranslateConstant(Cil.Instruction ins)
    {
        switch (ins.OpCode.Code)
        {
            case Code.Ldc_I4_M1: EmitConstant(-1); return;
            case Code.Ldc_I4_0: case Code.Ldc_I4_1: case Code.Ldc_I4_2: case Code.Ldc_I4_3: case Code.Ldc_I4_4:
            case Code.Ldc_I4_5: case Code.Ldc_I4_6: case Code.Ldc_I4_7: case Code.Ldc_I4_8:
                EmitConstant(ins.OpCode.Code - Code.Ldc_I4_0);
                return;
            case Code.Ldc_I4_S: EmitConstant((sbyte)ins.Operand); return;
            case Code.Ldc_I4: EmitConstant((int)ins.Operand); return;
            case Code.Ldc_I8:
                Emit(Opcode.Const, IrType.I64, value: (long)ins.Operand);
                Push(IrType.I64);
                return;
            case Code.Ldc_R4:
                Emit(Opcode.Const, IrType.F32).Float = (float)ins.Operand;
                Push(IrType.F32);
                return;
            default:
                Emit(Opcode.Const, IrType.F64).Float = (double)ins.Operand;
                Push(IrType.F64);
                return;
        }
    }

    private void EmitConstant(int value)
    {
        Emit(Opcode.Const, IrType.I32, value: value);
        Push(IrType.I32);
    }

    /// <summary>A hidden local of <paramref name="type"/>, created on first use.</summary>
    private int ScratchLocal(IrType type)
    {
        if (_scratchLocals.TryGetValue(type, out int index)) return index;
        index = _function.Locals.Count;
        _function.Locals.Add(new IrVariable("tmp." + type.ToString().Replace("[", "").Replace("]", "").Replace(",", ""), type));
        _scratchLocals.Add(type, index);
        return index;
    }
}
