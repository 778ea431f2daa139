// Other assemblies' index texts that stubs handed over, kept for every later key that needs them.
using System;
using System.Threading;

namespace NumbaWeaver.Entry;

/// <summary>
/// A stub calling other assemblies' [Njit] methods hands over their index texts from its helper (docs/abi.md). They are
/// kept here, in the entry assembly, because such a first call is often served natively without the runtime; the
/// runtime's keys for later entries (a generic instance calling the same library, say) read them from here instead of
/// loading the assemblies' index resources.
/// </summary>
internal static unsafe class ProvidedIndexes
{
    /// <summary>
    /// Calls a stub's helper (<c>string[] ()</c>: the other assemblies' simple names and index texts, docs/abi.md) and
    /// records what it returns; null when the call fails to bind (an assembly replaced by one without the accessor, or
    /// missing): then the runtime reads index resources as for stubs without the helper.
    /// </summary>
    public static string[]? FromHelper(nint helper)
    {
        string[] namesAndTexts;
        try
        {
            namesAndTexts = ((delegate*<string[]>)helper)();
        }
        catch (Exception e) when (e is TypeLoadException or MissingMemberException or System.IO.FileLoadException or System.IO.FileNotFoundException)
        {
            return null;
        }
        Provide(namesAndTexts);
        return namesAndTexts;
    }

    // [simple name, index text, ...]: copy-on-write, published with Volatile; a name is added once. Each text is what
    // that assembly as loaded returned, so it is its index.
    private static readonly object Gate = new();
    private static string[] provided = [];

    /// <summary>Records the index texts a stub passed, [simple name, text, ...].</summary>
    public static void Provide(string[] namesAndTexts)
    {
        for (int i = 0; i + 1 < namesAndTexts.Length; i += 2)
        {
            if (Find(namesAndTexts[i]) is not null) continue;
            lock (Gate)
            {
                if (Find(namesAndTexts[i]) is not null) continue;
                var grown = new string[provided.Length + 2];
                Array.Copy(provided, grown, provided.Length);
                grown[^2] = namesAndTexts[i];
                grown[^1] = namesAndTexts[i + 1];
                Volatile.Write(ref provided, grown);
            }
        }
    }

    /// <summary>Every text handed over so far, as the native library reads them (<see cref="NativeRequest.Joined"/>), or null.</summary>
    public static string? Joined() => Volatile.Read(ref provided) is { Length: > 0 } texts ? NativeRequest.Joined(texts) : null;

    /// <summary>The index text the assembly named <paramref name="simpleName"/> handed over, or null.</summary>
    public static string? Find(string simpleName)
    {
        var texts = Volatile.Read(ref provided);
        for (int i = 0; i + 1 < texts.Length; i += 2)
            if (string.Equals(texts[i], simpleName)) return texts[i + 1];
        return null;
    }
}
