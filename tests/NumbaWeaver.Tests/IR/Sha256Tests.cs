// Our managed SHA-256 (used for cache keys and entry checksums) against the platform's implementation.
using System;
using System.Security.Cryptography;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.IR;

public class Sha256Tests
{
    [Fact]
    public void KnownAnswerForAbc() =>
        Sha256.HexOf("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    [Theory]
    [InlineData(0)] [InlineData(1)] [InlineData(55)] [InlineData(56)] [InlineData(63)] [InlineData(64)]
    [InlineData(65)] [InlineData(119)] [InlineData(120)] [InlineData(1000)] [InlineData(70_001)]
    public void MatchesThePlatformForEveryPaddingCase(int length)
    {
        var data = new byte[length + 7];
        new Random(length).NextBytes(data);
        Sha256.Hash(data, 3, length).ShouldBe(SHA256.HashData(data.AsSpan(3, length)));
    }

    [Fact]
    public void RejectsARangeOutsideTheArray() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Sha256.Hash(new byte[4], 2, 3));

    [Fact]
    public void HexRoundTripsAndRejectsNonHex()
    {
        var bytes = new byte[] { 0x00, 0x7f, 0x80, 0xff, 0x3c };
        Sha256.FromHex(Sha256.ToHex(bytes)).ShouldBe(bytes);
        Sha256.FromHex("ABcd").ShouldBe(new byte[] { 0xab, 0xcd });
        Should.Throw<FormatException>(() => Sha256.FromHex("abc"));
        Should.Throw<FormatException>(() => Sha256.FromHex("zz"));
    }
}
