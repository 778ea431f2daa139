// Stack effects and operand checks of the allocation opcodes (NewArr, StackAlloc, Fill, CopyTo).
using System;
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>The part of <see cref="StackTypes"/> that checks allocation and bulk-memory instructions.</summary>
internal static class AllocationStack
{
    /// <summary>Highest rank <see cref="Opcode.NewArr"/> allocates (C# <c>new T[a, b, c]</c>).</summary>
    public const int MaxRank = 3;

    public static string? Apply(Instruction ins, List<IrType> stack, Func<IrType, string, string?> expect, Func<string?> expectIndex)
    {
        switch (ins.Op)
        {
            case Opcode.NewArr:
            {
                var type = ins.Type;
                if (type == null || type.Kind != TypeKind.Array || type.Rank > MaxRank || !type.Element!.IsScalar) return $"allocation of {type}";
                string? e = null;
                for (int d = 0; d < type.Rank && e == null; d++) e = expectIndex();
                stack.Add(type);
                return e;
            }
            case Opcode.StackAlloc:
            {
                var type = ins.Type;
                if (type == null || type.Kind != TypeKind.Span || !type.Element!.IsScalar) return $"stackalloc of {type}";
                var e = expect(IrType.I32, "stackalloc length");
                stack.Add(type);
                return e;
            }
            case Opcode.Fill:
            {
                var target = ins.Type2;
                if (target == null || !target.IsArrayLike || target.Kind == TypeKind.ReadOnlySpan || !target.Element!.IsScalar) return $"fill of {target}";
                return expect(target.Element!.StackType, "fill value") ?? expect(target, "filled array");
            }
            case Opcode.CopyTo:
            {
                var source = ins.Type2;
                var destination = ins.Type;
                if (source == null || destination == null || !source.IsArrayLike || source.Rank != 1
                    || destination.Kind != TypeKind.Span || source.Element != destination.Element)
                    return $"copy from {source} to {destination}";
                return expect(destination, "destination") ?? expect(source, "source");
            }
            default:
                return $"{ins.Op} is not an allocation opcode";
        }
    }
}
