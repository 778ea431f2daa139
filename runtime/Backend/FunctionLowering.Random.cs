// Numba.Random intrinsics: the thread's state pointer once per call, then inline xoshiro256** draws (RandomCodegen).
using System.Collections.Generic;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm.Interop;
using NumbaWeaver.Randomness;

namespace NumbaWeaver.Backend;

internal sealed partial class FunctionLowering
{
    private LLVMValueRef _randomState;

    /// <summary>
    /// The calling thread's generator state: <c>numbaweaver_random_state()</c> in the entry block, once per
    /// call of a function that draws (not per draw), so a kernel drawing millions of numbers pays one
    /// reverse P/Invoke.
    /// </summary>
    private LLVMValueRef RandomState()
    {
        if (_randomState.IsNull)
        {
            var fn = RandomCodegen.StateFunction(_m);
            _randomState = LLVM.BuildCall2(_entry, fn.Type, fn.Function, HandleList<LLVMValueRef>.None, "random.state");
        }
        return _randomState;
    }

    private bool TryEmitRandomIntrinsic(Instruction ins)
    {
        if (!Intrinsics.IsRandom(ins.Name)) return false;
        var sig = Intrinsics.Find(ins.Name!) ?? throw new System.InvalidOperationException($"{_f.Name}: unknown intrinsic {ins.Name}");
        var a = new LLVMValueRef[sig.Parameters.Length];
        for (int i = a.Length - 1; i >= 0; i--) a[i] = Pop().Value;
        var g = new RandomCodegen(_m, _b, _fn, RandomState());
        switch (sig.MethodName)
        {
            case "Seed":
                g.Seed(a[0], ConstI64(0));
                return true;
            case "NextUInt64": Push(IrType.I64, g.Next()); return true;
            case "NextDouble": Push(IrType.F64, g.NextDouble()); return true;
            case "Uniform": Push(IrType.F64, g.Uniform(a[0], a[1])); return true;
            case "Normal" when a.Length == 0: Push(IrType.F64, g.Normal()); return true;
            case "Normal":
                Push(IrType.F64, LLVM.BuildFAdd(_b, a[0], LLVM.BuildFMul(_b, a[1], g.Normal(), ""), "random.normal"));
                return true;
            case "NextInt":
            case "NextLong":
            {
                var type = sig.ReturnType;
                RaiseIf(ICmp(LLVMIntPredicate.LLVMIntSLE, a[1], a[0]), BadRange(type), a[1], a[0]);
                Push(type.StackType, g.Bounded(a[0], a[1], TypeLowering.Bits(type), _entry));
                return true;
            }
            default:
                throw new System.NotSupportedException($"{_f.Name}: {ins.Name} is not lowered");
        }
    }

    /// <summary>The ArgumentOutOfRangeException of an empty range, as Xoshiro.BadRange builds it: holes hiExclusive, lo.</summary>
    private static string BadRange(IrType type) =>
        new ThrowDescriptor("System.ArgumentOutOfRangeException", new[] { type, type }, new[] { "hiExclusive", Xoshiro.BadRangeTemplate }).Encode();

    /// <summary>Raises the described exception with <paramref name="values"/> when <paramref name="failed"/> holds.</summary>
    private void RaiseIf(LLVMValueRef failed, string descriptor, params LLVMValueRef[] values)
    {
        var raise = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "raise");
        var ok = LLVM.AppendBasicBlockInContext(_m.Context, _fn, "ok");
        LLVM.BuildCondBr(_b, failed, raise, ok);
        LLVM.PositionBuilderAtEnd(_b, raise);
        EmitRaise(descriptor, values);
        LLVM.PositionBuilderAtEnd(_b, ok);
    }

    /// <summary>True when <paramref name="f"/> or a function it calls or runs in a parallel loop draws random numbers.</summary>
    private bool DrawsRandomNumbers(IrFunction f, HashSet<string>? seen = null)
    {
        seen ??= new HashSet<string>();
        if (!seen.Add(f.Name)) return false;
        foreach (var ins in f.Body)
        {
            if (ins.Op == Opcode.CallIntrinsic && Intrinsics.IsRandom(ins.Name)) return true;
            if (ins.Op is Opcode.Call or Opcode.ParallelFor && _m.Ir.Find(ins.Name!) is { } callee && DrawsRandomNumbers(callee, seen)) return true;
        }
        return false;
    }
}
