// foreach over Numba.Prange: recognised in CIL and lowered to a counted loop on hidden i64 locals (parallelised later).
using System.Collections.Generic;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using Code = Mono.Cecil.Cil.Code;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// C# compiles <c>foreach (int i in Numba.Prange(a, b, s))</c> to
/// <c>call Prange; stloc r; ldloca r; call GetEnumerator; stloc e; br C; B: ldloca e; call get_Current; ...;
/// C: ldloca e; call MoveNext; brtrue B</c>. The range and enumerator locals have no IR type: each
/// Prange call site gets four i64 locals (start, stop, step, counter) and the struct operations become
/// arithmetic on them, which is exactly what the C# enumerator computes. The IR positions of each
/// loop are recorded for <see cref="ParallelOutliner"/>.
/// </summary>
internal sealed partial class MethodTranslator
{
    private const string NumbaType = "NumbaWeaver.Numba";
    private const int RangeMarker = int.MinValue;
    private const int EnumeratorMarker = int.MinValue + 1;

    /// <summary>Stands for a range or enumerator on the abstract stack; never reaches the IR.</summary>
    private static readonly IrType MarkerType = IrType.SpanOf(IrType.Bool, readOnly: true);

    /// <summary>One Prange call site and the IR positions of its loop (-1 until seen).</summary>
    internal sealed class PrangeSite
    {
        public int Start, Stop, Step, Counter;
        public bool Is64;
        public int InitStart = -1, BodyStart = -1, CondStart = -1;
        public int Line;
    }

    private readonly List<PrangeSite> _prangeSites = new();
    private readonly Dictionary<Cil.Instruction, PrangeSite> _siteByCall = new();
    private readonly Dictionary<int, PrangeSite> _siteOfLocal = new();
    private readonly HashSet<int> _prangeLocals = new();

    internal IReadOnlyList<PrangeSite> PrangeSites => _prangeSites;

    private static bool IsPrangeType(TypeReference type) =>
        type.FullName is "NumbaWeaver.PrangeRange" or "NumbaWeaver.LongPrangeRange"
            or "NumbaWeaver.PrangeRange/Enumerator" or "NumbaWeaver.LongPrangeRange/Enumerator";

    /// <summary>Range and enumerator locals get a placeholder IR local; they are never loaded or stored as values.</summary>
    private bool TryDeclarePrangeLocal(Cil.VariableDefinition v)
    {
        if (!IsPrangeType(v.VariableType)) return false;
        _prangeLocals.Add(v.Index);
        _localTypes[v.Index] = null;
        _function.Locals.Add(new IrVariable("prange.v" + v.Index, IrType.I64));
        return true;
    }

    private bool TryTranslatePrangeVariable(Cil.Instruction ins)
    {
        int index = LocalIndex(ins);
        if (index < 0 || !_prangeLocals.Contains(index)) return false;
        if (ins.OpCode.Code is Code.Ldarg or Code.Ldarg_S or Code.Starg or Code.Starg_S or Code.Ldarga or Code.Ldarga_S) return false;
        bool isStore = ins.OpCode.Code is Code.Stloc_0 or Code.Stloc_1 or Code.Stloc_2 or Code.Stloc_3 or Code.Stloc_S or Code.Stloc;
        if (isStore)
        {
            var slot = PopSlot();
            if (slot.LoadIndex is RangeMarker or EnumeratorMarker) _siteOfLocal[index] = _prangeSites[slot.SpanLocal];
            else if (!slot.IsPoison) ReportPrangeUsage();
            return true;
        }
        if (!_siteOfLocal.TryGetValue(index, out var site))
        {
            ReportPrangeUsage();
            Push(Poison);
            return true;
        }
        bool isEnumerator = _method.Body.Variables[index].VariableType.FullName.EndsWith("/Enumerator", System.StringComparison.Ordinal);
        Push(new Slot(MarkerType, _prangeSites.IndexOf(site), isEnumerator ? EnumeratorMarker : RangeMarker));
        return true;
    }

    private void ReportPrangeUsage() =>
        Report(DiagnosticCodes.PrangeUsage, "Using a Numba.Prange range other than in 'foreach (var i in Numba.Prange(...))'",
            "enumerate the range directly with foreach", null);

