// Translates one CIL method body into an IR function: the driver, the abstract type stack and branch fix-up.
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using NumbaWeaver.Weaving.Diagnostics;
using Cil = Mono.Cecil.Cil;
using IrInstruction = NumbaWeaver.IR.Instruction;

namespace NumbaWeaver.Weaving.Frontend;

/// <summary>
/// Walks a method's CIL once, in order, emitting a short IR sequence per instruction while keeping
/// the types of the evaluation stack (needed to pick IR operand types). Branch targets are CIL
/// instructions until the body is complete, then become IR indices. Problems are reported and the
/// walk goes on, so one build lists every unsupported construct of the method.
/// </summary>
internal sealed partial class MethodTranslator
{
    /// <summary>
    /// Type of stack values whose real type is unknown because the code producing them was
    /// reported. Instructions consuming such a value are skipped silently (no cascade of errors).
    /// </summary>
    private static readonly IrType Poison = IrType.Void;

    /// <summary>One value of the abstract evaluation stack.</summary>
    private readonly struct Slot
    {
        public Slot(IrType type, int spanLocal = -1, int loadIndex = -1, object? symbol = null)
        {
            Type = type;
            SpanLocal = spanLocal;
            LoadIndex = loadIndex;
            Symbol = symbol;
        }

        public IrType Type { get; }

        /// <summary>For the "address" of a span local (ldloca): the local's index, else -1.</summary>
        public int SpanLocal { get; }

        /// <summary>For the address of a span local: the IR index of the LdLoc that stands for it.</summary>
        public int LoadIndex { get; }

        /// <summary>A value modelled at weave time only (a message string, an exception: MethodTranslator.Exceptions), else null.</summary>
        public object? Symbol { get; }

        public bool IsPoison => Type.Kind == TypeKind.Void && Symbol == null;
    }

    private readonly ModuleTranslator _owner;
    private readonly MethodDefinition _method;
    private readonly List<Diagnostic> _diagnostics;
    private readonly SourceLocator _source;
    private readonly IrFunction _function;
    private readonly List<Slot> _stack = new();
    private readonly Dictionary<Cil.Instruction, Slot[]> _stackAtTarget = new();
    private readonly List<(IrInstruction Branch, Cil.Instruction[] Targets)> _fixups = new();
    private readonly List<MethodDefinition> _callees = new();

    /// <summary>IR types of parameters and locals; null where the type is unsupported (already reported).</summary>
    private IrType?[] _parameterTypes = System.Array.Empty<IrType?>();
    private IrType?[] _localTypes = System.Array.Empty<IrType?>();

    /// <summary>IR index of each CIL instruction's first IR instruction (by CIL position), for branch fix-up.</summary>
    private int[] _irStart = System.Array.Empty<int>();
    private Dictionary<Cil.Instruction, int> _cilIndex = new();

    private Cil.Instruction? _current;
    private Cil.SequencePoint? _currentPoint;
    private bool _reachable;

    public MethodTranslator(ModuleTranslator owner, MethodDefinition method, FunctionFlags flags, List<Diagnostic> diagnostics)
    {
        _owner = owner;
        _method = method;
        _diagnostics = diagnostics;
        _source = SourceLocator.For(method);
        var returnType = TypeMapper.Map(method.ReturnType);
        _function = new IrFunction(ModuleTranslator.FunctionName(method), returnType ?? Poison)
        {
            Flags = flags,
            SourceFile = _source.FileName,
        };
    }

    /// <summary>Same-module static methods this body calls (to be translated too).</summary>
    public IReadOnlyList<MethodDefinition> Callees => _callees;

    private string MethodName => ModuleTranslator.DisplayName(_method);

    /// <summary>Translates the method; check the diagnostics list to know whether the result is usable.</summary>
    public IrFunction Translate()
    {
        if (!CheckShape()) return _function;
        DeclareSignature();
        CheckEntryStructs();
        DeclareLocals();
        PrepareExceptionRegions();
        TranslateBody();
        ResolveBranchTargets();
        ResolveFinallyTargets();
        OutlineParallelLoops(); // Numba.Prange loops of [Njit(Parallel = true)] methods (Parallel/)
        return _function;
    }

    /// <summary>Rejects methods that cannot be compiled at all (instance, generic, no body).</summary>
    private bool CheckShape()
    {
        bool ok = true;
        if (!_method.IsStatic && !(IsStructMember(_method) && !_function.Has(FunctionFlags.Entry)))
        {
            Report(DiagnosticCodes.InstanceMethod, "The instance method " + MethodName,
                "make it static and pass what it needs as parameters", null, " (only static methods can be compiled)");
            ok = false;
        }
        if (!CheckGenericShape()) ok = false; // MethodTranslator.Generics
        if (!_method.HasBody)
        {
            Report(DiagnosticCodes.NoBody, "The method " + MethodName + " without an IL body (abstract, extern or P/Invoke)",
                "put [Njit] on a static method with a C# body", null);
            ok = false;
        }
        return ok;
    }

    private static bool HasGenericDeclaringType(TypeDefinition? type)
    {
        for (; type != null; type = type.DeclaringType)
            if (type.HasGenericParameters) return true;
        return false;
    }

