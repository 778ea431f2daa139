// Turns one GenericMath instruction on a concrete type into the concrete instructions .NET's implementation amounts to.
using System;
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>
/// Expands <see cref="Opcode.GenericMath"/> for a concrete number type, following what the primitive types'
/// interface implementations do: small integers compute in i32 and truncate (<c>(byte)(a + b)</c>), unsigned
/// types pick the unsigned division, comparison and shift, float comparisons keep NaN unordered
/// (<c>a &lt;= b</c> is <c>!(a &gt; b || unordered)</c>). Expansions are straight-line (no branches).
/// Throws <see cref="NotSupportedException"/> for an operation the type does not have or NumbaWeaver does not compile.
/// </summary>
public static class GenericMathExpansion
{
    public static List<Instruction> Expand(Instruction ins)
    {
        string op = ins.Name ?? throw new InvalidOperationException("GenericMath without an operation name");
        var t = ins.Type ?? throw new InvalidOperationException($"GenericMath {op} without a type");
        var output = new List<Instruction>();
        void Emit(Opcode code, IrType? type = null, IrType? type2 = null, long value = 0, string? name = null) =>
            output.Add(new Instruction(code) { Type = type, Type2 = type2, Int = value, Name = name, Line = ins.Line, Column = ins.Column });
        if (!GenericMath.IsInstantiable(t) && GenericMath.ShapeOf(op) != GenericMath.Shape.Convert)
            throw new NotSupportedException($"generic math on {t}");
        var s = t.StackType;
        bool small = t.Kind is TypeKind.I8 or TypeKind.U8 or TypeKind.I16 or TypeKind.U16;
        bool unsigned = t.IsInteger && !t.IsSigned;
        void Narrow()
        {
            if (small) Emit(Opcode.Conv, t, IrType.I32);
        }
        void Const(IrType type, long bits, double value)
        {
            var c = new Instruction(Opcode.Const) { Type = type.StackType, Line = ins.Line, Column = ins.Column };
            if (type.IsFloat) c.Float = value;
            else c.Int = type.StackType == IrType.I32 ? (int)bits : bits;
            output.Add(c);
        }
        void Not() // bool -> !bool
        {
            Emit(Opcode.Const, IrType.I32);
            Emit(Opcode.Ceq, IrType.I32);
        }
        NotSupportedException Unsupported() => new($"{TypeName(t)}.{Member(op)} is not compiled by NumbaWeaver");

        switch (GenericMath.ShapeOf(op))
        {
            case GenericMath.Shape.Binary:
                ExpandBinary(op, t, s, small, unsigned, Emit, Narrow, Unsupported);
                break;
            case GenericMath.Shape.Unary:
                switch (op)
                {
                    case "op_UnaryPlus": break;
                    case "op_UnaryNegation": Emit(Opcode.Neg, s); Narrow(); break;
                    case "op_OnesComplement" when !t.IsFloat: Emit(Opcode.Not, s); Narrow(); break;
                    case "op_Increment" or "op_Decrement":
                        Const(t, 1, 1);
                        Emit(op == "op_Increment" ? Opcode.Add : Opcode.Sub, s);
                        Narrow();
                        break;
                    case "op_CheckedIncrement" or "op_CheckedDecrement":
                        Const(t, 1, 1);
                        ExpandBinary(op == "op_CheckedIncrement" ? "op_CheckedAddition" : "op_CheckedSubtraction", t, s, small, unsigned, Emit, Narrow, Unsupported);
                        break;
                    default: throw Unsupported();
                }
                break;
            case GenericMath.Shape.Compare:
            {
                var lt = unsigned ? Opcode.CltUn : Opcode.Clt;
                var gt = unsigned ? Opcode.CgtUn : Opcode.Cgt;
                switch (op)
                {
                    case "op_Equality": Emit(Opcode.Ceq, s); break;
                    case "op_Inequality": Emit(Opcode.Ceq, s); Not(); break;
                    case "op_LessThan": Emit(lt, s); break;
                    case "op_GreaterThan": Emit(gt, s); break;
                    // a <= b is !(a > b), where for floats "a > b" must also hold when unordered (NaN): cgt.un.
                    case "op_LessThanOrEqual": Emit(t.IsFloat ? Opcode.CgtUn : gt, s); Not(); break;
                    case "op_GreaterThanOrEqual": Emit(t.IsFloat ? Opcode.CltUn : lt, s); Not(); break;
                }
                break;
            }
            case GenericMath.Shape.Shift:
            {
                if (t.IsFloat || op == "op_UnsignedRightShift" && small && t.IsSigned) throw Unsupported();
                if (small)
                {
                    // byte.op_LeftShift(value, n) is (byte)(value << (n & 7)): the count is masked to the small width.
                    Const(IrType.I32, t.SizeInBytes * 8 - 1, 0);
                    Emit(Opcode.And, IrType.I32);
                }
                var code = op == "op_LeftShift" ? Opcode.Shl : op == "op_RightShift" && t.IsSigned ? Opcode.Shr : Opcode.ShrUn;
                Emit(code, s);
                Narrow();
                break;
            }
            case GenericMath.Shape.Constant:
                ExpandConstant(op, t, Const, Unsupported);
                break;
            case GenericMath.Shape.Convert:
                ExpandConversion(op, t, ins.Type2 ?? throw new InvalidOperationException($"{op} without a source type"), Emit, Const);
                break;
            default:
                ExpandFunction(op, t, s, (int)ins.Int, Emit, Const, Not, Unsupported);
                break;
        }
        return output;
    }

