// Arrays, spans and references: element access, lengths, ldind/stind, and the Span/Array/MemoryExtensions members.
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

internal sealed partial class MethodTranslator
{
    private void TranslateArrayInstruction(Cil.Instruction ins)
    {
        var code = ins.OpCode.Code;
        if (code == Code.Ldlen)
        {
            var array = Pop();
            if (array.Kind != TypeKind.Array) { ReportOperands(ins, array); return; }
            Emit(Opcode.ArrLen, IrType.I64, array); // ldlen gives a native unsigned int: i64 in the IR
            Push(IrType.I64);
            return;
        }
        if (code is Code.Ldelem_Ref or Code.Stelem_Ref)
        {
            ReportUnsupportedOpcode(ins); // arrays of objects never reach here typed; be explicit anyway
            return;
        }
        bool isStore = code is Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 or Code.Stelem_I8 or Code.Stelem_I
            or Code.Stelem_R4 or Code.Stelem_R8 or Code.Stelem_Any;
        var value = isStore ? Pop() : null;
        var index = Pop();
        var arrayType = Pop();
        if (arrayType.Kind != TypeKind.Array || arrayType.Rank != 1 || index != IrType.I32 && index != IrType.I64)
        {
            ReportOperands(ins, arrayType, index);
            return;
        }
        if (code == Code.Ldelema)
        {
            Emit(Opcode.ElemAddr, null, arrayType);
            Push(IrType.RefTo(arrayType.Element!));
        }
        else if (isStore)
        {
            Emit(Opcode.StElem, null, arrayType);
            if (value != arrayType.Element!.StackType)
                Report(DiagnosticCodes.UnsupportedInstruction, $"Storing a {value} into a {arrayType}", "convert the value explicitly", null);
        }
        else
        {
            Emit(Opcode.LdElem, null, arrayType);
            Push(arrayType.Element!.StackType);
        }
    }

    /// <summary>ldind.*/stind.* and ldobj/stobj of scalars: the type comes from the opcode (it decides the extension).</summary>
    private void TranslateIndirect(Cil.Instruction ins)
    {
        var code = ins.OpCode.Code;
        bool isStore = code is Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8 or Code.Stind_I
            or Code.Stind_R4 or Code.Stind_R8 or Code.Stind_Ref or Code.Stobj;
        IrType? type = code switch
        {
            Code.Ldind_I1 or Code.Stind_I1 => IrType.I8,
            Code.Ldind_U1 => IrType.U8,
            Code.Ldind_I2 or Code.Stind_I2 => IrType.I16,
            Code.Ldind_U2 => IrType.U16,
            Code.Ldind_I4 or Code.Stind_I4 => IrType.I32,
            Code.Ldind_U4 => IrType.U32,
            Code.Ldind_I8 or Code.Stind_I8 or Code.Ldind_I or Code.Stind_I => IrType.I64,
            Code.Ldind_R4 or Code.Stind_R4 => IrType.F32,
            Code.Ldind_R8 or Code.Stind_R8 => IrType.F64,
            Code.Ldobj or Code.Stobj => TypeMapper.MapElement((TypeReference)ins.Operand), // structs are copied whole
            _ => null, // ldind.ref / stind.ref: object references
        };
        if (type == null || type.Kind == TypeKind.Void)
        {
            ReportUnsupportedOpcode(ins);
            return;
        }
        var value = isStore ? Pop() : null;
        var reference = Pop();
        if (!reference.IsByRef)
        {
            ReportOperands(ins, reference);
            return;
        }
        Emit(isStore ? Opcode.StInd : Opcode.LdInd, type);
        if (!isStore) Push(type.StackType);
        else if (value != type.StackType) ReportOperands(ins, value!);
    }

    private void TranslateSizeOf(Cil.Instruction ins)
    {
        var type = TypeMapper.MapElement((TypeReference)ins.Operand);
        if (type == null || type.Kind == TypeKind.Void)
        {
            ReportUnsupportedOpcode(ins);
            return;
        }
        EmitConstant(type.SizeInBytes);
    }