    private void TranslateBody()
    {
        var instructions = _method.Body.Instructions;
        _irStart = new int[instructions.Count];
        _cilIndex = new Dictionary<Cil.Instruction, int>(instructions.Count);
        for (int k = 0; k < instructions.Count; k++) _cilIndex[instructions[k]] = k;

        _reachable = true;
        for (int k = 0; k < instructions.Count; k++)
        {
            var ins = instructions[k];
            _irStart[k] = _function.Body.Count;
            if (!_reachable)
            {
                // After br/ret/throw: the stack recorded by an earlier forward branch to here, else
                // empty (ECMA-335 III.1.7.5: only backward branches may reach such code, with an empty stack).
                _stack.Clear();
                if (_stackAtTarget.TryGetValue(ins, out var recorded)) _stack.AddRange(recorded);
                _reachable = true;
            }
            _current = ins;
            _currentPoint = _source.Find(ins);
            if (_finallyRegions.Count > 0) EmitRegionBoundaries(ins); // try/finally markers (MethodTranslator.Finally.cs)
            if (!TrySkipAfterPoison(ins)) TranslateInstruction(ins);
            var flow = ins.OpCode.FlowControl;
            if (flow is Cil.FlowControl.Branch or Cil.FlowControl.Return or Cil.FlowControl.Throw) _reachable = false;
        }
    }

    /// <summary>Turns the CIL targets of every emitted branch into the IR index of the target's first instruction.</summary>
    private void ResolveBranchTargets()
    {
        foreach (var (branch, targets) in _fixups)
            foreach (var target in targets)
                branch.Targets.Add(_cilIndex.TryGetValue(target, out int k) ? _irStart[k] : -1);
    }

    // ---- the abstract stack ----

    private void Push(IrType type) => _stack.Add(new Slot(type));

    private void Push(Slot slot) => _stack.Add(slot);

    private Slot PopSlot()
    {
        if (_stack.Count == 0) return new Slot(Poison);
        var top = _stack[_stack.Count - 1];
        _stack.RemoveAt(_stack.Count - 1);
        return top;
    }

    private IrType Pop() => PopSlot().Type;

    private IrType Peek(int depth = 0) =>
        _stack.Count > depth ? _stack[_stack.Count - 1 - depth].Type : Poison;

    /// <summary>Remembers the stack a branch target is entered with (the first edge decides; CIL requires agreement).</summary>
    private void RecordTargetStack(Cil.Instruction target)
    {
        if (!_stackAtTarget.ContainsKey(target)) _stackAtTarget[target] = _stack.ToArray();
    }

    // ---- emitting ----

    private IrInstruction Emit(Opcode op, IrType? type = null, IrType? type2 = null, long value = 0)
    {
        var ins = new IrInstruction(op) { Type = type, Type2 = type2, Int = value };
        if (_currentPoint != null)
        {
            ins.Line = _currentPoint.StartLine;
            ins.Column = _currentPoint.StartColumn;
        }
        _function.Body.Add(ins);
        return ins;
    }

    private void EmitBranch(Opcode op, IrType? type, params Cil.Instruction[] targets)
    {
        var branch = Emit(op, type);
        _fixups.Add((branch, targets));
        foreach (var target in targets) RecordTargetStack(target);
    }

    // ---- diagnostics ----

    /// <summary>
    /// Reports "<paramref name="construct"/> in M is not supported in [Njit] code: <paramref name="advice"/>" at
    /// <paramref name="at"/> (the current instruction when null and inside the body).
    /// </summary>
    private void Report(string code, string construct, string advice, Cil.Instruction? at, string detail = "")
    {
        at ??= _current;
        if (at != null && code != DiagnosticCodes.ExceptionHandling && _insideThrowStatement.Contains(at)) return;
        string where = construct.Contains(MethodName) ? "" : " in " + MethodName;
        _diagnostics.Add(new Diagnostic(code,
            $"{construct}{where} is not supported in [Njit] code{detail}: {advice}",
            _method, at == null ? _source.First : _source.Find(at)));
    }

    /// <summary>The CIL instruction as a short text for messages, e.g. <c>newarr System.Double</c>.</summary>
    private static string Describe(Cil.Instruction ins) =>
        ins.Operand switch
        {
            null => ins.OpCode.Name,
            MemberReference member => ins.OpCode.Name + " " + member.FullName,
            _ => ins.OpCode.Name + " " + ins.Operand,
        };

    /// <summary>Stack slots hold reported values: keep the shape, emit nothing, report nothing more.</summary>
    private bool TrySkipAfterPoison(Cil.Instruction ins)
    {
        // A throw is always reported: its operand (`new XException(...)`) is poison by design.
        if (ins.OpCode.Code == Cil.Code.Throw) return false;
        int pops = PopCount(ins);
        if (pops > _stack.Count)
        {
            ApplyStackEffect(ins);
            return true;
        }
        for (int d = 0; d < pops; d++)
        {
            if (!_stack[_stack.Count - 1 - d].IsPoison) continue;
            ApplyStackEffect(ins);
            return true;
        }
        return false;
    }

    /// <summary>Names of locals for the IR: debug names when the PDB has them.</summary>
    private string LocalName(Cil.VariableDefinition variable) =>
        _method.DebugInformation != null && _method.DebugInformation.TryGetName(variable, out var name) && IsPlainName(name)
            ? name
            : "v" + variable.Index;

    private static bool IsPlainName(string name) => name.Length > 0 && name.All(c => c > ' ' && c != '"');
}
