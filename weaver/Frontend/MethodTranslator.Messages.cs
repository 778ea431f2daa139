// The values a throw statement's message is built from at weave time: literal text, number holes, handlers, exceptions.
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Frontend;

internal sealed partial class MethodTranslator
{
    /// <summary>A number that goes into a message: kept in a hidden IR local until the throw.</summary>
    private sealed class MessageHole
    {
        public MessageHole(int local, IrType type, string? format, int? alignment)
        {
            Local = local;
            Type = type;
            Format = format;
            Alignment = alignment;
        }

        public int Local { get; }
        public IrType Type { get; }
        public string? Format { get; }
        public int? Alignment { get; }
    }

    /// <summary>A string being built at weave time: literal text and holes, in order.</summary>
    private sealed class MessageText
    {
        public List<object> Parts { get; } = new();

        public bool IsLiteral => Parts.All(p => p is string);

        public string Literal => string.Concat(Parts.OfType<string>());

        public MessageText Append(MessageText other)
        {
            Parts.AddRange(other.Parts);
            return this;
        }

        public static MessageText Of(object part)
        {
            var m = new MessageText();
            m.Parts.Add(part);
            return m;
        }
    }

    /// <summary>The address of a DefaultInterpolatedStringHandler local.</summary>
    private sealed class HandlerAddress
    {
        public HandlerAddress(int local) => Local = local;
        public int Local { get; }
    }

    /// <summary>A boxed number (for string.Format).</summary>
    private sealed class BoxedHole
    {
        public BoxedHole(MessageHole hole) => Hole = hole;
        public MessageHole Hole { get; }
    }

    /// <summary>A constructed exception, ready to be thrown.</summary>
    private sealed class ExceptionValue
    {
        public ExceptionValue(string type, List<MessageText> arguments)
        {
            Type = type;
            Arguments = arguments;
        }

        public string Type { get; }
        public List<MessageText> Arguments { get; }
    }

    /// <summary>Turns a string.Format template into a message: <c>{k[,align][:format]}</c> become holes, braces unescape.</summary>
    private static MessageText? ParseComposite(string format, MessageHole[] holes)
    {
        var text = new MessageText();
        var literal = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}') { literal.Append('}'); i++; continue; }
                return null;
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            if (i + 1 < format.Length && format[i + 1] == '{') { literal.Append('{'); i++; continue; }
            int close = format.IndexOf('}', i);
            if (close < 0) return null;
            string item = format.Substring(i + 1, close - i - 1);
            int colon = item.IndexOf(':');
            string? itemFormat = colon >= 0 ? item.Substring(colon + 1) : null;
            string head = colon >= 0 ? item.Substring(0, colon) : item;
            int comma = head.IndexOf(',');
            int? alignment = null;
            if (comma >= 0)
            {
                if (!int.TryParse(head.Substring(comma + 1).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int a)) return null;
                alignment = a;
                head = head.Substring(0, comma);
            }
            if (!int.TryParse(head.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k >= holes.Length) return null;
            if (itemFormat != null && itemFormat.Contains('{')) return null;
            if (literal.Length > 0) text.Parts.Add(literal.ToString());
            literal.Clear();
            text.Parts.Add(new MessageHole(holes[k].Local, holes[k].Type, itemFormat, alignment));
            i = close;
        }
        if (literal.Length > 0) text.Parts.Add(literal.ToString());
        return text;
    }
}
