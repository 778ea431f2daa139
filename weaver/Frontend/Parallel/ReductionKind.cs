// The reduction forms a parallel loop accepts, with their identity and the operation that combines partial results.
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend.Parallel;

/// <summary>Reduction classes: x = x op e, with op of one class for every update of x in the loop.</summary>
internal enum ReductionKind
{
    Add, Mul, And, Or, Xor, Min, Max,
    /// <summary>The key of <c>if (e &lt; best) { best = e; index = i; }</c>; its members are copied with it.</summary>
    ArgMin,
    /// <summary>The key of <c>if (e &gt; best) { best = e; index = i; }</c>.</summary>
    ArgMax,
    /// <summary>A variable assigned together with an ArgMin/ArgMax key (the index).</summary>
    Member,
}

internal static class Reductions
{
    /// <summary>The class of the update <paramref name="op"/> (the instruction before the store), or null when it is not a reduction.</summary>
    public static ReductionKind? Classify(Instruction op, IrType variable, bool variableIsLeftOperand)
    {
        bool commutativeOnly = !variableIsLeftOperand;
        switch (op.Op)
        {
            case Opcode.Add: return ReductionKind.Add;
            case Opcode.Sub: return commutativeOnly ? null : ReductionKind.Add; // x - e1 - e2 = x + (-0 - e1 - e2)
            case Opcode.Mul: return ReductionKind.Mul;
            // Integer x / e1 / e2 cannot be regrouped exactly; float division can (x * (1 / e1 / e2), rounding aside).
            case Opcode.Div: return commutativeOnly || !variable.IsFloat ? null : ReductionKind.Mul;
            case Opcode.And: return ReductionKind.And;
            case Opcode.Or: return ReductionKind.Or;
            case Opcode.Xor: return ReductionKind.Xor;
            case Opcode.CallIntrinsic when op.Name != null && (op.Name.StartsWith("Math.Min(") || op.Name.StartsWith("MathF.Min(")):
                return ReductionKind.Min;
            case Opcode.CallIntrinsic when op.Name != null && (op.Name.StartsWith("Math.Max(") || op.Name.StartsWith("MathF.Max(")):
                return ReductionKind.Max;
            default: return null;
        }
    }

    /// <summary>Instructions pushing the identity of <paramref name="kind"/> for a variable of <paramref name="type"/>.</summary>
    public static Instruction Identity(ReductionKind kind, IrType type)
    {
        var stack = type.StackType;
        var c = new Instruction(Opcode.Const) { Type = stack };
        if (type.IsFloat)
        {
            c.Float = kind switch
            {
                ReductionKind.Add => -0.0, // the exact additive identity: -0 + y == y for every y, +0 included
                ReductionKind.Mul => 1.0,
                ReductionKind.Min or ReductionKind.ArgMin => double.PositiveInfinity,
                ReductionKind.Member => 0.0,
                _ => double.NegativeInfinity,
            };
            return c;
        }
        c.Int = kind switch
        {
            ReductionKind.Add or ReductionKind.Or or ReductionKind.Xor or ReductionKind.Member => 0,
            ReductionKind.Mul => 1,
            ReductionKind.And => type.Kind == TypeKind.Bool ? 1 : -1,
            ReductionKind.Min or ReductionKind.ArgMin => MaxValue(type),
            _ => MinValue(type),
        };
        return c;
    }

    private static long MaxValue(IrType t) => t.Kind switch
    {
        TypeKind.Bool => 1, TypeKind.I8 => sbyte.MaxValue, TypeKind.U8 => byte.MaxValue, TypeKind.I16 => short.MaxValue,
        TypeKind.U16 or TypeKind.Char => ushort.MaxValue, TypeKind.I32 => int.MaxValue, TypeKind.U32 => unchecked((int)uint.MaxValue),
        TypeKind.I64 => long.MaxValue, _ => -1, // u64: all ones
    };

    private static long MinValue(IrType t) => t.Kind switch
    {
        TypeKind.I8 => sbyte.MinValue, TypeKind.I16 => short.MinValue, TypeKind.I32 => int.MinValue, TypeKind.I64 => long.MinValue,
        _ => 0, // unsigned types and bool
    };

    /// <summary>The instruction folding a chunk's partial into the variable (the stack holds variable, partial).</summary>
    public static Instruction Combine(ReductionKind kind, IrType type, Instruction update) => kind switch
    {
        ReductionKind.Add => new Instruction(Opcode.Add) { Type = type.StackType },
        ReductionKind.Mul => new Instruction(Opcode.Mul) { Type = type.StackType },
        ReductionKind.And => new Instruction(Opcode.And) { Type = type.StackType },
        ReductionKind.Or => new Instruction(Opcode.Or) { Type = type.StackType },
        ReductionKind.Xor => new Instruction(Opcode.Xor) { Type = type.StackType },
        _ => new Instruction(Opcode.CallIntrinsic) { Name = update.Name }, // the same Math.Min/Max overload
    };

    public static string Symbol(ReductionKind kind) => kind switch
    {
        ReductionKind.Add => "+", ReductionKind.Mul => "*", ReductionKind.And => "&", ReductionKind.Or => "|",
        ReductionKind.Xor => "^", ReductionKind.Min => "min", ReductionKind.Max => "max",
        ReductionKind.ArgMin => "argmin", ReductionKind.ArgMax => "argmax", _ => "with the argmin/argmax key",
    };
}
