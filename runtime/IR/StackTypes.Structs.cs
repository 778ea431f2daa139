// Stack effects and operand checks of the struct opcodes (FieldAddr, LdFld, StFld, InitObj, NewStruct, MakeStruct).
using System;
using System.Collections.Generic;

namespace NumbaWeaver.IR;

public sealed partial class StackTypes
{
    private static string? ApplyStruct(Instruction ins, List<IrType> stack, Func<string, IrFunction?>? find)
    {
        var type = ins.Type;
        if (type is not { IsStruct: true }) return $"{ins.Op} needs a struct type, not {type?.ToString() ?? "none"}";
        IrType? Pop() => PopType(stack);
        string? Expect(IrType want, string what) => ExpectType(stack, want, what);
        IrType? Field()
        {
            return ins.Int >= 0 && ins.Int < type.Fields.Count ? type.Fields[(int)ins.Int] : null;
        }
        var reference = IrType.RefTo(type);
        switch (ins.Op)
        {
            case Opcode.FieldAddr:
            {
                var field = Field();
                if (field == null) return $"field {ins.Int} of {type}";
                var e = Expect(reference, "struct address");
                stack.Add(IrType.RefTo(field));
                return e;
            }
            case Opcode.LdFld:
            {
                var field = Field();
                if (field == null) return $"field {ins.Int} of {type}";
                var got = Pop();
                if (got != type && got != reference) return $"field load from {got?.ToString() ?? "nothing"}, expected {type} or {reference}";
                stack.Add(field.StackType);
                return null;
            }
            case Opcode.StFld:
            {
                var field = Field();
                if (field == null) return $"field {ins.Int} of {type}";
                return Expect(field.StackType, "stored field value") ?? Expect(reference, "struct address");
            }
            case Opcode.InitObj:
                return Expect(reference, "struct address");
            case Opcode.NewStruct:
            {
                if (find == null) return "calls cannot be checked without a module";
                var ctor = find(ins.Name ?? "");
                if (ctor == null) return $"unknown constructor '{ins.Name}'";
                if (ctor.Parameters.Count == 0 || ctor.Parameters[0].Type != reference || ctor.ReturnType.Kind != TypeKind.Void)
                    return $"{ins.Name} is not a constructor of {type}";
                for (int i = ctor.Parameters.Count - 1; i >= 1; i--)
                {
                    var p = ctor.Parameters[i].Type;
                    var e = Expect(p.IsByRef ? p : p.StackType, $"argument {i}");
                    if (e != null) return e;
                }
                stack.Add(type);
                return null;
            }
            case Opcode.MakeStruct:
            {
                for (int i = type.Fields.Count - 1; i >= 0; i--)
                {
                    var e = Expect(type.Fields[i].StackType, $"field {i}");
                    if (e != null) return e;
                }
                stack.Add(type);
                return null;
            }
            default:
                return $"{ins.Op} is not a struct opcode";
        }
    }
}
