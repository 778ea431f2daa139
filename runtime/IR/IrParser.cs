// Reads the IR text format written by IrPrinter (the deserializer the runtime uses).
using System;
using System.Collections.Generic;
using System.Text;

namespace NumbaWeaver.IR;

/// <summary>Parses modules printed by <see cref="IrPrinter"/>. Errors carry the line number.</summary>
public static class IrParser
{
    // Number parsing and opcode lookup avoid CultureInfo (which loads ICU) and enum reflection (IrNames):
    // the IR is parsed on a process's first compile, whose latency docs/cache.md measures.
    private static readonly Dictionary<string, object> Opcodes = IrNames.OpcodeTable();

    /// <summary>Parses every function of <paramref name="text"/> (a whole module, checked).</summary>
    public static IrModule ParseModule(string text)
    {
        var module = ReadModule(text);
        _ = module.Functions;
        return module;
    }

    /// <summary>
    /// Reads a module's function headers only; each function is parsed when <see cref="IrModule.Find"/> first asks for
    /// it, so a compile parses its call closure rather than the whole assembly's IR (the runtime's way in).
    /// </summary>
    public static IrModule ReadModule(string text)
    {
        int lineEnd = LineEnd(text, 0);
        string header = text.Substring(0, lineEnd).Trim();
        if (header != "nwir " + IrModule.FormatVersion)
            throw new FormatException($"IR format '{header}' is not 'nwir {IrModule.FormatVersion}': rebuild with the matching NumbaWeaver.Fody version");
        var functions = new UnparsedFunctions(text);
        bool inFunction = false;
        for (int start = lineEnd + 1, line = 1; start < text.Length; start = lineEnd + 1, line++)
        {
            lineEnd = LineEnd(text, start);
            int first = start;
            while (first < lineEnd && char.IsWhiteSpace(text[first])) first++;
            if (InvariantText.HasAt(text, first, "func "))
            {
                var head = new Cursor(text.Substring(first, lineEnd - first), line);
                head.Word("func");
                string name = head.QuotedString();
                if (!functions.TryAdd(name, start, line)) throw Error(line, $"function '{name}' is defined twice");
                inFunction = true;
            }
            else if (!inFunction && first < lineEnd)
            {
                throw Error(line, "expected 'func'");
            }
        }
        return new IrModule(functions);
    }

    /// <summary>One function printed alone (tests, tools).</summary>
    public static IrFunction ParseFunction(string text)
    {
        var lines = InvariantText.Split(text, '\n');
        int n = 0;
        return ParseFunction(lines, ref n, 0);
    }

    /// <summary>
    /// The function whose text is <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>), its header
    /// on line <paramref name="firstLine"/> (errors name lines of the whole text); only blank lines may follow its 'end'.
    /// </summary>
    internal static IrFunction ParseFunctionAt(string text, int start, int end, int firstLine)
    {
        var lines = InvariantText.Split(text.Substring(start, end - start), '\n');
        int n = 0;
        var function = ParseFunction(lines, ref n, firstLine);
        for (; n < lines.Length; n++)
            if (lines[n].Trim().Length != 0) throw Error(firstLine + n, "expected 'func'");
        return function;
    }

    private static int LineEnd(string text, int start)
    {
        int end = InvariantText.IndexOf(text, '\n', start);
        return end < 0 ? text.Length : end;
    }

    private static IrFunction ParseFunction(string[] lines, ref int n, int lineBase)
    {
        var head = new Cursor(lines[n], lineBase + n);
        head.Word("func");
        string name = head.QuotedString();
        head.Word("->");
        var ret = IrType.Parse(head.Token());
        var f = new IrFunction(name, ret);
        if (!head.AtEnd)
        {
            foreach (var flag in InvariantText.Split(head.Token(), ','))
                f.Flags |= IrNames.TryParseFlag(flag, out var parsed) ? parsed : throw Error(lineBase + n, $"unknown function flag '{flag}'");
        }
        n++;
        for (; n < lines.Length; n++)
        {
            var c = new Cursor(lines[n], lineBase + n);
            if (c.AtEnd) continue;
            var word = c.Token();
            switch (word)
            {
                case "end":
                    n++;
                    return f;
                case "generic":
                    f.TypeParameterCount = InvariantText.ParseInt32(c.Token());
                    break;
                case "source":
                    f.SourceFile = c.QuotedString();
                    break;
                case "param":
                    f.Parameters.Add(new IrVariable(c.TokenAfterType(out var pt), pt));
                    break;
                case "local":
                    f.Locals.Add(new IrVariable(c.TokenAfterType(out var lt), lt));
                    break;
                default:
                    if (!InvariantText.EndsWith(word, ':')) throw Error(lineBase + n, $"unexpected '{word}'");
                    int index = InvariantText.ParseInt32(word.Substring(0, word.Length - 1));
                    if (index != f.Body.Count) throw Error(lineBase + n, $"instruction {index} out of order");
                    f.Body.Add(ParseInstruction(c, lineBase + n));
                    break;
            }
        }
        throw Error(lineBase + n, "missing 'end'");
    }

