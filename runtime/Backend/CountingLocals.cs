// Which int locals only count upwards from a non-negative start: the loop variables whose sums IndexWidening widens.
using NumbaWeaver.IR;

namespace NumbaWeaver.Backend;

/// <summary>
/// A local counts when it is an <c>int</c> whose address is never taken and every store into it is a non-negative
/// constant or the local itself plus a positive constant (<c>k = 0</c>, <c>k++</c>, <c>k += 2</c>), with no branch into
/// the middle of either pattern. LLVM can then usually prove it non-negative inside its loop, and an index such as
/// <c>i + k</c> of two counting locals is worth widening (runtime/Backend/IndexWidening.cs). Only a heuristic: the
/// widened index is exact whatever this says; where LLVM cannot fold the widening away (an index like <c>k + m</c>
/// with <c>k = i * m + j</c>), widening would keep a select in the loop and cost its vectorisation, so it is not done.
/// </summary>
internal static class CountingLocals
{
    public static bool[] Find(IrFunction f)
    {
        var counting = new bool[f.Locals.Count];
        for (int l = 0; l < counting.Length; l++) counting[l] = f.Locals[l].Type.Kind == TypeKind.I32;
        var body = f.Body;
        var targets = new bool[body.Count + 1];
        foreach (var ins in body)
            foreach (int t in ins.Targets)
                if (t >= 0 && t < targets.Length) targets[t] = true;
        for (int p = 0; p < body.Count; p++)
        {
            var ins = body[p];
            if (ins.Op == Opcode.LdLocA && ins.Int >= 0 && ins.Int < counting.Length) counting[ins.Int] = false;
            if (ins.Op != Opcode.StLoc || ins.Int < 0 || ins.Int >= counting.Length || !counting[ins.Int]) continue;
            counting[ins.Int] = IsStart(body, targets, p) || IsStep(body, targets, p, ins.Int);
        }
        return counting;
    }

    // const c (c >= 0); stloc
    private static bool IsStart(System.Collections.Generic.List<Instruction> body, bool[] targets, int store) =>
        store >= 1 && !targets[store] && IsIntConstant(body[store - 1], out long c) && c >= 0;

    // ldloc l; const c (c > 0); add; stloc l
    private static bool IsStep(System.Collections.Generic.List<Instruction> body, bool[] targets, int store, long local) =>
        store >= 3 && !targets[store] && !targets[store - 1] && !targets[store - 2]
        && body[store - 3].Op == Opcode.LdLoc && body[store - 3].Int == local
        && IsIntConstant(body[store - 2], out long c) && c > 0
        && body[store - 1].Op == Opcode.Add && body[store - 1].Type?.Kind == TypeKind.I32;

    private static bool IsIntConstant(Instruction ins, out long value)
    {
        value = ins.Int;
        return ins.Op == Opcode.Const && ins.Type?.Kind == TypeKind.I32;
    }
}
