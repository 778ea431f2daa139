// An IR module: every compiled function of one assembly, as embedded in its resource.
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>The functions of one assembly, keyed by name. Serialized by <see cref="IrPrinter"/>, read by <see cref="IrParser"/>.</summary>
public sealed class IrModule
{
    /// <summary>Version of the IR text format; the runtime refuses other versions.</summary>
    public const int FormatVersion = 1;

    /// <summary>Name of the manifest resource the weaver embeds the module in.</summary>
    public const string ResourceName = "NumbaWeaver.IR.nwir";

    private readonly Dictionary<string, IrFunction> _byName = new();

    public List<IrFunction> Functions { get; } = new();

    public void Add(IrFunction function)
    {
        _byName.Add(function.Name, function);
        Functions.Add(function);
    }

    public IrFunction? Find(string name) => _byName.TryGetValue(name, out var f) ? f : null;

    /// <summary>The function and everything it calls, transitively, callers first.</summary>
    public List<IrFunction> CallClosure(IrFunction root)
    {
        var result = new List<IrFunction>();
        var seen = new HashSet<string>();
        var work = new Stack<IrFunction>();
        work.Push(root);
        while (work.Count > 0)
        {
            var f = work.Pop();
            if (!seen.Add(f.Name)) continue;
            result.Add(f);
            foreach (var ins in f.Body)
            {
                if (ins.Op is Opcode.Call or Opcode.NewStruct && ins.Name != null && Find(ins.Name) is { } callee) work.Push(callee);
                if (ins.Op == Opcode.ParallelFor && ins.Name != null)
                {
                    if (Find(ins.Name) is { } chunk) work.Push(chunk);
                    if (Find(ParallelLoops.CombineName(ins.Name)) is { } combine) work.Push(combine);
                }
            }
        }
        return result;
    }
}
