// Structs: field addresses, loads and stores, zeroing, construction, and struct arguments passed as pointers to copies.
using System;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

/// <summary>
/// Struct values on the stack are LLVM first-class aggregates; struct variables are allocas of the literal
/// struct type. Field access goes through struct GEPs and extractvalue, which SROA and instcombine split into
/// scalars, so a struct local costs what its fields as separate locals would.
/// </summary>
internal sealed partial class FunctionLowering
{
    private void EmitStruct(Instruction ins)
    {
        var type = ins.Type!;
        var structType = _t.Memory(type);
        switch (ins.Op)
        {
            case Opcode.FieldAddr:
            {
                var field = type.Fields[(int)ins.Int];
                var r = Pop().Value;
                Push(IrType.RefTo(field), LLVM.BuildStructGEP2(_b, structType, r, (uint)ins.Int, ""));
                break;
            }
            case Opcode.LdFld:
            {
                var field = type.Fields[(int)ins.Int];
                var source = Pop();
                LLVMValueRef raw = source.Type.IsByRef
                    ? Load(_t.Memory(field), LLVM.BuildStructGEP2(_b, structType, source.Value, (uint)ins.Int, ""), TypeLowering.Alignment(field))
                    : LLVM.BuildExtractValue(_b, source.Value, (uint)ins.Int, "");
                Push(field.StackType, Widen(raw, field));
                break;
            }
            case Opcode.StFld:
            {
                var field = type.Fields[(int)ins.Int];
                var value = Pop().Value;
                var r = Pop().Value;
                Store(Narrow(value, field), LLVM.BuildStructGEP2(_b, structType, r, (uint)ins.Int, ""), TypeLowering.Alignment(field));
                break;
            }
            case Opcode.InitObj:
                Store(LLVM.ConstNull(structType), Pop().Value, TypeLowering.Alignment(type));
                break;
            case Opcode.NewStruct:
                EmitNewStruct(ins, type, structType);
                break;
            case Opcode.MakeStruct:
            {
                var fields = new LLVMValueRef[type.Fields.Count];
                for (int i = fields.Length - 1; i >= 0; i--) fields[i] = Pop().Value;
                var aggregate = LLVM.GetUndef(structType);
                for (int i = 0; i < fields.Length; i++)
                    aggregate = LLVM.BuildInsertValue(_b, aggregate, Narrow(fields[i], type.Fields[i]), (uint)i, "");
                Push(type, aggregate);
                break;
            }
            default:
                throw new InvalidOperationException($"{ins.Op} is not a struct opcode");
        }
    }

    /// <summary><c>new S(args)</c>: zeroed temporary, the constructor called on its address, then its value.</summary>
    private void EmitNewStruct(Instruction ins, IrType type, LLVMTypeRef structType)
    {
        var ctor = _m.Ir.Find(ins.Name!) ?? throw new InvalidOperationException($"{_f.Name}: unknown constructor {ins.Name}");
        var values = new StackValue[ctor.Parameters.Count - 1];
        for (int i = values.Length - 1; i >= 0; i--) values[i] = Pop();
        var temp = LLVM.BuildAlloca(_entry, structType, "new." + type.StructName);
        LLVM.SetAlignment(temp, TypeLowering.Alignment(type));
        Store(LLVM.ConstNull(structType), temp, TypeLowering.Alignment(type));
        var resultSlot = LLVM.BuildAlloca(_entry, _t.I8, "ctor.result");
        var args = HandleList<LLVMValueRef>.Of(resultSlot, temp);
        for (int i = 0; i < values.Length; i++) AppendAbiArgument(args, values[i], ctor.Parameters[i + 1].Type);
        PropagateStatus(Call(_m.Function(ctor.Name), args.ToArray()));
        Push(type, Load(structType, temp, TypeLowering.Alignment(type)));
    }

    /// <summary>A struct argument: stored into a fresh temporary of the caller, whose address is passed.</summary>
    private LLVMValueRef StructArgument(StackValue value)
    {
        var structType = _t.Memory(value.Type);
        var temp = LLVM.BuildAlloca(_entry, structType, "arg." + value.Type.StructName);
        LLVM.SetAlignment(temp, TypeLowering.Alignment(value.Type));
        Store(value.Value, temp, TypeLowering.Alignment(value.Type));
        return temp;
    }
}
