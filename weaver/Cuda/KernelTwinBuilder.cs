// Writes one twin's body: the original IL cloned, with array instructions and Cuda.* array intrinsics replaced one for one.
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using NumbaWeaver.Weaving.Diagnostics;
using NumbaWeaver.Weaving.Frontend;

namespace NumbaWeaver.Weaving.Cuda;

/// <summary>
/// Every replacement consumes and produces the same stack slots as the instruction it replaces,
/// so the cloned control flow (branch targets, switch tables) needs no other change. Code ILGPU
/// could not compile, or that has no meaning on a GPU, is reported here with its source line.
/// </summary>
internal sealed partial class KernelTwinBuilder
{
    private readonly ModuleDefinition _module;
    private readonly CudaReferences _refs;
    private readonly TwinRegistry _twins;
    private readonly MethodDefinition _original;
    private readonly MethodDefinition _twin;

    /// <summary>False for the twins of a kernel with BoundsCheck = false and of the device functions it calls.</summary>
    private readonly bool _checks;
    private readonly List<Diagnostic> _diagnostics;
    private readonly SourceLocator _source;
    private Dictionary<Instruction, TypeReference?[]> _stacks = new();

    public KernelTwinBuilder(ModuleDefinition module, CudaReferences refs, TwinRegistry twins,
        MethodDefinition original, MethodDefinition twin, bool checks, List<Diagnostic> diagnostics)
    {
        _module = module;
        _checks = checks;
        _refs = refs;
        _twins = twins;
        _original = original;
        _twin = twin;
        _diagnostics = diagnostics;
        _source = SourceLocator.For(original);
    }

    private string Name => ModuleTranslator.DisplayName(_original);

    public void Build()
    {
        var from = _original.Body;
        if (from.HasExceptionHandlers)
            Report(DiagnosticCodes.CudaExceptions, null, $"try/catch/finally (or using, lock) is not supported in [CudaJit] code ({Name}): GPU code cannot handle exceptions");
        _stacks = ArrayStackTypes.Compute(_original);

        var to = _twin.Body;
        to.InitLocals = from.InitLocals;
        foreach (var v in from.Variables)
        {
            if (v.VariableType is ArrayType a && !KernelTypes.IsKernelParameter(a))
                Report(DiagnosticCodes.CudaArrayOperation, null, $"a local of type {a.Name} in {Name}: kernel code supports only T[] and T[,] of primitives");
            to.Variables.Add(new VariableDefinition(KernelTypes.DeviceType(v.VariableType, _refs)));
        }

        var map = new Dictionary<Instruction, Instruction>();
        foreach (var ins in from.Instructions)
        {
            var copy = Instruction.Create(OpCodes.Nop);
            copy.OpCode = ins.OpCode;
            copy.Operand = ins.Operand switch
            {
                ParameterDefinition p => _twin.Parameters[p.Index],
                VariableDefinition v => to.Variables[v.Index],
                _ => ins.Operand,
            };
            map.Add(ins, copy);
            to.Instructions.Add(copy);
        }
        foreach (var copy in to.Instructions)
        {
            if (copy.Operand is Instruction target) copy.Operand = map[target];
            else if (copy.Operand is Instruction[] targets) copy.Operand = targets.Select(t => map[t]).ToArray();
        }
        foreach (var ins in from.Instructions) Rewrite(ins, map[ins]);
        // The copies keep the compiler's short branches, but a call in place of ldelem is 4 bytes longer, so a
        // short branch over enough rewritten accesses no longer reaches its target (ILGPU then fails on the twin
        // with "key not found" in its CFG builder). Long forms everywhere, then short where they fit.
        to.SimplifyMacros();
        to.OptimizeMacros();
    }

    private void Report(string code, Instruction? at, string message) =>
        _diagnostics.Add(new Diagnostic(code, message, _original, _source.Find(at)));

    /// <summary>The array operand <paramref name="depth"/> slots below the top of the stack before <paramref name="ins"/>.</summary>
    private ArrayType? ArrayOperand(Instruction ins, int depth)
    {
        if (!_stacks.TryGetValue(ins, out var stack) || stack.Length <= depth) return null;
        return stack[stack.Length - 1 - depth] as ArrayType;
    }

    private void Replace(Instruction copy, MethodReference method)
    {
        copy.OpCode = OpCodes.Call;
        copy.Operand = method;
    }
}