    private bool TryTranslatePrangeCall(MethodReference method)
    {
        string type = method.DeclaringType.FullName;
        if (type == NumbaType && method.Name == "Prange")
        {
            TranslatePrangeCall(method);
            return true;
        }
        if (!IsPrangeType(method.DeclaringType)) return false;
        var slot = PopSlot();
        if (slot.LoadIndex is not (RangeMarker or EnumeratorMarker))
        {
            if (!slot.IsPoison) ReportPrangeUsage();
            if (method.ReturnType.MetadataType != MetadataType.Void) Push(Poison);
            return true;
        }
        var site = _prangeSites[slot.SpanLocal];
        switch (method.Name)
        {
            case "GetEnumerator":
                // counter = start - step: the first MoveNext adds the step back.
                site.InitStart = _function.Body.Count;
                Emit(Opcode.LdLoc, value: site.Start);
                Emit(Opcode.LdLoc, value: site.Step);
                Emit(Opcode.Sub, IrType.I64);
                Emit(Opcode.StLoc, value: site.Counter);
                Push(new Slot(MarkerType, slot.SpanLocal, EnumeratorMarker));
                return true;
            case "get_Current":
                if (site.BodyStart < 0) site.BodyStart = _function.Body.Count;
                Emit(Opcode.LdLoc, value: site.Counter);
                if (site.Is64)
                {
                    Push(IrType.I64);
                }
                else
                {
                    Emit(Opcode.Conv, IrType.I32, IrType.I64);
                    Push(IrType.I32);
                }
                return true;
            case "MoveNext":
                site.CondStart = _function.Body.Count;
                EmitMoveNext(site);
                Push(IrType.I32);
                return true;
            default:
                ReportPrangeUsage();
                if (method.ReturnType.MetadataType != MetadataType.Void) Push(Poison);
                return true;
        }
    }

    /// <summary>Numba.Prange(stop | start, stop | start, stop, step): the bounds go to the site's locals, widened to i64.</summary>
    private void TranslatePrangeCall(MethodReference method)
    {
        int count = method.Parameters.Count;
        var args = new IrType[count];
        for (int k = count - 1; k >= 0; k--) args[k] = Pop();
        foreach (var a in args)
        {
            if (a == Poison) { Push(Poison); return; }
        }
        if (!_siteByCall.TryGetValue(_current!, out var site))
        {
            site = new PrangeSite
            {
                Start = NewHiddenLocal("start"), Stop = NewHiddenLocal("stop"), Step = NewHiddenLocal("step"),
                Counter = NewHiddenLocal("counter"),
                Is64 = method.ReturnType.FullName == "NumbaWeaver.LongPrangeRange",
                Line = _currentPoint?.StartLine ?? 0,
            };
            _siteByCall[_current!] = site;
            _prangeSites.Add(site);
        }
        // The arguments are on the IR stack in order: store them from the last.
        int[] targets = count switch
        {
            1 => new[] { site.Stop },
            2 => new[] { site.Start, site.Stop },
            _ => new[] { site.Start, site.Stop, site.Step },
        };
        for (int k = count - 1; k >= 0; k--)
        {
            if (args[k] != IrType.I64) Emit(Opcode.Conv, IrType.I64, args[k]);
            Emit(Opcode.StLoc, value: targets[k]);
        }
        if (count < 2)
        {
            Emit(Opcode.Const, IrType.I64, value: 0);
            Emit(Opcode.StLoc, value: site.Start);
        }
        if (count < 3)
        {
            Emit(Opcode.Const, IrType.I64, value: 1);
            Emit(Opcode.StLoc, value: site.Step);
        }
        else
        {
            // A zero step throws ArgumentException, as constructing the range does in C#.
            Emit(Opcode.LdLoc, value: site.Step);
            Emit(Opcode.CallIntrinsic).Name = ParallelLoops.StepCheck;
            Emit(Opcode.StLoc, value: site.Step);
        }
        Push(new Slot(MarkerType, _prangeSites.IndexOf(site), RangeMarker));
    }

    /// <summary>counter += step; push (step &gt; 0 ? counter &lt; stop : counter &gt; stop) as i32.</summary>
    private void EmitMoveNext(PrangeSite site)
    {
        Emit(Opcode.LdLoc, value: site.Counter);
        Emit(Opcode.LdLoc, value: site.Step);
        Emit(Opcode.Add, IrType.I64);
        Emit(Opcode.StLoc, value: site.Counter);
        void Compare(Opcode stepTest, Opcode boundTest)
        {
            Emit(Opcode.LdLoc, value: site.Step);
            Emit(Opcode.Const, IrType.I64, value: 0);
            Emit(stepTest, IrType.I64);
            Emit(Opcode.LdLoc, value: site.Counter);
            Emit(Opcode.LdLoc, value: site.Stop);
            Emit(boundTest, IrType.I64);
            Emit(Opcode.And, IrType.I32);
        }
        Compare(Opcode.Cgt, Opcode.Clt);
        Compare(Opcode.Clt, Opcode.Cgt);
        Emit(Opcode.Or, IrType.I32);
    }

    private int NewHiddenLocal(string what)
    {
        int index = _function.Locals.Count;
        _function.Locals.Add(new IrVariable($"prange{_prangeSites.Count}.{what}", IrType.I64));
        return index;
    }
}
