// Arithmetic, bitwise, shift, comparison and conversion opcodes, typed by the operands on the stack.
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

internal sealed partial class MethodTranslator
{
    private static Opcode BinaryOpcode(Code code) => code switch
    {
        Code.Add => Opcode.Add, Code.Sub => Opcode.Sub, Code.Mul => Opcode.Mul, Code.Div => Opcode.Div,
        Code.Rem => Opcode.Rem, Code.Div_Un => Opcode.DivUn, Code.Rem_Un => Opcode.RemUn,
        Code.And => Opcode.And, Code.Or => Opcode.Or, Code.Xor => Opcode.Xor,
        Code.Add_Ovf => Opcode.AddOvf, Code.Add_Ovf_Un => Opcode.AddOvfUn,
        Code.Sub_Ovf => Opcode.SubOvf, Code.Sub_Ovf_Un => Opcode.SubOvfUn,
        Code.Mul_Ovf => Opcode.MulOvf, Code.Mul_Ovf_Un => Opcode.MulOvfUn,
        _ => throw new System.ArgumentOutOfRangeException(nameof(code)),
    };

    private void TranslateBinary(Cil.Instruction ins)
    {
        var type = PopOperandPair(ins);
        if (type == null) return;
        Emit(BinaryOpcode(ins.OpCode.Code), type);
        Push(type);
    }

    private void TranslateShift(Cil.Instruction ins)
    {
        var count = Pop();
        var value = Pop();
        if (!IsNumeric(value) || value.IsFloat || !IsNumeric(count) || count.IsFloat)
        {
            ReportOperands(ins, value, count);
            return;
        }
        // CIL allows a native-int shift count; the IR's count is always i32 (it is masked anyway).
        if (count == IrType.I64) Emit(Opcode.Conv, IrType.I32, IrType.I64);
        var op = ins.OpCode.Code switch { Code.Shl => Opcode.Shl, Code.Shr => Opcode.Shr, _ => Opcode.ShrUn };
        Emit(op, value);
        Push(value);
    }

    private void TranslateUnary(Cil.Instruction ins)
    {
        var operand = Pop();
        if (!IsNumeric(operand) || ins.OpCode.Code == Code.Not && operand.IsFloat)
        {
            ReportOperands(ins, operand);
            return;
        }
        Emit(ins.OpCode.Code == Code.Neg ? Opcode.Neg : Opcode.Not, operand);
        Push(operand);
    }

    private void TranslateCompare(Cil.Instruction ins)
    {
        var type = PopOperandPair(ins);
        if (type == null) return;
        var op = ins.OpCode.Code switch
        {
            Code.Ceq => Opcode.Ceq, Code.Cgt => Opcode.Cgt, Code.Cgt_Un => Opcode.CgtUn,
            Code.Clt => Opcode.Clt, _ => Opcode.CltUn,
        };
        Emit(op, type);
        Push(IrType.I32);
    }

    /// <summary>
    /// Pops two operands of a binary operation and returns their common stack type, widening an
    /// i32 next to a native int (i64 here) as CIL does. Reports and pushes Poison for anything
    /// else (references, mixed int/float), returning null.
    /// </summary>
    private IrType? PopOperandPair(Cil.Instruction ins)
    {
        var right = Pop();
        var left = Pop();
        if (!IsNumeric(left) || !IsNumeric(right) || left.IsFloat != right.IsFloat && left != right)
        {
            ReportOperands(ins, left, right);
            return null;
        }
        if (left == right) return left;
        if (left.IsFloat)
        {
            // f32 and f64 may meet on the CIL stack (both are type F); compute in f64.
            if (left == IrType.F32) WidenBelowTop(IrType.F32, IrType.F64, right);
            else Emit(Opcode.Conv, IrType.F64, IrType.F32);
            return IrType.F64;
        }
        if (left == IrType.I32) WidenBelowTop(IrType.I32, IrType.I64, right);
        else Emit(Opcode.Conv, IrType.I64, IrType.I32);
        return IrType.I64;
    }

    /// <summary>Converts the value under the stack top: park the top in a scratch local, convert, reload.</summary>
    private void WidenBelowTop(IrType from, IrType to, IrType top)
    {
        int scratch = ScratchLocal(top);
        Emit(Opcode.StLoc, value: scratch);
        Emit(Opcode.Conv, to, from);
        Emit(Opcode.LdLoc, value: scratch);
    }

