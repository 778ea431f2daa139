// [Njit(Parallel = true)]: outlines each outermost Numba.Prange loop into a chunk function called through ParallelFor.
using System.Collections.Generic;
using System.Linq;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using NumbaWeaver.Weaving.Frontend.Parallel;
using IrInstruction = NumbaWeaver.IR.Instruction;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// The loop body [BodyStart, CondStart) moves into <c>Parent$prangeN(lo, hi, captured..., reductionRefs...)</c>,
/// which runs iteration numbers [lo, hi). Every variable the body uses is classified: read-only
/// (passed by value), private (assigned before any read in each iteration), a reduction (only
/// <c>x = x op e</c> updates) or unsafe, which is a build error (NJ0402): no silent wrong answers.
/// </summary>
internal sealed partial class MethodTranslator
{
    private readonly List<IrFunction> _outlined = new();

    /// <summary>Chunk and combine functions made from this method's parallel loops.</summary>
    public IReadOnlyList<IrFunction> OutlinedFunctions => _outlined;

    private enum VariableRole { Captured, Private, Reduction }

    /// <summary>A parameter (IsArg) or local of the parent, and what the loop body does with it.</summary>
    private sealed class LoopVariable
    {
        public bool IsArg;
        public int Index;
        public IrType Type = IrType.I64;
        public string Name = "";
        public VariableRole Role;
        public ReductionKind Kind;
        public IrInstruction? Update;
        /// <summary>For an ArgMin/ArgMax key: the guard's compare and the variables assigned with it.</summary>
        public IrInstruction? Guard;
        public List<LoopVariable> Members = new();
        public List<int> Accesses = new();
    }

    /// <summary>Length of the IR the frontend emits for GetEnumerator (4) and MoveNext (19).</summary>
    private const int InitLength = 4, CondLength = 19;

    private void OutlineParallelLoops()
    {
        if (_prangeSites.Count == 0 || !_function.Has(FunctionFlags.Parallel)) return;
        var loops = _prangeSites.Where(IsWellFormed).ToList();
        // Only outermost loops run in parallel: a Prange nested in another's body stays a sequential loop.
        var outer = loops.Where(s => !loops.Any(o => o != s && o.BodyStart <= s.InitStart && s.InitStart < o.CondStart)).ToList();
        var types = StackTypes.Compute(_function, CalleeSignature);
        int counter = 0;
        var plans = new List<(PrangeSite Site, List<LoopVariable> Vars, string Name)>();
        foreach (var site in outer.OrderBy(s => s.InitStart))
        {
            var vars = Classify(site, types);
            if (vars != null) plans.Add((site, vars, ParallelLoops.ChunkName(_function.Name, counter++)));
        }
        // From the last loop backwards: replacing a loop only moves the instructions after it.
        foreach (var (site, vars, name) in plans.OrderByDescending(p => p.Site.InitStart)) Outline(site, vars, name);
    }

    private bool IsWellFormed(PrangeSite s)
    {
        var body = _function.Body;
        if (s.InitStart < 0 || s.BodyStart < 0 || s.CondStart < 0) return false;
        int br = s.InitStart + InitLength, back = s.CondStart + CondLength;
        return br + 1 == s.BodyStart && s.BodyStart <= s.CondStart && back < body.Count
               && body[br].Op == Opcode.Br && body[br].Targets.SequenceEqual(new[] { s.CondStart })
               && body[back].Op == Opcode.BrTrue && body[back].Targets.SequenceEqual(new[] { s.BodyStart });
    }

