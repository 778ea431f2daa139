// Static readonly fields: constant-initialised primitives become IR constants, arrays are read at call time.
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// <c>static readonly</c> fields of this assembly. A primitive one is a constant when its type's
/// static constructor is straight-line code that stores a literal into it (then that literal is
/// its value whenever compiled code can read it); otherwise it is reported, because a value known
/// only at run time cannot be baked into code that may be cached across processes. An array one
/// becomes <see cref="Opcode.LdStatic"/>: the runtime resolves the field by name when the function
/// starts and pins the array for good, so compiled code reads its current contents.
/// </summary>
internal sealed partial class MethodTranslator
{
    private const string FieldAdvice =
        "use const, a static readonly field set to a literal, a static readonly array, or pass the value in as a parameter";

    private bool TryTranslateStaticField(Cil.Instruction ins)
    {
        if (ins.OpCode.Code != Code.Ldsfld || ins.Operand is not FieldReference reference) return false;
        var field = reference.Resolve();
        if (field == null || field.Module != _owner.Module || !field.IsInitOnly || !field.IsStatic) return false;
        var type = TypeMapper.Map(field.FieldType);
        if (type == null) return false;
        if (type.IsArrayLike && type.Kind != TypeKind.Span && type.Kind != TypeKind.ReadOnlySpan)
        {
            Emit(Opcode.LdStatic, type).Name = StaticFieldName(field);
            Push(type);
            return true;
        }
        if (!type.IsScalar) return false;
        if (!TryFindLiteralInitializer(field, out var literal, out var conversion))
        {
            Report(DiagnosticCodes.Fields,
                $"Reading the static readonly field {field.DeclaringType.Name}.{field.Name}, whose value is computed at run time,",
                FieldAdvice, null);
            Push(Poison);
            return true;
        }
        EmitLiteral(literal, conversion, type);
        return true;
    }

    /// <summary>The name the runtime resolves: <c>assembly|Namespace.Type+Nested|field</c>.</summary>
    private static string StaticFieldName(FieldDefinition field) =>
        field.Module.Assembly.Name.Name + "|" + field.DeclaringType.FullName.Replace('/', '+') + "|" + field.Name;

    /// <summary>The <c>ldc</c> (and optional widening <c>conv</c>) the type's straight-line .cctor stores into <paramref name="field"/>.</summary>
    private static bool TryFindLiteralInitializer(FieldDefinition field, out Cil.Instruction literal, out Cil.Instruction? conversion)
    {
        literal = null!;
        conversion = null;
        var cctor = field.DeclaringType.Methods.FirstOrDefault(m => m.IsConstructor && m.IsStatic && m.HasBody);
        if (cctor == null) return false;
        var body = cctor.Body.Instructions;
        // Any branch or exception region could skip the store: then the value is not certain.
        if (cctor.Body.HasExceptionHandlers || body.Any(i => i.OpCode.FlowControl is Cil.FlowControl.Branch or Cil.FlowControl.Cond_Branch))
            return false;
        var stores = body.Where(i => i.OpCode.Code == Code.Stsfld && ((FieldReference)i.Operand).Resolve() == field).ToList();
        if (stores.Count != 1) return false;
        var previous = stores[0].Previous;
        if (previous != null && previous.OpCode.Code is Code.Conv_I8 or Code.Conv_U8 or Code.Conv_R4 or Code.Conv_R8)
        {
            conversion = previous;
            previous = previous.Previous;
        }
        if (previous == null || previous.OpCode.Code is not (Code.Ldc_I4_M1 or Code.Ldc_I4_0 or Code.Ldc_I4_1 or Code.Ldc_I4_2
                or Code.Ldc_I4_3 or Code.Ldc_I4_4 or Code.Ldc_I4_5 or Code.Ldc_I4_6 or Code.Ldc_I4_7 or Code.Ldc_I4_8
                or Code.Ldc_I4_S or Code.Ldc_I4 or Code.Ldc_I8 or Code.Ldc_R4 or Code.Ldc_R8))
            return false;
        literal = previous;
        return true;
    }

    /// <summary>Emits the literal as csc would have for a const of the field's type.</summary>
    private void EmitLiteral(Cil.Instruction literal, Cil.Instruction? conversion, IrType fieldType)
    {
        switch (literal.OpCode.Code)
        {
            case Code.Ldc_I8:
                Emit(Opcode.Const, IrType.I64, value: (long)literal.Operand);
                Push(IrType.I64);
                return;
            case Code.Ldc_R8:
                Emit(Opcode.Const, IrType.F64).Float = (double)literal.Operand;
                Push(IrType.F64);
                return;
            case Code.Ldc_R4:
                Emit(Opcode.Const, IrType.F32).Float = (float)literal.Operand;
                Push(IrType.F32);
                return;
        }
        TryConstantInt(literal, out int value);
        switch (conversion?.OpCode.Code)
        {
            case Code.Conv_I8:
                Emit(Opcode.Const, IrType.I64, value: value);
                Push(IrType.I64);
                return;
            case Code.Conv_U8:
                Emit(Opcode.Const, IrType.I64, value: (long)(uint)value);
                Push(IrType.I64);
                return;
            case Code.Conv_R8:
                Emit(Opcode.Const, IrType.F64).Float = value;
                Push(IrType.F64);
                return;
            case Code.Conv_R4:
                Emit(Opcode.Const, IrType.F32).Float = (float)value;
                Push(IrType.F32);
                return;
        }
        // Small integer fields hold the literal truncated to their width, and read back widened.
        long stored = fieldType.Kind switch
        {
            TypeKind.Bool => value != 0 ? 1 : 0,
            TypeKind.I8 => (sbyte)value,
            TypeKind.U8 => (byte)value,
            TypeKind.I16 => (short)value,
            TypeKind.U16 or TypeKind.Char => (ushort)value,
            _ => value,
        };
        EmitConstant((int)stored);
    }
}
