// The culture-free number and text conversions of the first-call path agree with .NET's own, edge values included.
using System;
using System.Globalization;
using System.Text;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.IR;

public class InvariantTextTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("42")]
    [InlineData("-42")]
    [InlineData("+7")]
    [InlineData(" 15 ")]
    [InlineData("2147483647")]
    [InlineData("-2147483648")]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1a")]
    [InlineData("0x10")]
    public void TryParseInt32_agrees_with_int_TryParse(string text)
    {
        bool expected = int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out int expectedValue);
        InvariantText.TryParseInt32(text, out int value).ShouldBe(expected);
        if (expected) value.ShouldBe(expectedValue);
    }

    [Fact]
    public void TryParseInt32_reads_a_slice_and_refuses_null()
    {
        InvariantText.TryParseInt32("ab 123 cd", 3, 3, out int value).ShouldBeTrue();
        value.ShouldBe(123);
        InvariantText.TryParseInt32(null, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("123456789012345")]
    public void ParseInt64_agrees_with_long_Parse(string text) =>
        InvariantText.ParseInt64(text).ShouldBe(long.Parse(text, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("184467440737095516160")]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("12x")]
    public void ParseInt64_rejects_what_long_Parse_rejects(string text) =>
        Should.Throw<FormatException>(() => InvariantText.ParseInt64(text));

    [Theory]
    [InlineData("0")]
    [InlineData("FFFFFFFFFFFFFFFF")]
    [InlineData("7ff8000000000000")]
    [InlineData("8000000000000000")]
    [InlineData("3FF0000000000000")]
    public void ParseHex64_agrees_with_long_Parse_hex(string text) =>
        InvariantText.ParseHex64(text).ShouldBe(long.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("")]
    [InlineData("10000000000000000")]
    [InlineData("0x1")]
    [InlineData("g")]
    public void ParseHex64_rejects_bad_text(string text) => Should.Throw<FormatException>(() => InvariantText.ParseHex64(text));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-7)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Decimal_agrees_with_ToString(int value) => InvariantText.Decimal(value).ShouldBe(value.ToString(CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(0UL, 8)]
    [InlineData(0xDEADBEEFUL, 8)]
    [InlineData(0x123456789ABCDEF0UL, 16)]
    [InlineData(0x1FFUL, 2)]
    public void Hex_writes_the_low_digits(ulong value, int digits) =>
        InvariantText.Hex(value, digits).ShouldBe(value.ToString("x16", CultureInfo.InvariantCulture)[(16 - digits)..]);

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("Grüße, 数値, 🚀")]
    [InlineData("")]
    public void Utf8_round_trips_like_Encoding_UTF8(string text)
    {
        InvariantText.ToUtf8(text).ShouldBe(Encoding.UTF8.GetBytes(text));
        InvariantText.FromUtf8(Encoding.UTF8.GetBytes(text)).ShouldBe(text);
        byte[] withMark = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];
        InvariantText.FromUtf8(withMark).ShouldBe(text);
        InvariantText.FromUtf8(withMark, 3, withMark.Length - 3).ShouldBe(text);
    }

    [Theory]
    [InlineData("Cached, Version=0.1.0.0, Culture=neutral", ", Version=", 0)]
    [InlineData("abcabc", "bc", 2)]
    [InlineData("abc", "abcd", 0)]
    [InlineData("abc", "", 1)]
    [InlineData("", "x", 0)]
    public void IndexOf_agrees_with_ordinal_IndexOf(string text, string value, int start) =>
        InvariantText.IndexOf(text, value, start).ShouldBe(text.IndexOf(value, start, StringComparison.Ordinal));

    [Fact]
    public void Char_searches_and_byte_comparison()
    {
        InvariantText.IndexOf("a,b,c", ',', 2).ShouldBe(3);
        InvariantText.IndexOf("abc", ',').ShouldBe(-1);
        InvariantText.LastIndexOfAny("/a/b\\c", '/', '\\').ShouldBe(4);
        InvariantText.LastIndexOfAny("abc", '/', '/').ShouldBe(-1);
        byte[] a = [1, 2, 3, 4], b = [9, 2, 3, 9];
        InvariantText.SameBytes(a, 1, b, 1, 2).ShouldBeTrue();
        InvariantText.SameBytes(a, 0, b, 0, 2).ShouldBeFalse();
        InvariantText.SameBytes(a, 3, b, 0, 2).ShouldBeFalse(); // past the end: false, not an exception
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData(",")]
    [InlineData("a,b,,c")]
    [InlineData(",a,")]
    [InlineData("line1\nline2\n")]
    public void Split_agrees_with_string_Split(string text)
    {
        InvariantText.Split(text, ',').ShouldBe(text.Split(','));
        InvariantText.Split(text, '\n').ShouldBe(text.Split('\n'));
    }

    [Theory]
    [InlineData("func f", 0, "func")]
    [InlineData("a->b", 1, "->")]
    [InlineData("a->b", 2, "->")]
    [InlineData("ab", 1, "bc")]
    [InlineData("ab", 3, "")]
    [InlineData("ab", -1, "a")]
    public void HasAt_agrees_with_ordinal_comparison(string text, int start, string prefix)
    {
        bool expected = start >= 0 && start <= text.Length - prefix.Length
            && string.CompareOrdinal(text, start, prefix, 0, prefix.Length) == 0;
        InvariantText.HasAt(text, start, prefix).ShouldBe(expected);
        if (start == 0) InvariantText.StartsWith(text, prefix).ShouldBe(text.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void EndsWith_a_character()
    {
        InvariantText.EndsWith("i32[]", ']').ShouldBeTrue();
        InvariantText.EndsWith("i32", ']').ShouldBeFalse();
        InvariantText.EndsWith("", ']').ShouldBeFalse();
    }
}
