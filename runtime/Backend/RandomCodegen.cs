// LLVM code for Numba.Random's draws: the operations of Randomness/Xoshiro.cs, in the same order, on a state pointer.
using NumbaWeaver.Llvm.Interop;
using NumbaWeaver.Randomness;

namespace NumbaWeaver.Backend;

/// <summary>
/// Emits, at <paramref name="b"/>'s position, what <see cref="Xoshiro"/> computes: integer operations,
/// exact int-to-double conversions, IEEE arithmetic without fast-math flags, llvm.sqrt and libm's log,
/// so compiled draws are bit-identical to managed ones. Loops (rejection sampling) add blocks to the
/// function being built; the builder ends in the block where the result is available.
/// </summary>
internal sealed class RandomCodegen(LoweredModule m, LLVMBuilderRef b, LLVMValueRef function, LLVMValueRef state)
{
    private readonly TypeLowering _t = m.Types;

    /// <summary>The runtime function returning the calling thread's state (runtime/Randomness/RandomStreams.cs).</summary>
    public static Callee StateFunction(LoweredModule m)
    {
        var type = LLVM.FunctionType(m.Types.Ptr, HandleList<LLVMTypeRef>.None);
        var fn = LLVM.GetNamedFunction(m.Module, RuntimeSymbols.RandomState);
        if (fn.IsNull)
        {
            fn = LLVM.AddFunction(m.Module, RuntimeSymbols.RandomState, type);
            // The same pointer for every call on a thread: memory(none) lets LLVM merge the calls of
            // inlined helpers and hoist them out of loops. It only allocates on a thread's first call.
            m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "memory", 0);
            m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "nounwind");
            m.AddEnumAttribute(fn, LLVM.AttributeFunctionIndex, "willreturn");
        }
        return new Callee(fn, type);
    }

    private LLVMValueRef C64(ulong v) => LLVM.ConstInt(_t.I64, v, 0);

    private LLVMValueRef Word(int i) => LLVM.BuildInBoundsGEP2(b, _t.I64, state, new[] { C64((ulong)i) }, "");

    private LLVMValueRef LoadWord(int i) => LLVM.BuildLoad2(b, _t.I64, Word(i), "");

    private void StoreWord(int i, LLVMValueRef v) => LLVM.BuildStore(b, v, Word(i));

    private LLVMValueRef Rotl(LLVMValueRef x, int k) =>
        LLVM.BuildCall2(b, m.Intrinsic("llvm.fshl", _t.I64).Type, m.Intrinsic("llvm.fshl", _t.I64).Function, new[] { x, x, C64((ulong)k) }, "");

    /// <summary>xoshiro256**: the next 64 bits, advancing the state.</summary>
    public LLVMValueRef Next()
    {
        var s0 = LoadWord(0);
        var s1 = LoadWord(1);
        var s2 = LoadWord(2);
        var s3 = LoadWord(3);
        var result = LLVM.BuildMul(b, Rotl(LLVM.BuildMul(b, s1, C64(5), ""), 7), C64(9), "random.bits");
        var t = LLVM.BuildShl(b, s1, C64(17), "");
        s2 = LLVM.BuildXor(b, s2, s0, "");
        s3 = LLVM.BuildXor(b, s3, s1, "");
        s1 = LLVM.BuildXor(b, s1, s2, "");
        s0 = LLVM.BuildXor(b, s0, s3, "");
        s2 = LLVM.BuildXor(b, s2, t, "");
        s3 = Rotl(s3, 45);
        StoreWord(0, s0);
        StoreWord(1, s1);
        StoreWord(2, s2);
        StoreWord(3, s3);
        return result;
    }

    /// <summary>(Next() &gt;&gt; 11) * 2^-53: exact (a 53-bit integer converts exactly; the scale is a power of two).</summary>
    public LLVMValueRef NextDouble()
    {
        var top = LLVM.BuildLShr(b, Next(), C64(11), "");
        return LLVM.BuildFMul(b, LLVM.BuildUIToFP(b, top, _t.F64, ""), F(Xoshiro.UnitScale), "random.unit");
    }

    private LLVMValueRef F(double v) => LLVM.ConstReal(_t.F64, v);

    /// <summary>lo + (hi - lo) * NextDouble().</summary>
    public LLVMValueRef Uniform(LLVMValueRef lo, LLVMValueRef hi) =>
        LLVM.BuildFAdd(b, lo, LLVM.BuildFMul(b, LLVM.BuildFSub(b, hi, lo, ""), NextDouble(), ""), "random.uniform");

    /// <summary>Marsaglia's polar method, as Xoshiro.Normal.</summary>
    public LLVMValueRef Normal()
    {
        var loop = LLVM.AppendBasicBlockInContext(m.Context, function, "random.polar");
        var done = LLVM.AppendBasicBlockInContext(m.Context, function, "random.polar.done");
        LLVM.BuildBr(b, loop);
        LLVM.PositionBuilderAtEnd(b, loop);
        var u = LLVM.BuildFSub(b, LLVM.BuildFMul(b, F(2.0), NextDouble(), ""), F(1.0), "u");
        var v = LLVM.BuildFSub(b, LLVM.BuildFMul(b, F(2.0), NextDouble(), ""), F(1.0), "v");
        var r = LLVM.BuildFAdd(b, LLVM.BuildFMul(b, u, u, ""), LLVM.BuildFMul(b, v, v, ""), "r");
        var reject = LLVM.BuildOr(b,
            LLVM.BuildFCmp(b, LLVMRealPredicate.LLVMRealOGE, r, F(1.0), ""),
            LLVM.BuildFCmp(b, LLVMRealPredicate.LLVMRealOEQ, r, F(0.0), ""), "");
        LLVM.BuildCondBr(b, reject, loop, done);
        LLVM.PositionBuilderAtEnd(b, done);
        var log = m.Libm("log", _t.F64, 1); // r is in (0, 1): no NaN case to adjust (FunctionLowering.DoubleLog)
        var ln = LLVM.BuildCall2(b, log.Type, log.Function, new[] { r }, "");
        var scale = LLVM.BuildFDiv(b, LLVM.BuildFMul(b, F(-2.0), ln, ""), r, "");
        var sqrt = m.Intrinsic("llvm.sqrt", _t.F64);
        return LLVM.BuildFMul(b, u, LLVM.BuildCall2(b, sqrt.Type, sqrt.Function, new[] { scale }, ""), "random.normal");
    }

    /// <summary>
    /// Lemire's unbiased bounded draw as Xoshiro.NextInt/NextLong (the caller has checked hi &gt; lo):
    /// <paramref name="bits"/> 32 uses the top half of Next() and a 64-bit product, 64 a 128-bit product.
    /// </summary>
    public LLVMValueRef Bounded(LLVMValueRef lo, LLVMValueRef hi, int bits, LLVMBuilderRef allocas)
    {
        var word = bits == 32 ? _t.I32 : _t.I64;
        var wide = bits == 32 ? _t.I64 : LLVM.Int128TypeInContext(m.Context);
        var range = LLVM.BuildSub(b, hi, lo, "range");
        var wideRange = LLVM.BuildZExt(b, range, wide, "");
        var product = LLVM.BuildAlloca(allocas, wide, "random.product");

        LLVMValueRef Draw()
        {
            var x = Next();
            if (bits == 32) x = LLVM.BuildLShr(b, x, C64(32), "");
            return LLVM.BuildMul(b, LLVM.BuildZExt(b, x, wide, ""), wideRange, "");
        }
        LLVMValueRef Low(LLVMValueRef p) => LLVM.BuildTrunc(b, p, word, "low");

        var first = Draw();
        LLVM.BuildStore(b, first, product);
        var slow = LLVM.AppendBasicBlockInContext(m.Context, function, "random.reject");
        var check = LLVM.AppendBasicBlockInContext(m.Context, function, "random.retry");
        var redraw = LLVM.AppendBasicBlockInContext(m.Context, function, "random.redraw");
        var done = LLVM.AppendBasicBlockInContext(m.Context, function, "random.bounded");
        LLVM.BuildCondBr(b, LLVM.BuildICmp(b, LLVMIntPredicate.LLVMIntULT, Low(first), range, ""), slow, done);

        LLVM.PositionBuilderAtEnd(b, slow);
        var threshold = LLVM.BuildURem(b, LLVM.BuildSub(b, LLVM.ConstNull(word), range, ""), range, "threshold");
        LLVM.BuildBr(b, check);
        LLVM.PositionBuilderAtEnd(b, check);
        var current = LLVM.BuildLoad2(b, wide, product, "");
        LLVM.BuildCondBr(b, LLVM.BuildICmp(b, LLVMIntPredicate.LLVMIntULT, Low(current), threshold, ""), redraw, done);
        LLVM.PositionBuilderAtEnd(b, redraw);
        LLVM.BuildStore(b, Draw(), product);
        LLVM.BuildBr(b, check);

        LLVM.PositionBuilderAtEnd(b, done);
        var high = LLVM.BuildTrunc(b, LLVM.BuildLShr(b, LLVM.BuildLoad2(b, wide, product, ""), LLVM.ConstInt(wide, (ulong)bits, 0), ""), word, "");
        return LLVM.BuildAdd(b, lo, high, "random.int");
    }

    /// <summary>Xoshiro.Seed: the state of stream <paramref name="stream"/> of <paramref name="seed"/>, by splitmix64.</summary>
    public void Seed(LLVMValueRef seed, LLVMValueRef stream)
    {
        var x = LLVM.BuildAdd(b, seed, LLVM.BuildMul(b, stream, C64(Xoshiro.StreamStride), ""), "");
        var words = new LLVMValueRef[4];
        for (int i = 0; i < 4; i++)
        {
            x = LLVM.BuildAdd(b, x, C64(0x9E3779B97F4A7C15UL), "");
            var z = LLVM.BuildMul(b, LLVM.BuildXor(b, x, LLVM.BuildLShr(b, x, C64(30), ""), ""), C64(0xBF58476D1CE4E5B9UL), "");
            z = LLVM.BuildMul(b, LLVM.BuildXor(b, z, LLVM.BuildLShr(b, z, C64(27), ""), ""), C64(0x94D049BB133111EBUL), "");
            words[i] = LLVM.BuildXor(b, z, LLVM.BuildLShr(b, z, C64(31), ""), "");
        }
        var any = LLVM.BuildOr(b, LLVM.BuildOr(b, words[0], words[1], ""), LLVM.BuildOr(b, words[2], words[3], ""), "");
        words[0] = LLVM.BuildSelect(b, LLVM.BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, any, C64(0), ""), C64(1), words[0], "");
        for (int i = 0; i < 4; i++) StoreWord(i, words[i]);
    }

    /// <summary>The four state words, to put back with <see cref="Restore"/>.</summary>
    public LLVMValueRef[] Save() => new[] { LoadWord(0), LoadWord(1), LoadWord(2), LoadWord(3) };

    public void Restore(LLVMValueRef[] words)
    {
        for (int i = 0; i < 4; i++) StoreWord(i, words[i]);
    }
}
