// What a `throw` in compiled code raises: exception type, the types of the recorded values and the message templates.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NumbaWeaver.IR;

/// <summary>
/// Operand of <see cref="Opcode.Throw"/> (its Name), also the constant string native code hands to
/// the runtime when it raises (docs/abi.md). The exception is built in managed code, so its type
/// and message are exactly what the original C# would produce: each constructor argument is a
/// composite format template (as for <c>string.Format</c>) whose holes <c>{k}</c> refer to the
/// recorded values, formatted with the current culture as interpolated strings are.
/// </summary>
/// <remarks>
/// Encoded on one printable line: <c>type|hole types|template0|template1...</c>; '%', '|' and
/// characters outside printable ASCII are escaped as <c>%XX</c> / <c>%uXXXX</c>.
/// </remarks>
public sealed class ThrowDescriptor
{
    public ThrowDescriptor(string exceptionType, IReadOnlyList<IrType> holeTypes, IReadOnlyList<string> arguments)
    {
        ExceptionType = exceptionType;
        HoleTypes = holeTypes;
        Arguments = arguments;
    }

    /// <summary>Full name of the exception type in the core library, e.g. <c>System.ArgumentException</c>.</summary>
    public string ExceptionType { get; }

    /// <summary>Scalar types of the recorded values (bool, char and unsigned types keep their identity for formatting).</summary>
    public IReadOnlyList<IrType> HoleTypes { get; }

    /// <summary>The string arguments of the exception's constructor, as composite format templates.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public string Encode()
    {
        var parts = new List<string> { ExceptionType, string.Join(",", HoleTypes.Select(t => t.ToString())) };
        parts.AddRange(Arguments);
        return string.Join("|", parts.Select(Escape));
    }

    public static ThrowDescriptor Decode(string text)
    {
        // InvariantText.Split and loops: decoded while lowering, where string.Split's first use costs milliseconds.
        var parts = InvariantText.Split(text, '|');
        for (int i = 0; i < parts.Length; i++) parts[i] = Unescape(parts[i]);
        if (parts.Length < 2 || parts[0].Length == 0) throw new FormatException($"bad throw descriptor '{text}'");
        var holes = Array.Empty<IrType>();
        if (parts[1].Length > 0)
        {
            var names = InvariantText.Split(parts[1], ',');
            holes = new IrType[names.Length];
            for (int i = 0; i < names.Length; i++) holes[i] = IrType.Parse(names[i]);
        }
        foreach (var h in holes)
            if (!h.IsScalar) throw new FormatException($"throw descriptor value of type {h} is not a scalar");
        return new ThrowDescriptor(parts[0], holes, parts.Skip(2).ToArray());
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (c == '%' || c == '|' || c < ' ' || c == 0x7F) sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else if (c > 0x7F) sb.Append("%u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '%')
            {
                sb.Append(s[i]);
                continue;
            }
            bool wide = i + 1 < s.Length && s[i + 1] == 'u';
            int start = i + (wide ? 2 : 1), digits = wide ? 4 : 2;
            if (start + digits > s.Length) throw new FormatException($"bad escape in throw descriptor '{s}'");
            sb.Append((char)int.Parse(s.Substring(start, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            i = start + digits - 1;
        }
        return sb.ToString();
    }
}
