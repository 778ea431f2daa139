// Deterministic native symbol names for IR functions (docs/abi.md): stable across processes and runs.
using System;
using NumbaWeaver.IR;

namespace NumbaWeaver.Backend;

/// <summary>
/// Maps an IR function name (<c>N.T::M(f64[])</c>) to a valid C symbol. The stub, the JIT lookup and
/// the disk cache all derive the symbol from the name, so it must not depend on the process:
/// FNV-1a of the UTF-8 bytes rather than <see cref="string.GetHashCode()"/> (randomised per process).
/// </summary>
public static class NativeSymbols
{
    private const int MaxReadableLength = 60;

    public static string For(string irFunctionName)
    {
        // A char array, not a StringBuilder: this runs on every first call, and StringBuilder's first use costs one.
        int readable = Math.Min(irFunctionName.Length, MaxReadableLength);
        string hash = InvariantText.Hex(Fnv1a(irFunctionName), 8);
        var name = new char[3 + readable + 1 + hash.Length];
        name[0] = 'n';
        name[1] = 'j';
        name[2] = '_';
        for (int i = 0; i < readable; i++)
        {
            char c = irFunctionName[i];
            name[3 + i] = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_';
        }
        // The hash keeps names distinct that sanitise or truncate to the same text (overloads).
        name[3 + readable] = '_';
        for (int i = 0; i < hash.Length; i++) name[4 + readable + i] = hash[i];
        return new string(name);
    }

    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in InvariantText.ToUtf8(text))
        {
            hash ^= b;
            hash *= 16777619;
        }
        return hash;
    }
}
