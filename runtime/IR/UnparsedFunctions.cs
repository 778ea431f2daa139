// The functions of an IR module's text, found by their header lines and parsed one at a time when first asked for.
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>
/// Where each function of a module's text starts and ends. Finding the header lines is a scan for "func "; a
/// function's lines are split and parsed by <see cref="IrParser"/> only when <see cref="Parse"/> asks for it, once.
/// Not thread-safe: <see cref="IrModule"/> calls it under its lock.
/// </summary>
internal sealed class UnparsedFunctions
{
    private readonly string _text;
    // Classes, not a Dictionary over a struct: framework generics over our structs have no precompiled code.
    private readonly Dictionary<string, Span> _byName = new();
    private readonly List<string> _names = new();

    public UnparsedFunctions(string text) => _text = text;

    /// <summary>The functions' names in text order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Records a function whose header is line <paramref name="line"/> (0-based), at <paramref name="start"/>.</summary>
    public bool TryAdd(string name, int start, int line)
    {
        if (_byName.ContainsKey(name)) return false;
        if (_names.Count > 0) _byName[_names[_names.Count - 1]].End = start;
        _byName.Add(name, new Span(start, line, _text.Length));
        _names.Add(name);
        return true;
    }

    /// <summary>Parses the function named <paramref name="name"/>; null if the text has none (IrModule keeps the result).</summary>
    public IrFunction? Parse(string name)
    {
        if (!_byName.TryGetValue(name, out var span)) return null;
        return IrParser.ParseFunctionAt(_text, span.Start, span.End, span.Line);
    }

    private sealed class Span(int start, int line, int end)
    {
        public int Start { get; } = start;
        public int Line { get; } = line;
        public int End { get; set; } = end;
    }
}
