// The argmin/argmax reduction: if (e < best) { best = e; index = i; } with the key and its companions combined together.
using System.Collections.Generic;
using System.Linq;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Frontend.Parallel;
using IrInstruction = NumbaWeaver.IR.Instruction;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// Recognises <c>e; ldloc best; clt|cgt; brfalse SKIP; ...; e; stloc best; ...; stloc index; SKIP:</c>:
/// best is read only by the guard and assigned only the guard's candidate, the companions are only
/// assigned inside the guarded block. Chunks start best at +inf/MaxValue (argmin) or -inf/MinValue
/// (argmax), and chunks are combined in order with the same strict comparison, which gives the
/// sequential answer exactly (the first extreme element wins). Non-strict comparisons (&lt;=, &gt;=)
/// are not recognised: an untouched chunk would then pass the guard.
/// </summary>
internal sealed partial class MethodTranslator
{
    private HashSet<LoopVariable> FindArgGroups(Dictionary<(bool, int), LoopVariable> byKey, StackTypes types, PrangeSite site)
    {
        var grouped = new HashSet<LoopVariable>();
        var body = _function.Body;
        foreach (var key in byKey.Values.ToList())
        {
            if (key.Accesses.Count != 2 || !key.Type.IsScalar || (!key.IsArg && key.Index == site.Counter)) continue;
            int g = key.Accesses[0], s = key.Accesses[1];
            if (body[g].Op is not (Opcode.LdLoc or Opcode.LdArg) || body[s].Op is not (Opcode.StLoc or Opcode.StArg)) continue;
            if (g + 2 >= s) continue;
            var compare = body[g + 1];
            var branch = body[g + 2];
            if (compare.Op is not (Opcode.Clt or Opcode.Cgt) || compare.Type != key.Type.StackType) continue;
            if (key.Type.IsInteger && !key.Type.IsSigned) continue;
            if (branch.Op != Opcode.BrFalse || branch.Targets.Count != 1) continue;
            int skip = branch.Targets[0];
            if (skip <= s || skip > site.CondStart) continue;
            int candidateStart = CandidateStart(g, types);
            if (candidateStart < site.BodyStart) continue;
            int length = g - candidateStart;
            if (s - length <= g + 2 || !Enumerable.Range(0, length).All(k => SameInstruction(body[candidateStart + k], body[s - length + k])))
                continue;
            // The guarded block: straight-line code whose other variable stores are the companions.
            var members = new List<LoopVariable>();
            bool ok = true;
            for (int i = g + 3; i < skip && ok; i++)
            {
                var ins = body[i];
                if (ins.Targets.Count > 0 || ins.Op == Opcode.Ret) ok = false;
                if (i == s || ins.Op is not (Opcode.StLoc or Opcode.StArg)) continue;
                var member = byKey[VariableOf(ins)!.Value];
                if (member.Accesses.Count != 1 || !member.Type.IsScalar || grouped.Contains(member)) ok = false;
                else members.Add(member);
            }
            if (!ok) continue;
            key.Role = VariableRole.Reduction;
            key.Kind = compare.Op == Opcode.Clt ? ReductionKind.ArgMin : ReductionKind.ArgMax;
            key.Guard = compare;
            key.Members = members;
            grouped.Add(key);
            foreach (var m in members)
            {
                m.Role = VariableRole.Reduction;
                m.Kind = ReductionKind.Member;
                grouped.Add(m);
            }
        }
        return grouped;
    }

    /// <summary>The first instruction of the straight-line code that pushes the value under the load at <paramref name="load"/>.</summary>
    private int CandidateStart(int load, StackTypes types)
    {
        var before = types.Before;
        if (before[load] == null) return -1;
        int depth = before[load]!.Length - 1;
        for (int i = load - 1; i >= 0; i--)
        {
            if (before[i] == null || _function.Body[i].Targets.Count > 0) return -1;
            if (before[i]!.Length == depth) return i;
            if (before[i]!.Length < depth) return -1;
        }
        return -1;
    }

    private static bool SameInstruction(IrInstruction a, IrInstruction b) =>
        a.Op == b.Op && a.Type == b.Type && a.Type2 == b.Type2 && a.Int == b.Int
        && a.Float.Equals(b.Float) && a.Name == b.Name && a.Targets.Count == 0 && b.Targets.Count == 0;

    /// <summary>if (partialKey cmp *key) { *key = partialKey; *member = partialMember; ... }</summary>
    private static void EmitArgCombine(IrFunction f, List<LoopVariable> reductions, LoopVariable key, int line)
    {
        int r = reductions.IndexOf(key), count = reductions.Count;
        var body = f.Body;
        IrInstruction Add(Opcode op, IrType? type = null, long value = 0)
        {
            var ins = new IrInstruction(op) { Type = type, Int = value, Line = line };
            body.Add(ins);
            return ins;
        }
        Add(Opcode.LdArg, value: count + r);
        Add(Opcode.LdArg, value: r);
        Add(Opcode.LdInd, key.Type);
        Add(key.Guard!.Op, key.Type.StackType);
        var skip = Add(Opcode.BrFalse, IrType.I32);
        foreach (var v in new[] { key }.Concat(key.Members))
        {
            int k = reductions.IndexOf(v);
            Add(Opcode.LdArg, value: k);
            Add(Opcode.LdArg, value: count + k);
            Add(Opcode.StInd, v.Type);
        }
        skip.Targets.Add(body.Count);
        // The next reduction (or the final return) starts here.
        Add(Opcode.Nop);
    }
}