    private delegate void Emitter(Opcode code, IrType? type = null, IrType? type2 = null, long value = 0, string? name = null);

    private static void ExpandBinary(string op, IrType t, IrType s, bool small, bool unsigned, Emitter emit, Action narrow,
        Func<NotSupportedException> unsupported)
    {
        switch (op)
        {
            case "op_Addition": emit(Opcode.Add, s); narrow(); return;
            case "op_Subtraction": emit(Opcode.Sub, s); narrow(); return;
            case "op_Multiply": emit(Opcode.Mul, s); narrow(); return;
            case "op_Division" or "op_CheckedDivision": emit(unsigned ? Opcode.DivUn : Opcode.Div, s); narrow(); return;
            case "op_Modulus": emit(unsigned ? Opcode.RemUn : Opcode.Rem, s); narrow(); return;
            case "op_BitwiseAnd" when !t.IsFloat: emit(Opcode.And, s); return;
            case "op_BitwiseOr" when !t.IsFloat: emit(Opcode.Or, s); return;
            case "op_ExclusiveOr" when !t.IsFloat: emit(Opcode.Xor, s); narrow(); return;
            case "op_CheckedAddition" or "op_CheckedSubtraction" or "op_CheckedMultiply":
            {
                var plain = op == "op_CheckedAddition" ? Opcode.Add : op == "op_CheckedSubtraction" ? Opcode.Sub : Opcode.Mul;
                if (t.IsFloat)
                {
                    emit(plain, s);
                    return;
                }
                if (small)
                {
                    // The exact result fits in i32; checked((byte)(a + b)) then throws when it leaves the small range.
                    emit(plain, IrType.I32);
                    emit(Opcode.Conv, t, IrType.I32, (long)ConvFlags.Overflow);
                    return;
                }
                emit(plain switch
                {
                    Opcode.Add => unsigned ? Opcode.AddOvfUn : Opcode.AddOvf,
                    Opcode.Sub => unsigned ? Opcode.SubOvfUn : Opcode.SubOvf,
                    _ => unsigned ? Opcode.MulOvfUn : Opcode.MulOvf,
                }, s);
                return;
            }
            default: throw unsupported();
        }
    }

    private static void ExpandConstant(string op, IrType t, Action<IrType, long, double> constant, Func<NotSupportedException> unsupported)
    {
        switch (op)
        {
            case "get_Zero" or "get_AdditiveIdentity": constant(t, 0, 0); return;
            case "get_One" or "get_MultiplicativeIdentity": constant(t, 1, 1); return;
            case "get_NegativeOne" when t.IsSigned || t.IsFloat: constant(t, -1, -1); return;
            case "get_MaxValue": constant(t, MaxBits(t), t.Kind == TypeKind.F32 ? float.MaxValue : double.MaxValue); return;
            case "get_MinValue": constant(t, MinBits(t), t.Kind == TypeKind.F32 ? float.MinValue : double.MinValue); return;
        }
        if (!t.IsFloat) throw unsupported();
        bool single = t.Kind == TypeKind.F32;
        double value = op switch
        {
            "get_Epsilon" => single ? float.Epsilon : double.Epsilon,
            "get_NaN" => single ? float.NaN : double.NaN,
            "get_PositiveInfinity" => double.PositiveInfinity,
            "get_NegativeInfinity" => double.NegativeInfinity,
            // (float)Math.PI is MathF.PI; the weaver's netstandard2.0 has no MathF.
            "get_Pi" => single ? (float)Math.PI : Math.PI,
            "get_E" => single ? (float)Math.E : Math.E,
            "get_Tau" => single ? (float)(2 * Math.PI) : 2 * Math.PI,
            "get_NegativeZero" => -0.0,
            _ => throw unsupported(),
        };
        constant(t, 0, value);
    }

