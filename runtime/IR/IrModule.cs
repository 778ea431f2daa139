// An IR module: every compiled function of one assembly, as embedded in its resource.
using System;
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>
/// The functions of one assembly, keyed by name. Serialized by <see cref="IrPrinter"/>, read by <see cref="IrParser"/>.
/// A module read from text keeps each function's text until <see cref="Find"/> first asks for it, so a compile parses
/// its entry's call closure, not the whole assembly's IR (docs/cache.md, "Only the call closure is parsed").
/// </summary>
public sealed class IrModule
{
    /// <summary>Version of the IR text format; the runtime refuses other versions.</summary>
    public const int FormatVersion = 1;

    /// <summary>Name of the manifest resource the weaver embeds the module in.</summary>
    public const string ResourceName = "NumbaWeaver.IR.nwir";

    private readonly Dictionary<string, IrFunction> _byName = new();
    private readonly List<IrFunction> _functions = new();
    // A module read from text: the functions' unparsed text, in text order. Entries compiling in parallel find
    // callees in the same module, so parsing on demand is done under _gate.
    private readonly UnparsedFunctions? _unparsed;
    private readonly object _gate = new();
    private bool _allParsed;

    public IrModule() { }

    internal IrModule(UnparsedFunctions unparsed) => _unparsed = unparsed;

    /// <summary>Every function, in definition order (parses what a module read from text has not parsed yet).</summary>
    public IReadOnlyList<IrFunction> Functions
    {
        get
        {
            if (_unparsed is null) return _functions;
            lock (_gate)
            {
                if (!_allParsed)
                {
                    _functions.Clear();
                    foreach (string name in _unparsed.Names) _functions.Add(FindLocked(name)!);
                    _allParsed = true;
                }
                return _functions;
            }
        }
    }

    public void Add(IrFunction function)
    {
        if (_unparsed is not null) throw new InvalidOperationException("a module read from text cannot be extended");
        _byName.Add(function.Name, function);
        _functions.Add(function);
    }

    /// <summary>The function named <paramref name="name"/>, or null; a module read from text parses it on first use.</summary>
    public IrFunction? Find(string name)
    {
        if (_unparsed is null) return _byName.TryGetValue(name, out var f) ? f : null;
        lock (_gate) return FindLocked(name);
    }

    private IrFunction? FindLocked(string name)
    {
        if (_byName.TryGetValue(name, out var parsed)) return parsed;
        if (_unparsed!.Parse(name) is not { } function) return null;
        _byName.Add(name, function);
        return function;
    }

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