    /// <summary>The variables of the loop body with their roles, or null after reporting why the loop cannot run in parallel.</summary>
    private List<LoopVariable>? Classify(PrangeSite site, StackTypes types)
    {
        var body = _function.Body;
        int exit = site.CondStart + CondLength + 1;
        bool ok = true;
        var byKey = new Dictionary<(bool, int), LoopVariable>();
        for (int i = site.BodyStart; i < site.CondStart; i++)
        {
            var ins = body[i];
            if (ins.Op == Opcode.Ret || ins.Targets.Any(t => (t < site.BodyStart || t > site.CondStart)))
            {
                ReportAt(i, DiagnosticCodes.ParallelLoopExit, "Leaving a parallel loop (Numba.Prange) with break, return or goto",
                    "let every iteration run to its end (use a flag, or a sequential loop)");
                ok = false;
            }
            if (VariableOf(ins) is not { } key) continue;
            if (!byKey.TryGetValue(key, out var v))
            {
                var declared = key.Item1 ? _function.Parameters[key.Item2] : _function.Locals[key.Item2];
                v = new LoopVariable { IsArg = key.Item1, Index = key.Item2, Type = declared.Type, Name = declared.Name };
                byKey.Add(key, v);
            }
            v.Accesses.Add(i);
        }
        if (!ok) return null;
        // The loop's own bounds are read by the chunk function; its counter is recomputed there per iteration.
        foreach (int local in new[] { site.Start, site.Step })
            if (!byKey.ContainsKey((false, local)))
                byKey.Add((false, local), new LoopVariable { Index = local, Name = _function.Locals[local].Name });

        var grouped = FindArgGroups(byKey, types, site);
        foreach (var v in byKey.Values)
        {
            if (grouped.Contains(v)) continue;
            if (!v.IsArg && v.Index == site.Counter) { v.Role = VariableRole.Private; continue; }
            bool written = v.Accesses.Any(i => body[i].Op is Opcode.StLoc or Opcode.StArg or Opcode.LdLocA or Opcode.LdArgA);
            if (!written) { v.Role = VariableRole.Captured; continue; }
            if (TryReduction(v, types)) { v.Role = VariableRole.Reduction; continue; }
            if (IsPrivate(v, site, exit)) { v.Role = VariableRole.Private; continue; }
            ReportAt(v.Accesses[0], DiagnosticCodes.UnsafeParallelWrite,
                $"Assigning the variable '{v.Name}' inside a parallel loop (Numba.Prange)",
                "a variable declared outside the loop may only be updated as a reduction (x += e, -=, *=, /= on floats, &=, |=, ^=, " +
                "x = Math.Min(x, e), x = Math.Max(x, e), if (e < best) { best = e; index = i; } with < or >) and must not be read otherwise; declare it inside the loop body if each iteration has its own");
            ok = false;
        }
        return ok ? byKey.Values.OrderBy(v => v.IsArg ? 0 : 1).ThenBy(v => v.Index).ToList() : null;
    }

    private static (bool, int)? VariableOf(IrInstruction ins) => ins.Op switch
    {
        Opcode.LdArg or Opcode.StArg or Opcode.LdArgA => (true, (int)ins.Int),
        Opcode.LdLoc or Opcode.StLoc or Opcode.LdLocA => (false, (int)ins.Int),
        _ => null,
    };

    /// <summary>Every access is a pair "load x; ...; op; store x" where op consumes the loaded x, all ops of one class.</summary>
    private bool TryReduction(LoopVariable v, StackTypes types)
    {
        var body = _function.Body;
        if (v.Accesses.Count % 2 != 0 || !v.Type.IsScalar) return false;
        ReductionKind? kind = null;
        for (int k = 0; k < v.Accesses.Count; k += 2)
        {
            int a = v.Accesses[k], b = v.Accesses[k + 1];
            if (body[a].Op is not (Opcode.LdLoc or Opcode.LdArg) || body[b].Op is not (Opcode.StLoc or Opcode.StArg) || b < a + 2) return false;
            var op = body[b - 1];
            bool left = ConsumesAsLeftOperand(a, b - 1, types);
            bool right = a == b - 2;
            if (!left && !right) return false;
            var this_ = Reductions.Classify(op, v.Type, left);
            if (this_ == null || (kind != null && kind != this_)) return false;
            if (op.Op != Opcode.CallIntrinsic && op.Type != v.Type.StackType) return false;
            kind = this_;
            v.Update ??= op;
        }
        v.Kind = kind!.Value;
        return true;
    }

    /// <summary>The value pushed at <paramref name="load"/> stays under everything pushed until <paramref name="op"/>, which pops it with one more.</summary>
    private bool ConsumesAsLeftOperand(int load, int op, StackTypes types)
    {
        // After the load the stack is depth + 1; the right operand's code must keep it at depth + 2
        // or more (so nothing pops the loaded value, as x = x * 2 + e would) until op pops both.
        var before = types.Before;
        if (before[load] == null || before[op] == null || op < load + 2) return false;
        int depth = before[load]!.Length;
        for (int i = load + 2; i <= op; i++)
            if (before[i] == null || before[i]!.Length < depth + 2 || _function.Body[i - 1].Op == Opcode.Dup) return false;
        return before[op]!.Length == depth + 2;
    }

