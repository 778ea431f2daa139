// Deterministic native symbol names for IR functions (docs/abi.md): stable across processes and runs.
using System.Text;
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
        var sb = new StringBuilder("nj_", 3 + MaxReadableLength + 9);
        int n = 0;
        foreach (char c in irFunctionName)
        {
            if (n++ == MaxReadableLength) break;
            sb.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_');
        }
        // The hash keeps names distinct that sanitise or truncate to the same text (overloads).
        sb.Append('_').Append(InvariantText.Hex(Fnv1a(irFunctionName), 8));
        return sb.ToString();
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