    /// <summary>Members of Span&lt;T&gt; and ReadOnlySpan&lt;T&gt;, modelled on the span value (see ldloca).</summary>
    private void TranslateSpanMember(Cil.Instruction ins, MethodReference method, GenericInstanceType spanType, bool isNewObject)
    {
        var span = TypeMapper.MapSpan(spanType);
        if (span == null)
        {
            ReportType(spanType, "A span", null);
            ApplyStackEffect(ins);
            return;
        }
        if (TryTranslateSpanSlice(method, span) || TryTranslateSpanConstructorSlice(method, span, isNewObject)) return;
        if (TryTranslateSpanAllocationMember(ins, method, span, isNewObject)) return; // MethodTranslator.Allocation
        switch (method.Name)
        {
            case "get_Length":
            {
                Pop();
                Emit(Opcode.ArrLen, IrType.I32, span);
                Push(IrType.I32);
                return;
            }
            case "get_IsEmpty":
            {
                Pop();
                Emit(Opcode.ArrLen, IrType.I32, span);
                Emit(Opcode.Const, IrType.I32);
                Emit(Opcode.Ceq, IrType.I32);
                Push(IrType.I32);
                return;
            }
            case "get_Item":
            {
                var index = Pop();
                Pop();
                if (index != IrType.I32) { ReportOperands(ins, index); return; }
                Emit(Opcode.ElemAddr, null, span);
                Push(IrType.RefTo(span.Element!));
                return;
            }
            case "op_Implicit" when method.Parameters.Count == 1:
            {
                // T[] -> Span/ReadOnlySpan, or Span -> ReadOnlySpan: the target is the return type's kind.
                bool toReadOnly = (method.ReturnType as GenericInstanceType)?.ElementType.FullName == "System.ReadOnlySpan`1";
                EmitToSpan(ins, IrType.SpanOf(span.Element!, toReadOnly));
                return;
            }
            case ".ctor" when method.Parameters.Count == 1 && method.Parameters[0].ParameterType.IsArray:
                if (isNewObject)
                {
                    EmitToSpan(ins, span);
                    return;
                }
                ConstructSpanLocal(ins, span);
                return;
        }
        Report(DiagnosticCodes.UnsupportedSpanMember, $"{(span.Kind == TypeKind.Span ? "Span" : "ReadOnlySpan")}<{spanType.GenericArguments[0].Name}>.{MemberName(method)}",
            "index the span or pass the array with explicit start and length parameters (slicing and span methods come later)", null);
        ApplyStackEffect(ins);
    }

    /// <summary>`new Span&lt;T&gt;(array)` into a local: `ldloca s; array; call .ctor` becomes `array; ToSpan; StLoc s`.</summary>
    private void ConstructSpanLocal(Cil.Instruction ins, IrType span)
    {
        var array = PopSlot();
        var target = PopSlot();
        if (target.SpanLocal < 0)
        {
            Report(DiagnosticCodes.UnsupportedSpanMember, "Constructing a span in place other than in a local",
                "assign `new Span<T>(array)` to a local variable", null);
            return;
        }
        // The LdLoc standing for the local's address is not needed: nothing reads the old value.
        var load = _function.Body[target.LoadIndex];
        load.Op = Opcode.Nop;
        load.Int = 0;
        Push(array);
        if (!EmitToSpan(ins, span)) return;
        Pop();
        Emit(Opcode.StLoc, value: target.SpanLocal);
    }

    /// <summary>Converts the array or span on top of the stack to <paramref name="target"/>; false after a report.</summary>
    private bool EmitToSpan(Cil.Instruction ins, IrType target)
    {
        var source = Pop();
        bool ok = source.IsArrayLike && source.Rank == 1 && source.Element == target.Element;
        if (!ok)
        {
            ReportOperands(ins, source);
            return false;
        }
        Emit(Opcode.ToSpan, target, source);
        Push(target);
        return true;
    }

