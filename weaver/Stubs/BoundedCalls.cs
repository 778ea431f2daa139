// Decides which entries may be called without a GC transition: straight-line code that cannot run long.
using System.Collections.Generic;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Stubs;

/// <summary>
/// A call through <c>delegate* unmanaged[SuppressGCTransition]</c> saves the GC mode switch (most of
/// a trivial call's cost) but holds off a garbage collection until it returns, and the callee must
/// not call back into .NET. So only functions whose running time is bounded by their size qualify:
/// no backward branch (no loop), no call to another compiled function (no recursion), no parallel
/// loop or runtime callback; library math (libm) is allowed, except the functions that raise through the runtime.
/// </summary>
public static class BoundedCalls
{
    private static readonly HashSet<Opcode> StraightLine = new()
    {
        Opcode.Nop, Opcode.Const, Opcode.LdArg, Opcode.StArg, Opcode.LdArgA, Opcode.LdLoc, Opcode.StLoc, Opcode.LdLocA,
        Opcode.Dup, Opcode.Pop, Opcode.Add, Opcode.Sub, Opcode.Mul, Opcode.Div, Opcode.Rem, Opcode.DivUn, Opcode.RemUn,
        Opcode.And, Opcode.Or, Opcode.Xor, Opcode.Shl, Opcode.Shr, Opcode.ShrUn, Opcode.AddOvf, Opcode.AddOvfUn,
        Opcode.SubOvf, Opcode.SubOvfUn, Opcode.MulOvf, Opcode.MulOvfUn, Opcode.Neg, Opcode.Not, Opcode.Ceq, Opcode.Cgt,
        Opcode.CgtUn, Opcode.Clt, Opcode.CltUn, Opcode.Conv, Opcode.Br, Opcode.BrTrue, Opcode.BrFalse, Opcode.Switch,
        Opcode.Ret, Opcode.ArrLen, Opcode.ArrDimLen, Opcode.ElemAddr, Opcode.LdElem, Opcode.StElem, Opcode.ToSpan,
        Opcode.LdInd, Opcode.StInd, Opcode.CallIntrinsic,
        Opcode.FieldAddr, Opcode.LdFld, Opcode.StFld, Opcode.InitObj, Opcode.MakeStruct,
    };

    public static bool IsBounded(IrFunction f)
    {
        for (int i = 0; i < f.Body.Count; i++)
        {
            var ins = f.Body[i];
            if (!StraightLine.Contains(ins.Op)) return false;
            foreach (int t in ins.Targets)
                if (t <= i) return false;
            if (ins.Op == Opcode.CallIntrinsic && !IsLibraryMath(ins.Name)) return false;
        }
        return true;
    }

    private static bool IsLibraryMath(string? name) =>
        name != null && !RaisesThroughTheRuntime(name) && (name.StartsWith("Math.", System.StringComparison.Ordinal) ||
                         name.StartsWith("MathF.", System.StringComparison.Ordinal) ||
                         name.StartsWith("Double.", System.StringComparison.Ordinal) ||
                         name.StartsWith("Single.", System.StringComparison.Ordinal));

    /// <summary>Math.Clamp (min &gt; max) and Math.Round with a mode (undefined mode) report their ArgumentException through
    /// the runtime's raise callback, which must not run inside a call without a GC transition.</summary>
    private static bool RaisesThroughTheRuntime(string name) =>
        name.StartsWith("Math.Clamp(", System.StringComparison.Ordinal) || name.StartsWith("MathF.Clamp(", System.StringComparison.Ordinal) ||
        name.StartsWith("Math.Round(", System.StringComparison.Ordinal) && name.Contains(",") ||
        name.StartsWith("MathF.Round(", System.StringComparison.Ordinal) && name.Contains(",");
}