    private static Instruction ParseInstruction(Cursor c, int n)
    {
        var opName = c.Token();
        if (!Opcodes.TryGetValue(opName, out object? boxed)) throw Error(n, $"unknown opcode '{opName}'");
        var op = (Opcode)boxed;
        var ins = new Instruction(op);
        while (!c.AtEnd)
        {
            if (c.Peek == '(') { c.SkipParenthesized(); continue; }
            if (c.Peek == '@')
            {
                var pos = InvariantText.Split(c.Token().Substring(1), ':');
                ins.Line = InvariantText.ParseInt32(pos[0]);
                ins.Column = InvariantText.ParseInt32(pos[1]);
                continue;
            }
            if (c.TryPrefix("->"))
            {
                foreach (var t in InvariantText.Split(c.Token(), ',')) ins.Targets.Add(InvariantText.ParseInt32(t));
                continue;
            }
            if (c.TryPrefix("n=")) { ins.Name = c.QuotedString(); continue; }
            var tok = c.Token();
            int eq = InvariantText.IndexOf(tok, '=');
            if (eq < 0) throw Error(n, $"bad operand '{tok}'");
            string key = tok.Substring(0, eq), value = tok.Substring(eq + 1);
            switch (key)
            {
                case "t": ins.Type = IrType.Parse(value); break;
                case "t2": ins.Type2 = IrType.Parse(value); break;
                case "i": ins.Int = InvariantText.ParseInt64(value); break;
                case "f":
                    if (!InvariantText.StartsWith(value, "0x")) throw Error(n, "float constants are written as 0x bits");
                    ins.Float = BitConverter.Int64BitsToDouble(InvariantText.ParseHex64(value.Substring(2)));
                    break;
                default: throw Error(n, $"unknown operand '{key}'");
            }
        }
        return ins;
    }

    private static FormatException Error(int line, string message) => new($"IR line {line + 1}: {message}");

    /// <summary>A token reader over one line.</summary>
    private sealed class Cursor
    {
        private readonly string _s;
        private readonly int _line;
        private int _p;

        public Cursor(string s, int line)
        {
            _s = s;
            _line = line;
            SkipSpace();
        }

        public bool AtEnd => _p >= _s.Length;
        public char Peek => _s[_p];

        private void SkipSpace()
        {
            while (_p < _s.Length && char.IsWhiteSpace(_s[_p])) _p++;
        }

        public string Token()
        {
            if (AtEnd) throw Error(_line, "unexpected end of line");
            int start = _p;
            int depth = 0;
            while (_p < _s.Length && (depth > 0 || !char.IsWhiteSpace(_s[_p])))
            {
                if (_s[_p] == '<') depth++;
                if (_s[_p] == '>' && depth > 0) depth--;
                _p++;
            }
            var t = _s.Substring(start, _p - start);
            SkipSpace();
            return t;
        }

        public string TokenAfterType(out IrType type)
        {
            type = IrType.Parse(Token());
            return Token();
        }

        public void Word(string w)
        {
            var t = Token();
            if (t != w) throw Error(_line, $"expected '{w}', found '{t}'");
        }

        public bool TryPrefix(string prefix)
        {
            if (!InvariantText.HasAt(_s, _p, prefix)) return false;
            _p += prefix.Length;
            return true;
        }

        public void SkipParenthesized()
        {
            while (_p < _s.Length && _s[_p] != ')') _p++;
            _p++;
            SkipSpace();
        }

        public string QuotedString()
        {
            if (AtEnd || _s[_p] != '"') throw Error(_line, "expected a quoted string");
            _p++;
            var sb = new StringBuilder();
            while (_p < _s.Length && _s[_p] != '"')
            {
                if (_s[_p] == '\\' && _p + 1 < _s.Length) _p++;
                sb.Append(_s[_p++]);
            }
            if (AtEnd) throw Error(_line, "unterminated string");
            _p++;
            SkipSpace();
            return sb.ToString();
        }
    }
}
