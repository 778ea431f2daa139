// Culture-free number parsing and hex formatting for the first-call path: touching CultureInfo (even InvariantCulture) loads ICU, ~5 ms.
namespace NumbaWeaver.IR;

/// <summary>
/// The few number conversions the dispatcher needs before any method is compiled (switches, the IR
/// index, native symbol names). .NET's own parsing and formatting go through <c>CultureInfo</c>, whose
/// static constructor initialises globalization and loads libicu even for the invariant culture; a
/// cached or precompiled first call must not pay for that.
/// </summary>
internal static class InvariantText
{
    /// <summary>Parses an optionally signed decimal integer (ASCII digits, surrounding spaces allowed); false on anything else, null, or overflow.</summary>
    public static bool TryParseInt32(string? text, out int value) => TryParseInt32(text, 0, text?.Length ?? 0, out value);

    /// <summary>As <see cref="TryParseInt32(string?, out int)"/>, on <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>.</summary>
    public static bool TryParseInt32(string? text, int start, int length, out int value)
    {
        value = 0;
        if (text is null) return false;
        int end = start + length;
        while (start < end && text[start] == ' ') start++;
        while (end > start && text[end - 1] == ' ') end--;
        bool negative = false;
        if (start < end && (text[start] == '-' || text[start] == '+'))
        {
            negative = text[start] == '-';
            start++;
        }
        if (start == end) return false;
        long magnitude = 0;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9') return false;
            magnitude = magnitude * 10 + (c - '0');
            if (magnitude > (long)int.MaxValue + 1) return false;
        }
        long signed = negative ? -magnitude : magnitude;
        if (signed > int.MaxValue) return false;
        value = (int)signed;
        return true;
    }

    /// <summary>A decimal <see cref="int"/>; <see cref="System.FormatException"/> when the text is not one.</summary>
    public static int ParseInt32(string text) =>
        TryParseInt32(text, out int value) ? value : throw new System.FormatException($"'{text}' is not a 32-bit integer");

    /// <summary>An optionally signed decimal <see cref="long"/> (the whole text); <see cref="System.FormatException"/> otherwise.</summary>
    public static long ParseInt64(string text)
    {
        int at = 0;
        bool negative = text.Length > 0 && text[0] == '-';
        if (negative || (text.Length > 0 && text[0] == '+')) at = 1;
        if (at == text.Length) throw new System.FormatException($"'{text}' is not a 64-bit integer");
        ulong magnitude = 0;
        for (; at < text.Length; at++)
        {
            char c = text[at];
            if (c < '0' || c > '9' || magnitude > (ulong.MaxValue - 9) / 10) throw new System.FormatException($"'{text}' is not a 64-bit integer");
            magnitude = magnitude * 10 + (ulong)(c - '0');
        }
        if (negative ? magnitude > (ulong)long.MaxValue + 1 : magnitude > long.MaxValue)
            throw new System.FormatException($"'{text}' is not a 64-bit integer");
        return negative ? (long)(0 - magnitude) : (long)magnitude;
    }

    /// <summary>Up to 16 hex digits (either case) as the bits of a <see cref="long"/>; <see cref="System.FormatException"/> otherwise.</summary>
    public static long ParseHex64(string text)
    {
        if (text.Length == 0 || text.Length > 16) throw new System.FormatException($"'{text}' is not 1 to 16 hex digits");
        ulong bits = 0;
        foreach (char c in text)
        {
            int digit = HexDigit(c);
            if (digit < 0) throw new System.FormatException($"'{text}' is not 1 to 16 hex digits");
            bits = bits << 4 | (uint)digit;
        }
        return unchecked((long)bits);
    }

    /// <summary>The value of a hex digit (either case), or -1.</summary>
    public static int HexDigit(char c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    // Searches by hand: string.IndexOf, LastIndexOf and span SequenceEqual run the framework's vectorised helpers,
    // whose first use in a process loads the Vector128/256/512 types of their element type (up to 1.4 ms measured).

    /// <summary>The first index of <paramref name="value"/> in <paramref name="text"/> at or after <paramref name="start"/> (ordinal), or -1.</summary>
    public static int IndexOf(string text, string value, int start = 0)
    {
        for (int i = start; i <= text.Length - value.Length; i++)
        {
            int k = 0;
            while (k < value.Length && text[i + k] == value[k]) k++;
            if (k == value.Length) return i;
        }
        return -1;
    }

    /// <summary>The first index of <paramref name="c"/> at or after <paramref name="start"/>, or -1.</summary>
    public static int IndexOf(string text, char c, int start = 0) => IndexOf(text, c, start, text.Length);

    /// <summary>The first index of <paramref name="c"/> in [<paramref name="start"/>, <paramref name="end"/>), or -1.</summary>
    public static int IndexOf(string text, char c, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (text[i] == c) return i;
        return -1;
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="prefix"/> at <paramref name="start"/> (ordinal).</summary>
    public static bool HasAt(string text, int start, string prefix)
    {
        if (start < 0 || start > text.Length - prefix.Length) return false;
        for (int k = 0; k < prefix.Length; k++)
            if (text[start + k] != prefix[k]) return false;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> starts with <paramref name="prefix"/> (ordinal).</summary>
    public static bool StartsWith(string text, string prefix) => HasAt(text, 0, prefix);

    /// <summary>Whether the last character of <paramref name="text"/> is <paramref name="c"/>.</summary>
    public static bool EndsWith(string text, char c) => text.Length > 0 && text[text.Length - 1] == c;

    /// <summary>The pieces of <paramref name="text"/> between occurrences of <paramref name="separator"/> (as string.Split does, empty pieces kept).</summary>
    public static string[] Split(string text, char separator)
    {
        int count = 1;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == separator) count++;
        var pieces = new string[count];
        int start = 0, piece = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != separator) continue;
            pieces[piece++] = text.Substring(start, i - start);
            start = i + 1;
        }
        return pieces;
    }

    /// <summary>The last index of <paramref name="c"/>, or -1.</summary>
    public static int LastIndexOf(string text, char c) => LastIndexOfAny(text, c, c);

    /// <summary>The last index of <paramref name="c"/> or of <paramref name="other"/>, or -1.</summary>
    public static int LastIndexOfAny(string text, char c, char other)
    {
        for (int i = text.Length - 1; i >= 0; i--)
            if (text[i] == c || text[i] == other) return i;
        return -1;
    }

    /// <summary>Whether <paramref name="count"/> bytes of <paramref name="a"/> from <paramref name="aStart"/> equal those of <paramref name="b"/> from <paramref name="bStart"/>.</summary>
    public static bool SameBytes(byte[] a, int aStart, byte[] b, int bStart, int count)
    {
        if (aStart < 0 || bStart < 0 || count < 0 || aStart > a.Length - count || bStart > b.Length - count) return false;
        for (int i = 0; i < count; i++)
            if (a[aStart + i] != b[bStart + i]) return false;
        return true;
    }

    /// <summary>Decodes UTF-8 text (a leading byte-order mark is skipped); ASCII, the usual case, without the framework's decoder.</summary>
    public static string FromUtf8(byte[] bytes)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return FromUtf8(bytes, start, bytes.Length - start);
    }

    /// <summary>Decodes <paramref name="count"/> bytes of UTF-8 from <paramref name="start"/>.</summary>
    public static string FromUtf8(byte[] bytes, int start, int count)
    {
        var chars = new char[count];
        for (int i = 0; i < count; i++)
        {
            byte b = bytes[start + i];
            if (b >= 0x80) return System.Text.Encoding.UTF8.GetString(bytes, start, count);
            chars[i] = (char)b;
        }
        return new string(chars);
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>; ASCII, the usual case, without the framework's encoder.</summary>
    public static byte[] ToUtf8(string text)
    {
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= 0x80) return System.Text.Encoding.UTF8.GetBytes(text);
            bytes[i] = (byte)c;
        }
        return bytes;
    }

    /// <summary>The bytes as lowercase hex digits, two per byte.</summary>
    public static string Hex(byte[] bytes)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[2 * i + 1] = digits[bytes[i] & 15];
        }
        return new string(chars);
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/> and a terminating zero, for C functions.</summary>
    public static byte[] ToCString(string text)
    {
        byte[] utf8 = ToUtf8(text);
        var terminated = new byte[utf8.Length + 1];
        System.Buffer.BlockCopy(utf8, 0, terminated, 0, utf8.Length);
        return terminated;
    }

    /// <summary>Writes <paramref name="value"/> as exactly <paramref name="digits"/> lowercase hex digits (the low ones).</summary>
    public static string Hex(ulong value, int digits)
    {
        var chars = new char[digits];
        for (int i = digits - 1; i >= 0; i--)
        {
            chars[i] = "0123456789abcdef"[(int)(value & 0xF)];
            value >>= 4;
        }
        return new string(chars);
    }

    /// <summary>A non-negative integer in decimal.</summary>
    public static string Decimal(int value)
    {
        if (value < 0) return "-" + Decimal(-(long)value);
        return Decimal((long)value);
    }

    private static string Decimal(long value)
    {
        var chars = new char[20];
        int at = chars.Length;
        do
        {
            chars[--at] = (char)('0' + (int)(value % 10));
            value /= 10;
        } while (value != 0);
        return new string(chars, at, chars.Length - at);
    }
}
