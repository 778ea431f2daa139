// Names of opcodes and function flags for the IR parser, written with nameof so that parsing needs no enum reflection.
using System;
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>
/// The parser's name tables. <c>Enum.GetNames</c>/<c>Enum.Parse</c> cost about 5 ms on a process's first compile (the
/// framework builds its enum caches then); nameof costs nothing at run time. A test checks both tables against the enums.
/// </summary>
internal static class IrNames
{
    /// <summary>Opcode names indexed by the opcode's value (the enum numbers its members from 0 in order).</summary>
    public static readonly string[] Opcodes =
    [
        nameof(Opcode.Nop),
        nameof(Opcode.Const),
        nameof(Opcode.LdArg),
        nameof(Opcode.StArg),
        nameof(Opcode.LdArgA),
        nameof(Opcode.LdLoc),
        nameof(Opcode.StLoc),
        nameof(Opcode.LdLocA),
        nameof(Opcode.Dup),
        nameof(Opcode.Pop),
        nameof(Opcode.Add),
        nameof(Opcode.Sub),
        nameof(Opcode.Mul),
        nameof(Opcode.Div),
        nameof(Opcode.Rem),
        nameof(Opcode.DivUn),
        nameof(Opcode.RemUn),
        nameof(Opcode.And),
        nameof(Opcode.Or),
        nameof(Opcode.Xor),
        nameof(Opcode.Shl),
        nameof(Opcode.Shr),
        nameof(Opcode.ShrUn),
        nameof(Opcode.AddOvf),
        nameof(Opcode.AddOvfUn),
        nameof(Opcode.SubOvf),
        nameof(Opcode.SubOvfUn),
        nameof(Opcode.MulOvf),
        nameof(Opcode.MulOvfUn),
        nameof(Opcode.Neg),
        nameof(Opcode.Not),
        nameof(Opcode.Ceq),
        nameof(Opcode.Cgt),
        nameof(Opcode.CgtUn),
        nameof(Opcode.Clt),
        nameof(Opcode.CltUn),
        nameof(Opcode.Conv),
        nameof(Opcode.Br),
        nameof(Opcode.BrTrue),
        nameof(Opcode.BrFalse),
        nameof(Opcode.Switch),
        nameof(Opcode.Ret),
        nameof(Opcode.ArrLen),
        nameof(Opcode.ArrDimLen),
        nameof(Opcode.ElemAddr),
        nameof(Opcode.LdElem),
        nameof(Opcode.StElem),
        nameof(Opcode.ToSpan),
        nameof(Opcode.LdInd),
        nameof(Opcode.StInd),
        nameof(Opcode.Call),
        nameof(Opcode.CallIntrinsic),
        nameof(Opcode.ParallelFor),
        nameof(Opcode.Throw),
        nameof(Opcode.LdStatic),
        nameof(Opcode.Slice),
        nameof(Opcode.FieldAddr),
        nameof(Opcode.LdFld),
        nameof(Opcode.StFld),
        nameof(Opcode.InitObj),
        nameof(Opcode.NewStruct),
        nameof(Opcode.MakeStruct),
        nameof(Opcode.GenericMath),
        nameof(Opcode.Protect),
        nameof(Opcode.EndProtect),
        nameof(Opcode.ReturnStatus),
        nameof(Opcode.NewArr),
        nameof(Opcode.StackAlloc),
        nameof(Opcode.Fill),
        nameof(Opcode.CopyTo),
    ];

    /// <summary>The function flags that IrPrinter writes (every member but None), each a single bit.</summary>
    public static readonly FunctionFlags[] Flags =
    [
        FunctionFlags.Entry,
        FunctionFlags.FastMath,
        FunctionFlags.BoundsCheck,
        FunctionFlags.InlineAlways,
        FunctionFlags.InlineNever,
        FunctionFlags.Cache,
        FunctionFlags.Parallel,
        FunctionFlags.FastReassoc,
        FunctionFlags.FastContract,
        FunctionFlags.FastNoNaNs,
        FunctionFlags.FastNoInfs,
        FunctionFlags.FastNoSignedZeros,
        FunctionFlags.FastArcp,
        FunctionFlags.FastAfn,
        FunctionFlags.PreferVector128,
        FunctionFlags.PreferVector256,
        FunctionFlags.PreferVector512,
        FunctionFlags.CallsOtherAssemblies,
    ];

    /// <summary>Names of <see cref="Flags"/>, in the same order.</summary>
    public static readonly string[] FlagNames =
    [
        nameof(FunctionFlags.Entry),
        nameof(FunctionFlags.FastMath),
        nameof(FunctionFlags.BoundsCheck),
        nameof(FunctionFlags.InlineAlways),
        nameof(FunctionFlags.InlineNever),
        nameof(FunctionFlags.Cache),
        nameof(FunctionFlags.Parallel),
        nameof(FunctionFlags.FastReassoc),
        nameof(FunctionFlags.FastContract),
        nameof(FunctionFlags.FastNoNaNs),
        nameof(FunctionFlags.FastNoInfs),
        nameof(FunctionFlags.FastNoSignedZeros),
        nameof(FunctionFlags.FastArcp),
        nameof(FunctionFlags.FastAfn),
        nameof(FunctionFlags.PreferVector128),
        nameof(FunctionFlags.PreferVector256),
        nameof(FunctionFlags.PreferVector512),
        nameof(FunctionFlags.CallsOtherAssemblies),
    ];

    /// <summary>Opcode by name, ignoring case (the printer writes lower case). Values are boxed: a dictionary over the
    /// enum would be a generic instantiation the framework compiles at run time.</summary>
    public static Dictionary<string, object> OpcodeTable()
    {
        var table = new Dictionary<string, object>(Opcodes.Length, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < Opcodes.Length; i++) table[Opcodes[i]] = (Opcode)i;
        return table;
    }

    /// <summary>The flag named <paramref name="name"/> (any case), or false.</summary>
    public static bool TryParseFlag(string name, out FunctionFlags flag)
    {
        for (int i = 0; i < FlagNames.Length; i++)
        {
            if (string.Equals(FlagNames[i], name, StringComparison.OrdinalIgnoreCase))
            {
                flag = Flags[i];
                return true;
            }
        }

        flag = FunctionFlags.None;
        return false;
    }
}