    /// <summary>
    /// Private: the first access in the body is a store no earlier branch can jump over (so every
    /// iteration assigns before reading), and the value is not read after the loop.
    /// </summary>
    private bool IsPrivate(LoopVariable v, PrangeSite site, int exit)
    {
        var body = _function.Body;
        if (!AssignedBeforeEveryRead(v, site)) return false;
        for (int i = exit; i < body.Count; i++)
        {
            if (VariableOf(body[i]) is not { } key || key != (v.IsArg, v.Index)) continue;
            return body[i].Op is Opcode.StLoc or Opcode.StArg;
        }
        return true;
    }

    /// <summary>
    /// Forward data flow over the body: on every path from the start of an iteration to a read or
    /// address of <paramref name="v"/>, a store comes first.
    /// </summary>
    private bool AssignedBeforeEveryRead(LoopVariable v, PrangeSite site)
    {
        var body = _function.Body;
        int from = site.BodyStart, to = site.CondStart, n = to - from;
        var assignedIn = new bool[n];
        var reached = new bool[n];
        for (int i = 0; i < n; i++) assignedIn[i] = true;
        assignedIn[0] = false;
        reached[0] = true;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < n; i++)
            {
                if (!reached[i]) continue;
                var ins = body[from + i];
                bool isStore = ins.Op is Opcode.StLoc or Opcode.StArg && VariableOf(ins) == (v.IsArg, v.Index);
                bool outValue = assignedIn[i] || isStore;
                void Flow(int target)
                {
                    int t = target - from;
                    if (t < 0 || t >= n) return; // the end of the iteration
                    if (!reached[t] || (assignedIn[t] && !outValue))
                    {
                        if (!reached[t]) assignedIn[t] = outValue;
                        else assignedIn[t] = false;
                        reached[t] = true;
                        changed = true;
                    }
                }
                foreach (int t in ins.Targets) Flow(t);
                if (!ins.EndsFlow) Flow(from + i + 1);
            }
        }
        foreach (int a in v.Accesses)
        {
            var ins = body[a];
            if (ins.Op is Opcode.StLoc or Opcode.StArg) continue;
            if (!assignedIn[a - from]) return false;
        }
        return true;
    }

    /// <summary>Signatures of the same-module methods this body calls, for the stack types the reduction check needs.</summary>
    private IrFunction? CalleeSignature(string name)
    {
        foreach (var m in _callees)
        {
            if (ModuleTranslator.FunctionName(m) != name) continue;
            var f = new IrFunction(name, TypeMapper.Map(m.ReturnType) ?? Poison);
            foreach (var p in m.Parameters) f.Parameters.Add(new IrVariable(p.Name, TypeMapper.Map(p.ParameterType) ?? Poison));
            return f;
        }
        return null;
    }

    private void Outline(PrangeSite site, List<LoopVariable> vars, string name)
    {
        var body = _function.Body;
        int exit = site.CondStart + CondLength + 1;
        var captured = vars.Where(v => v.Role == VariableRole.Captured).ToList();
        var reductions = vars.Where(v => v.Role == VariableRole.Reduction).ToList();
        int line = body[site.InitStart].Line, column = body[site.InitStart].Column;

        var chunk = new IrFunction(name, IrType.Void)
        {
            Flags = _function.Flags & ~FunctionFlags.Entry,
            SourceFile = _function.SourceFile,
        };
        chunk.Parameters.Add(new IrVariable("lo", IrType.I64));
        chunk.Parameters.Add(new IrVariable("hi", IrType.I64));
        var argIndex = new Dictionary<(bool, int), int>();
        foreach (var v in captured)
        {
            argIndex[(v.IsArg, v.Index)] = chunk.Parameters.Count;
            chunk.Parameters.Add(new IrVariable(v.Name, v.Type));
        }
        foreach (var v in reductions)
        {
            argIndex[(v.IsArg, v.Index)] = chunk.Parameters.Count;
            chunk.Parameters.Add(new IrVariable(v.Name + ".reduce." + v.Kind.ToString().ToLowerInvariant(), IrType.RefTo(v.Type)));
        }
        // Locals: the parent's, then one per parent parameter (for parameters private to an iteration), then k.
        int parentLocals = _function.Locals.Count;
        foreach (var l in _function.Locals) chunk.Locals.Add(new IrVariable(l.Name, l.Type));
        foreach (var p in _function.Parameters) chunk.Locals.Add(new IrVariable(p.Name, p.Type.IsByRef ? IrType.I64 : p.Type));
        int k = chunk.Locals.Count;
        chunk.Locals.Add(new IrVariable("prange.k", IrType.I64));
        int LocalOf(LoopVariable v) => v.IsArg ? parentLocals + v.Index : v.Index;

        var c = chunk.Body;
        IrInstruction Add(Opcode op, IrType? type = null, long value = 0)
        {
            var ins = new IrInstruction(op) { Type = type, Int = value, Line = line, Column = column };
            c.Add(ins);
            return ins;
        }
        foreach (var v in captured.Where(v => !v.IsArg))
        {
            Add(Opcode.LdArg, value: argIndex[(false, v.Index)]);
            Add(Opcode.StLoc, value: v.Index);
        }
        foreach (var v in reductions)
        {
            var identity = Reductions.Identity(v.Kind, v.Type);
            identity.Line = line;
            c.Add(identity);
            Add(Opcode.StLoc, value: LocalOf(v));
        }
        // A unit step (every Numba.Prange(n)) gets a loop of its own, whose counter is start + k: a consecutive index
        // LLVM's vectorizer can use. start + k * step, with the step known only at run time, is not one, and neither
        // version of a Prange dot product was vectorised before (README, "Prange dot FastMath"). Both loops run the
        // same body on the same counters, in the same order.
        Add(Opcode.LdLoc, value: site.Step);
        Add(Opcode.Const, IrType.I64, 1);
        Add(Opcode.Ceq, IrType.I64);
        var generalStep = Add(Opcode.BrFalse, IrType.I32);
        EmitLoop(unitStep: true);
        var done = Add(Opcode.Br);
        generalStep.Targets.Add(c.Count);
        EmitLoop(unitStep: false);
        done.Targets.Add(c.Count);

        // for (k = lo; k < hi; k++) { counter = start + k * step; body }, the body copied with its branches remapped.
        void EmitLoop(bool unitStep)
        {
            Add(Opcode.LdArg, value: 0);
            Add(Opcode.StLoc, value: k);
            var toCond = Add(Opcode.Br);
            int bodyAt = c.Count;
            Add(Opcode.LdLoc, value: site.Start);
            Add(Opcode.LdLoc, value: k);
            if (!unitStep)
            {
                Add(Opcode.LdLoc, value: site.Step);
                Add(Opcode.Mul, IrType.I64);
            }
            Add(Opcode.Add, IrType.I64);
            Add(Opcode.StLoc, value: site.Counter);
            int copyAt = c.Count;
            int increment = copyAt + (site.CondStart - site.BodyStart);
            for (int i = site.BodyStart; i < site.CondStart; i++)
            {
                var copy = Clone(body[i]);
                if (VariableOf(copy) is { } key && key.Item1)
                {
                    var v = vars.First(x => x.IsArg && x.Index == key.Item2);
                    if (v.Role == VariableRole.Captured) copy.Int = argIndex[key];
                    else copy.Op = copy.Op switch { Opcode.LdArg => Opcode.LdLoc, Opcode.StArg => Opcode.StLoc, _ => Opcode.LdLocA };
                    if (v.Role != VariableRole.Captured) copy.Int = LocalOf(v);
                }
                for (int t = 0; t < copy.Targets.Count; t++)
                    copy.Targets[t] = copy.Targets[t] == site.CondStart ? increment : copyAt + (copy.Targets[t] - site.BodyStart);
                c.Add(copy);
            }
            Add(Opcode.LdLoc, value: k);
            Add(Opcode.Const, IrType.I64, 1);
            Add(Opcode.Add, IrType.I64);
            Add(Opcode.StLoc, value: k);
            toCond.Targets.Add(c.Count);
            Add(Opcode.LdLoc, value: k);
            Add(Opcode.LdArg, value: 1);
            Add(Opcode.Clt, IrType.I64);
            Add(Opcode.BrTrue, IrType.I32).Targets.Add(bodyAt);
        }
        foreach (var v in reductions)
        {
            Add(Opcode.LdArg, value: argIndex[(v.IsArg, v.Index)]);
            Add(Opcode.LdLoc, value: LocalOf(v));
            Add(Opcode.StInd, v.Type);
        }
        Add(Opcode.Ret, IrType.Void);
        _outlined.Add(chunk);
        if (reductions.Count > 0) _outlined.Add(CombineFunction(name, reductions, line));

        // The parent: bounds, captured values, reduction addresses, ParallelFor.
        var call = new List<IrInstruction>();
        IrInstruction P(Opcode op, long value = 0) => new(op) { Int = value, Line = line, Column = column };
        call.Add(P(Opcode.LdLoc, site.Start));
        call.Add(P(Opcode.LdLoc, site.Stop));
        call.Add(P(Opcode.LdLoc, site.Step));
        foreach (var v in captured) call.Add(P(v.IsArg ? Opcode.LdArg : Opcode.LdLoc, v.Index));
        foreach (var v in reductions) call.Add(P(v.IsArg ? Opcode.LdArgA : Opcode.LdLocA, v.Index));
        var pfor = P(Opcode.ParallelFor);
        pfor.Name = name;
        call.Add(pfor);
        Replace(site.InitStart, exit, call);
    }

    /// <summary><c>combine(ref r1.., p1..)</c>: r_i = r_i op p_i, the reduction's own operation.</summary>
    private IrFunction CombineFunction(string chunkName, List<LoopVariable> reductions, int line)
    {
        var f = new IrFunction(ParallelLoops.CombineName(chunkName), IrType.Void)
        {
            Flags = _function.Flags & ~FunctionFlags.Entry,
            SourceFile = _function.SourceFile,
        };
        foreach (var v in reductions) f.Parameters.Add(new IrVariable(v.Name, IrType.RefTo(v.Type)));
        foreach (var v in reductions) f.Parameters.Add(new IrVariable(v.Name + ".partial", v.Type));
        for (int r = 0; r < reductions.Count; r++)
        {
            var v = reductions[r];
            if (v.Kind == ReductionKind.Member) continue;
            if (v.Kind is ReductionKind.ArgMin or ReductionKind.ArgMax)
            {
                EmitArgCombine(f, reductions, v, line);
                continue;
            }
            f.Body.Add(new IrInstruction(Opcode.LdArg) { Int = r, Line = line });
            f.Body.Add(new IrInstruction(Opcode.LdArg) { Int = r, Line = line });
            f.Body.Add(new IrInstruction(Opcode.LdInd) { Type = v.Type, Line = line });
            f.Body.Add(new IrInstruction(Opcode.LdArg) { Int = reductions.Count + r, Line = line });
            var op = Reductions.Combine(v.Kind, v.Type, v.Update!);
            op.Line = line;
            f.Body.Add(op);
            f.Body.Add(new IrInstruction(Opcode.StInd) { Type = v.Type, Line = line });
        }
        f.Body.Add(new IrInstruction(Opcode.Ret) { Type = IrType.Void, Line = line });
        return f;
    }

    /// <summary>Replaces body[from, to) with <paramref name="replacement"/> and moves every branch target after it.</summary>
    private void Replace(int from, int to, List<IrInstruction> replacement)
    {
        var body = _function.Body;
        int shift = replacement.Count - (to - from);
        body.RemoveRange(from, to - from);
        body.InsertRange(from, replacement);
        foreach (var ins in body)
            for (int t = 0; t < ins.Targets.Count; t++)
                if (ins.Targets[t] >= to) ins.Targets[t] += shift;
    }

    private static IrInstruction Clone(IrInstruction s)
    {
        var c = new IrInstruction(s.Op)
        {
            Type = s.Type, Type2 = s.Type2, Int = s.Int, Float = s.Float, Name = s.Name, Line = s.Line, Column = s.Column,
        };
        c.Targets.AddRange(s.Targets);
        return c;
    }

    /// <summary>Reports at the CIL instruction that produced IR instruction <paramref name="irIndex"/>.</summary>
    private void ReportAt(int irIndex, string code, string construct, string advice)
    {
        Mono.Cecil.Cil.Instruction? at = null;
        var instructions = _method.Body.Instructions;
        for (int k = 0; k < _irStart.Length; k++)
            if (_irStart[k] <= irIndex) at = instructions[k];
        Report(code, construct, advice, at);
    }
}
