// One IR instruction: an opcode with its resolved, typed operands and an optional source position.
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>An IR instruction. Which operand fields are meaningful depends on <see cref="Op"/>.</summary>
public sealed class Instruction
{
    public Instruction(Opcode op) => Op = op;

    public Opcode Op { get; set; }

    /// <summary>Primary type operand (operation type, constant type, target type, element type).</summary>
    public IrType? Type { get; set; }

    /// <summary>Secondary type operand (conversion source, array type of array ops).</summary>
    public IrType? Type2 { get; set; }

    /// <summary>Integer operand: constant bits, variable index, conversion flags.</summary>
    public long Int { get; set; }

    /// <summary>Floating-point constant.</summary>
    public double Float { get; set; }

    /// <summary>Callee or intrinsic name.</summary>
    public string? Name { get; set; }

    /// <summary>Branch targets (instruction indices).</summary>
    public List<int> Targets { get; } = new();

    /// <summary>Source line (1-based) or 0 when unknown.</summary>
    public int Line { get; set; }

    /// <summary>Source column (1-based) or 0 when unknown.</summary>
    public int Column { get; set; }

    /// <summary>A copy of every operand, targets included (transformations edit the copy).</summary>
    public Instruction Copy()
    {
        var copy = new Instruction(Op)
        {
            Type = Type,
            Type2 = Type2,
            Int = Int,
            Float = Float,
            Name = Name,
            Line = Line,
            Column = Column,
        };
        copy.Targets.AddRange(Targets);
        return copy;
    }

    public bool IsBranch => Op is Opcode.Br or Opcode.BrTrue or Opcode.BrFalse or Opcode.Switch;

    /// <summary>True when control never falls through to the next instruction.</summary>
    public bool EndsFlow => Op is Opcode.Br or Opcode.Ret or Opcode.Throw or Opcode.ReturnStatus;

    public override string ToString() => IrPrinter.FormatInstruction(this);
}