    /// <summary>CreateTruncating/Checked/Saturating from <paramref name="from"/> to <paramref name="to"/>, as the primitive types implement them.</summary>
    private static void ExpandConversion(string op, IrType to, IrType from, Emitter emit, Action<IrType, long, double> constant)
    {
        if (!IsConvertible(to) || !IsConvertible(from)) throw new NotSupportedException($"{op} from {from} to {to}");
        if (to == from) return;
        var flags = from.IsInteger && !from.IsSigned ? ConvFlags.UnsignedSource : ConvFlags.None;
        if (op == "CreateChecked" && !to.IsFloat) flags |= ConvFlags.Overflow;
        if (op == "CreateSaturating" && from.IsFloat && to.IsInteger && to.SizeInBytes < 4)
        {
            // The IR's float conversion saturates to 32-bit range; a small target is then clamped as an int is.
            emit(Opcode.Conv, IrType.I32, from.StackType, 0);
            from = IrType.I32;
            flags = ConvFlags.None;
        }
        if (op == "CreateSaturating" && from.IsInteger && to.IsInteger)
        {
            // Clamp in the source type to the part of the target's range the source can hold, then convert.
            var source = from.Kind == TypeKind.Char ? IrType.U16 : from;
            if (source.IsSigned && MinBits(to) > MinBits(source))
            {
                constant(source, MinBits(to), 0);
                emit(Opcode.CallIntrinsic, name: Intrinsics.Key("Math", "Max", new[] { source, source }));
            }
            if (MaxValue(to) < MaxValue(source))
            {
                constant(source, (long)MaxValue(to), 0);
                emit(Opcode.CallIntrinsic, name: Intrinsics.Key("Math", "Min", new[] { source, source }));
            }
        }
        // Widening to 64 bits extends by the source's sign, as C#'s (ulong)intValue and (long)uintValue do; the IR's
        // Conv extends by the target's (conv.u8 / conv.i8), so the unchecked case names the 64-bit type of the right sign.
        var target = to;
        if ((flags & ConvFlags.Overflow) == 0 && from.IsInteger && from.StackType == IrType.I32 && to.StackType == IrType.I64)
            target = from.IsSigned ? IrType.I64 : IrType.U64;
        // Float to integer saturates (NaN gives 0) in the IR, as CreateTruncating and CreateSaturating do.
        emit(Opcode.Conv, target, from.StackType, (long)flags);
    }

    private static bool IsConvertible(IrType t) => GenericMath.IsInstantiable(t) || t.Kind == TypeKind.Char;

    private static ulong MaxValue(IrType t) => t.Kind == TypeKind.U64 ? ulong.MaxValue : (ulong)MaxBits(t);

    private static long MaxBits(IrType t) => t.Kind switch
    {
        TypeKind.I8 => sbyte.MaxValue, TypeKind.U8 => byte.MaxValue, TypeKind.I16 => short.MaxValue,
        TypeKind.U16 or TypeKind.Char => ushort.MaxValue, TypeKind.I32 => int.MaxValue, TypeKind.U32 => uint.MaxValue,
        TypeKind.I64 => long.MaxValue, TypeKind.U64 => -1L, _ => 0,
    };

    private static long MinBits(IrType t) => t.Kind switch
    {
        TypeKind.I8 => sbyte.MinValue, TypeKind.I16 => short.MinValue, TypeKind.I32 => int.MinValue, TypeKind.I64 => long.MinValue,
        _ => 0,
    };

    private static void ExpandFunction(string op, IrType t, IrType s, int arity, Emitter emit, Action<IrType, long, double> constant,
        Action not, Func<NotSupportedException> unsupported)
    {
        bool unsigned = t.IsInteger && !t.IsSigned;
        if (op == "Abs" && unsigned) return; // |x| of an unsigned number is x
        if (op == "Sign" && unsigned)
        {
            // (int)(x != 0)
            constant(t, 0, 0);
            emit(Opcode.Ceq, s);
            not();
            return;
        }
        var parameters = new IrType[arity];
        for (int i = 0; i < arity; i++) parameters[i] = t;
        var signature = t.Kind == TypeKind.F32 ? Intrinsics.Find(Intrinsics.Key("MathF", op, parameters)) : null;
        signature ??= Intrinsics.Find(Intrinsics.Key("Math", op, parameters));
        if (signature == null) throw unsupported();
        emit(Opcode.CallIntrinsic, name: signature.Name);
    }

    private static string Member(string op) => op.StartsWith("get_", StringComparison.Ordinal) ? op.Substring(4) : op;

    private static string TypeName(IrType t) => t.Kind switch
    {
        TypeKind.I8 => "sbyte", TypeKind.U8 => "byte", TypeKind.I16 => "short", TypeKind.U16 => "ushort", TypeKind.I32 => "int",
        TypeKind.U32 => "uint", TypeKind.I64 => "long", TypeKind.U64 => "ulong", TypeKind.F32 => "float", TypeKind.F64 => "double",
        _ => t.ToString(),
    };
}