    /// <summary>Members of multi-dimensional array types (T[,]::Get/Set/Address), which C# calls instead of ldelem.</summary>
    private void TranslateArrayTypeMember(Cil.Instruction ins, MethodReference method, ArrayType declaring)
    {
        int rank = declaring.Rank;
        bool isSet = method.Name == "Set";
        if (method.Name is not ("Get" or "Set" or "Address"))
        {
            Report(DiagnosticCodes.UnsupportedSpanMember, $"The array member {MemberName(method)}", "use indexing, Length and GetLength", null);
            ApplyStackEffect(ins);
            return;
        }
        var value = isSet ? Pop() : null;
        var indices = new IrType[rank];
        for (int d = rank - 1; d >= 0; d--) indices[d] = Pop();
        var array = Pop();
        if (array.Kind != TypeKind.Array || array.Rank != rank || System.Array.Exists(indices, t => t != IrType.I32 && t != IrType.I64))
        {
            ReportOperands(ins, array);
            return;
        }
        switch (method.Name)
        {
            case "Get":
                Emit(Opcode.LdElem, null, array);
                Push(array.Element!.StackType);
                return;
            case "Address":
                Emit(Opcode.ElemAddr, null, array);
                Push(IrType.RefTo(array.Element!));
                return;
            default:
                Emit(Opcode.StElem, null, array);
                if (value != array.Element!.StackType) ReportOperands(ins, value!);
                return;
        }
    }

    /// <summary>System.Array members on an array of any rank: lengths and rank.</summary>
    private void TranslateSystemArrayMember(Cil.Instruction ins, MethodReference method)
    {
        if (TryTranslateArrayFillOrClear(method)) return; // MethodTranslator.Allocation
        bool takesDimension = method.Name is "GetLength" or "GetUpperBound" or "GetLowerBound";
        if (!method.HasThis || !(takesDimension || method.Name is "get_Length" or "get_LongLength" or "get_Rank"))
        {
            Report(DiagnosticCodes.UnsupportedSpanMember, $"System.Array.{MemberName(method)}",
                "use indexing, Length, GetLength and loops", null);
            ApplyStackEffect(ins);
            return;
        }
        var dimension = takesDimension ? Pop() : null;
        var array = Pop();
        if (array.Kind != TypeKind.Array || takesDimension && dimension != IrType.I32)
        {
            ReportOperands(ins, array);
            return;
        }
        switch (method.Name)
        {
            case "get_Length":
                Emit(Opcode.ArrLen, IrType.I32, array);
                break;
            case "get_LongLength":
                Emit(Opcode.ArrLen, IrType.I64, array);
                Push(IrType.I64);
                return;
            case "get_Rank":
                Emit(Opcode.Pop, array);
                Emit(Opcode.Const, IrType.I32, value: array.Rank);
                break;
            case "GetLength":
                Emit(Opcode.ArrDimLen, null, array);
                break;
            case "GetUpperBound":
                Emit(Opcode.ArrDimLen, null, array);
                Emit(Opcode.Const, IrType.I32, value: 1);
                Emit(Opcode.Sub, IrType.I32);
                break;
            default:
                // Lower bounds are always 0 (no non-zero-based arrays reach compiled code), but a bad
                // dimension must still throw: ArrDimLen checks it.
                Emit(Opcode.ArrDimLen, null, array);
                Emit(Opcode.Pop, IrType.I32);
                Emit(Opcode.Const, IrType.I32);
                break;
        }
        Push(IrType.I32);
    }

    /// <summary>MemoryExtensions.AsSpan(T[]) → ToSpan; the overloads that slice are not supported yet.</summary>
    private void TranslateMemoryExtensions(Cil.Instruction ins, MethodReference method)
    {
        if (method.Name == "AsSpan" && method.Parameters.Count == 1 && method is GenericInstanceMethod generic
            && generic.GenericArguments.Count == 1 && TypeMapper.MapScalar(generic.GenericArguments[0]) is { } element
            && element.Kind != TypeKind.Void)
        {
            EmitToSpan(ins, IrType.SpanOf(element));
            return;
        }
        if (TryTranslateAsSpanSlice(method) || TryTranslateArrayCopyTo(method)) return;
        Report(DiagnosticCodes.UnsupportedSpanMember, $"MemoryExtensions.{MemberName(method)}",
            "use AsSpan() on a whole array and index it (slicing comes later)", null);
        ApplyStackEffect(ins);
    }

    /// <summary>A member as C# shows it: properties without get_/set_.</summary>
    private static string MemberName(MethodReference method) =>
        method.Name.StartsWith("get_", System.StringComparison.Ordinal) || method.Name.StartsWith("set_", System.StringComparison.Ordinal)
            ? method.Name.Substring(4)
            : method.Name + "(" + string.Join(", ", System.Linq.Enumerable.Select(method.Parameters, p => p.ParameterType.Name)) + ")";
}
