// try/finally without catch: leaves run the finally blocks they cross, status exits of the try run them too.
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;
using IrInstruction = NumbaWeaver.IR.Instruction;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// A finally block is translated once and entered by a branch. Each region has a hidden route local:
/// a <c>leave</c> stores the number of its continuation and branches into the finally block, whose
/// <c>endfinally</c> switches on the route to the leave's target, or on to the next finally block the
/// leave crosses. The try block is a protected region (<see cref="Opcode.Protect"/>): a throw, failed
/// check or callee status inside it lands in code that keeps the status in a second hidden local, sets
/// the route to -1 and falls into the finally block, whose switch then resumes the status
/// (<see cref="Opcode.ReturnStatus"/>), through enclosing finally blocks, to the caller (docs/language.md).
/// </summary>
internal sealed partial class MethodTranslator
{
    /// <summary>Where a finally block continues: a leave's target, or the next finally block with that block's route.</summary>
    private sealed record FinallyExit(Cil.Instruction? Target, FinallyRegion? Next, int NextRoute);

    private sealed class FinallyRegion(Cil.ExceptionHandler handler, int routeLocal, int pendingLocal)
    {
        public Cil.ExceptionHandler Handler { get; } = handler;
        public int RouteLocal { get; } = routeLocal;
        public int PendingLocal { get; } = pendingLocal;
        public List<FinallyExit> Exits { get; } = new();
        public IrInstruction? Protect { get; set; }
        public int Landing { get; set; } = -1;
        public int Body { get; set; } = -1;
        public int TryLength => Handler.TryEnd.Offset - Handler.TryStart.Offset;

        public int HandlerLength => (Handler.HandlerEnd?.Offset ?? int.MaxValue) - Handler.HandlerStart.Offset;

        public bool InTry(Cil.Instruction ins) => ins.Offset >= Handler.TryStart.Offset && ins.Offset < Handler.TryEnd.Offset;

        public bool InHandler(Cil.Instruction ins) =>
            ins.Offset >= Handler.HandlerStart.Offset && (Handler.HandlerEnd == null || ins.Offset < Handler.HandlerEnd.Offset);

        public int ExitIndex(FinallyExit exit)
        {
            int k = Exits.IndexOf(exit);
            if (k >= 0) return k;
            Exits.Add(exit);
            return Exits.Count - 1;
        }
    }

    private readonly List<FinallyRegion> _finallyRegions = new();
    private readonly List<(IrInstruction Branch, FinallyRegion Region)> _finallyEntries = new();

    /// <summary>A finally block compiled code can run: csc's layout (handler right after the try), no using/lock.</summary>
    private static bool IsCompilableFinally(Cil.ExceptionHandler handler) =>
        handler.HandlerType == Cil.ExceptionHandlerType.Finally && handler.TryEnd == handler.HandlerStart && !DisposesOrUnlocks(handler);

    /// <summary>`using`, `lock` and `foreach` over an enumerator call Dispose or Monitor.Exit in their finally block.</summary>
    private static bool DisposesOrUnlocks(Cil.ExceptionHandler handler)
    {
        for (var ins = handler.HandlerStart; ins != null && ins != handler.HandlerEnd; ins = ins.Next)
        {
            if (ins.Operand is MethodReference m && ins.OpCode.Code is Code.Call or Code.Callvirt
                && (m.Name == "Dispose" && m.HasThis || m.DeclaringType.FullName == "System.Threading.Monitor"))
                return true;
        }
        return false;
    }

    private void DeclareFinallyRegion(Cil.ExceptionHandler handler)
    {
        int n = _finallyRegions.Count;
        _function.Locals.Add(new IrVariable("finally" + n + "_route", IrType.I32));
        _function.Locals.Add(new IrVariable("finally" + n + "_status", IrType.I32));
        _finallyRegions.Add(new FinallyRegion(handler, _function.Locals.Count - 2, _function.Locals.Count - 1));
        _stackAtTarget[handler.HandlerStart] = System.Array.Empty<Slot>();
    }

    /// <summary>Before CIL instruction <paramref name="ins"/>: closes tries ending here, emits landings, opens tries starting here.</summary>
    private void EmitRegionBoundaries(Cil.Instruction ins)
    {
        foreach (var r in _finallyRegions.Where(r => r.Handler.TryEnd == ins).OrderBy(r => r.TryLength))
            Emit(Opcode.EndProtect);
        foreach (var r in _finallyRegions.Where(r => r.Handler.HandlerStart == ins))
        {
            // The landing: the status arrives on the stack; keep it and run the finally block with route -1.
            r.Landing = _function.Body.Count;
            Emit(Opcode.StLoc, value: r.PendingLocal);
            Emit(Opcode.Const, IrType.I32, value: -1);
            Emit(Opcode.StLoc, value: r.RouteLocal);
            r.Body = _function.Body.Count;
        }
        foreach (var r in _finallyRegions.Where(r => r.Handler.TryStart == ins).OrderByDescending(r => r.TryLength))
        {
            // Written on entry, so flow analyses (Prange's private variables) see it set before any read.
            Emit(Opcode.Const, IrType.I32, value: 0);
            Emit(Opcode.StLoc, value: r.PendingLocal);
            r.Protect = Emit(Opcode.Protect);
        }
    }

    /// <summary><c>leave target</c>: through every finally block it crosses, innermost first.</summary>
    private void TranslateLeave(Cil.Instruction ins, Cil.Instruction target)
    {
        _stack.Clear();
        var crossed = _finallyRegions.Where(r => r.InTry(ins) && !r.InTry(target)).OrderBy(r => r.TryLength).ToList();
        if (crossed.Count == 0)
        {
            EmitBranch(Opcode.Br, null, target);
            return;
        }
        var exit = new FinallyExit(target, null, 0);
        int route = 0;
        for (int i = crossed.Count - 1; i >= 0; i--)
        {
            route = crossed[i].ExitIndex(exit);
            exit = new FinallyExit(null, crossed[i], route);
        }
        EnterFinally(crossed[0], route);
    }

    private void EnterFinally(FinallyRegion region, int route)
    {
        Emit(Opcode.Const, IrType.I32, value: route);
        Emit(Opcode.StLoc, value: region.RouteLocal);
        _finallyEntries.Add((Emit(Opcode.Br), region));
    }

    /// <summary><c>endfinally</c>: on to the route's continuation; route -1 resumes the pending status.</summary>
    private void TranslateEndFinally(Cil.Instruction ins)
    {
        _stack.Clear();
        var region = _finallyRegions.Where(r => r.InHandler(ins)).OrderBy(r => r.HandlerLength).FirstOrDefault();
        if (region == null) return; // a reported region: the method is not compiled anyway
        IrInstruction? dispatch = null;
        if (region.Exits.Count > 0)
        {
            Emit(Opcode.LdLoc, value: region.RouteLocal);
            dispatch = Emit(Opcode.Switch);
        }
        Emit(Opcode.LdLoc, value: region.PendingLocal);
        Emit(Opcode.ReturnStatus);
        foreach (var exit in region.Exits)
        {
            dispatch!.Targets.Add(_function.Body.Count);
            if (exit.Target != null) EmitBranch(Opcode.Br, null, exit.Target);
            else EnterFinally(exit.Next!, exit.NextRoute);
        }
    }

    /// <summary>After the body: branches into finally blocks and protected regions' landings get their IR indices.</summary>
    private void ResolveFinallyTargets()
    {
        foreach (var (branch, region) in _finallyEntries) branch.Targets.Add(region.Body);
        foreach (var region in _finallyRegions) region.Protect?.Targets.Add(region.Landing);
    }
}