    private static bool IsNumeric(IrType t) => t == IrType.I32 || t == IrType.I64 || t == IrType.F32 || t == IrType.F64;

    private void ReportOperands(Cil.Instruction ins, params IrType[] operands)
    {
        bool reference = System.Array.Exists(operands, t => t.IsByRef);
        if (reference)
        {
            Report(DiagnosticCodes.Pointers, $"Arithmetic or comparison on references ({Describe(ins)})",
                "index arrays and spans instead of moving references", null);
        }
        else
        {
            Report(DiagnosticCodes.UnsupportedInstruction,
                $"'{Describe(ins)}' on operands of type {string.Join(", ", System.Array.ConvertAll(operands, t => t.ToString()))}",
                "use numeric operands of the same kind", null);
        }
        ApplyStackEffect(ins, alreadyPopped: operands.Length);
    }

    private void TranslateConversion(Cil.Instruction ins)
    {
        var code = ins.OpCode.Code;
        var source = Pop();
        if (!IsNumeric(source))
        {
            ReportOperands(ins, source);
            return;
        }
        var (target, flags) = ConversionOf(code);
        Emit(Opcode.Conv, target, source, (long)flags);
        Push(target.StackType);
    }

    /// <summary>
    /// Target type and flags of a conv.* opcode. Integer widening extends by the TARGET's
    /// signedness (conv.u8 from i32 zero-extends, conv.i8 sign-extends); UnsignedSource marks
    /// unsigned sources for int-to-float (conv.r.un) and overflow checks (conv.ovf.*.un).
    /// </summary>
    private static (IrType Target, ConvFlags Flags) ConversionOf(Code code)
    {
        const ConvFlags Ovf = ConvFlags.Overflow;
        const ConvFlags OvfUn = ConvFlags.Overflow | ConvFlags.UnsignedSource;
        return code switch
        {
            Code.Conv_I1 => (IrType.I8, ConvFlags.None),
            Code.Conv_U1 => (IrType.U8, ConvFlags.None),
            Code.Conv_I2 => (IrType.I16, ConvFlags.None),
            Code.Conv_U2 => (IrType.U16, ConvFlags.None),
            Code.Conv_I4 => (IrType.I32, ConvFlags.None),
            Code.Conv_U4 => (IrType.U32, ConvFlags.None),
            Code.Conv_I8 or Code.Conv_I => (IrType.I64, ConvFlags.None),
            Code.Conv_U8 or Code.Conv_U => (IrType.U64, ConvFlags.None),
            Code.Conv_R4 => (IrType.F32, ConvFlags.None),
            Code.Conv_R8 => (IrType.F64, ConvFlags.None),
            Code.Conv_R_Un => (IrType.F64, ConvFlags.UnsignedSource),
            Code.Conv_Ovf_I1 => (IrType.I8, Ovf),
            Code.Conv_Ovf_U1 => (IrType.U8, Ovf),
            Code.Conv_Ovf_I2 => (IrType.I16, Ovf),
            Code.Conv_Ovf_U2 => (IrType.U16, Ovf),
            Code.Conv_Ovf_I4 => (IrType.I32, Ovf),
            Code.Conv_Ovf_U4 => (IrType.U32, Ovf),
            Code.Conv_Ovf_I8 or Code.Conv_Ovf_I => (IrType.I64, Ovf),
            Code.Conv_Ovf_U8 or Code.Conv_Ovf_U => (IrType.U64, Ovf),
            Code.Conv_Ovf_I1_Un => (IrType.I8, OvfUn),
            Code.Conv_Ovf_U1_Un => (IrType.U8, OvfUn),
            Code.Conv_Ovf_I2_Un => (IrType.I16, OvfUn),
            Code.Conv_Ovf_U2_Un => (IrType.U16, OvfUn),
            Code.Conv_Ovf_I4_Un => (IrType.I32, OvfUn),
            Code.Conv_Ovf_U4_Un => (IrType.U32, OvfUn),
            Code.Conv_Ovf_I8_Un or Code.Conv_Ovf_I_Un => (IrType.I64, OvfUn),
            Code.Conv_Ovf_U8_Un or Code.Conv_Ovf_U_Un => (IrType.U64, OvfUn),
            _ => throw new System.ArgumentOutOfRangeException(nameof(code)),
        };
    }
}
