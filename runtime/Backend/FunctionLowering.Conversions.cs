// conv / conv.ovf: integer resizing, int<->float, .NET 10 saturating float->int, and checked range tests.
using System;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    private void EmitConversion(Instruction ins)
    {
        var to = ins.Type!;
        var from = ins.Type2!;
        var flags = (ConvFlags)ins.Int;
        var v = Pop().Value;
        LLVMValueRef r;
        if (to.IsFloat) r = from.IsFloat ? FloatToFloat(v, from, to) : IntToFloat(v, to, flags);
        else if (from.IsFloat) r = (flags & ConvFlags.Overflow) != 0 ? FloatToIntChecked(v, from, to) : FloatToIntSaturating(v, from, to);
        else r = (flags & ConvFlags.Overflow) != 0 ? IntToIntChecked(v, from, to, flags) : IntToInt(v, from, to, flags);
        Push(to.StackType, r);
    }

    private LLVMValueRef FloatToFloat(LLVMValueRef v, IrType from, IrType to)
    {
        if (from.Kind == to.Kind) return v;
        return to.Kind == TypeKind.F32 ? LLVM.BuildFPTrunc(_b, v, _t.F32, "") : LLVM.BuildFPExt(_b, v, _t.F64, "");
    }

    private LLVMValueRef IntToFloat(LLVMValueRef v, IrType to, ConvFlags flags) =>
        (flags & ConvFlags.UnsignedSource) != 0
            ? LLVM.BuildUIToFP(_b, v, _t.Memory(to), "")
            : LLVM.BuildSIToFP(_b, v, _t.Memory(to), "");

    /// <summary>
    /// .NET 10 saturates float->int (NaN -> 0). Small targets are NOT saturated to their own range: the
    /// JIT converts to int32 with saturation and truncates, so (sbyte)300.0 == 44 and (byte)1e20 == 255
    /// (checked against .NET 10.0 on this machine).
    /// </summary>
    private LLVMValueRef FloatToIntSaturating(LLVMValueRef v, IrType from, IrType to)
    {
        int bits = TypeLowering.Bits(to);
        if (bits < 32)
        {
            var i32 = Call(_m.Intrinsic("llvm.fptosi.sat", _t.I32, _t.Memory(from)), v);
            return Widen(LLVM.BuildTrunc(_b, i32, _t.IntOfBits(bits), ""), to);
        }
        string name = to.IsSigned ? "llvm.fptosi.sat" : "llvm.fptoui.sat";
        return Call(_m.Intrinsic(name, _t.Memory(to), _t.Memory(from)), v);
    }

    /// <summary>
    /// conv.ovf from a float: the value truncated toward zero must lie in the target's range, else
    /// OverflowException (NaN included). Compared in double, where every bound used is exact.
    /// </summary>
    private LLVMValueRef FloatToIntChecked(LLVMValueRef v, IrType from, IrType to)
    {
        var d = from.Kind == TypeKind.F32 ? LLVM.BuildFPExt(_b, v, _t.F64, "") : v;
        var t = Call(_m.Intrinsic("llvm.trunc", _t.F64), d);
        var (min, max) = Range(to);
        var aboveMin = LLVM.BuildFCmp(_b, LLVMRealPredicate.LLVMRealOGE, t, ConstFloat(_t.F64, (double)min), "");
        var belowMaxPlusOne = LLVM.BuildFCmp(_b, LLVMRealPredicate.LLVMRealOLT, t, ConstFloat(_t.F64, (double)(max + 1)), "");
        FailIf(LLVM.BuildNot(_b, LLVM.BuildAnd(_b, aboveMin, belowMaxPlusOne, ""), ""), Status.Overflow);
        var target = _t.IntOfBits(TypeLowering.Bits(to));
        var i = to.IsSigned ? LLVM.BuildFPToSI(_b, t, target, "") : LLVM.BuildFPToUI(_b, t, target, "");
        return Widen(i, to);
    }

    /// <summary>Unchecked integer conversion: truncate, or extend (zero for unsigned targets or sources), then re-widen small targets.</summary>
    private LLVMValueRef IntToInt(LLVMValueRef v, IrType from, IrType to, ConvFlags flags)
    {
        bool zeroExtend = !to.IsSigned || (flags & ConvFlags.UnsignedSource) != 0;
        return Resize(v, from, to, zeroExtend);
    }

    /// <summary>conv.ovf between integers: the source (signed, or unsigned with .un) must fit the target's range.</summary>
    private LLVMValueRef IntToIntChecked(LLVMValueRef v, IrType from, IrType to, ConvFlags flags)
    {
        bool unsignedSource = (flags & ConvFlags.UnsignedSource) != 0;
        int width = from.Kind == TypeKind.I64 ? 64 : 32;
        Int128 sourceMin = unsignedSource ? 0 : -(Int128.One << (width - 1));
        Int128 sourceMax = unsignedSource ? (Int128.One << width) - 1 : (Int128.One << (width - 1)) - 1;
        var (min, max) = Range(to);
        var llType = LLVM.TypeOf(v);
        // Each bound is tested only where the source can pass it; the bound then fits the source width.
        if (min > sourceMin)
        {
            var p = unsignedSource ? LLVMIntPredicate.LLVMIntULT : LLVMIntPredicate.LLVMIntSLT;
            FailIf(ICmp(p, v, ConstInt(llType, (long)min)), Status.Overflow);
        }
        if (max < sourceMax)
        {
            var p = unsignedSource ? LLVMIntPredicate.LLVMIntUGT : LLVMIntPredicate.LLVMIntSGT;
            FailIf(ICmp(p, v, ConstInt(llType, (long)(ulong)max)), Status.Overflow);
        }
        return Resize(v, from, to, zeroExtend: unsignedSource);
    }

    /// <summary>Brings an i32/i64 stack value to the target's width, then to the target's stack representation.</summary>
    private LLVMValueRef Resize(LLVMValueRef v, IrType from, IrType to, bool zeroExtend)
    {
        int sourceBits = from.Kind == TypeKind.I64 ? 64 : 32;
        int bits = TypeLowering.Bits(to);
        var target = _t.IntOfBits(bits);
        LLVMValueRef r = v;
        if (bits < sourceBits) r = LLVM.BuildTrunc(_b, v, target, "");
        else if (bits > sourceBits) r = zeroExtend ? LLVM.BuildZExt(_b, v, target, "") : LLVM.BuildSExt(_b, v, target, "");
        return Widen(r, to);
    }

    /// <summary>Value range of an integer target (bool as a byte).</summary>
    private static (Int128 Min, Int128 Max) Range(IrType t) => t.Kind switch
    {
        TypeKind.I8 => (sbyte.MinValue, sbyte.MaxValue),
        TypeKind.U8 or TypeKind.Bool => (0, byte.MaxValue),
        TypeKind.I16 => (short.MinValue, short.MaxValue),
        TypeKind.U16 or TypeKind.Char => (0, ushort.MaxValue),
        TypeKind.I32 => (int.MinValue, int.MaxValue),
        TypeKind.U32 => (0, uint.MaxValue),
        TypeKind.I64 => (long.MinValue, long.MaxValue),
        TypeKind.U64 => (0, ulong.MaxValue),
        _ => throw new NotSupportedException($"conversion to {t}"),
    };
}
