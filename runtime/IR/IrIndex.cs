// The small index the weaver embeds beside the IR: each entry's flags and IR fingerprint, for finding cached code without parsing.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NumbaWeaver.IR;

/// <summary>
/// One line per [Njit] entry (a generic one for other assemblies' callers, see <see cref="Build"/>): <c>fingerprint flags
/// name</c>, then, for an entry that calls other assemblies'
/// [Njit] methods, a tab before each of those (<see cref="ForeignCalls"/>). The fingerprint is the SHA-256 of the printed IR of the
/// entry and of every function it calls (sorted by name), which is what a cache key must cover; computing it at
/// build time lets a cached or precompiled entry be found at run time without parsing or printing the module.
/// The runtime computes the same fingerprint from the parsed module when an entry is missing from the index.
/// </summary>
public sealed class IrIndex
{
    /// <summary>Name of the manifest resource beside <see cref="IrModule.ResourceName"/>.</summary>
    public const string ResourceName = "NumbaWeaver.IR.index";

    private const string Header = "nwindex 1";

    /// <summary>
    /// The public type and static method through which a woven assembly returns its index text (the weaver's
    /// IndexAccessor): callers in other assemblies pass it to <c>Dispatcher.ResolveIndexedWithIndexes</c> (docs/abi.md).
    /// </summary>
    public const string AccessorType = "<NumbaWeaver>Index", AccessorMethod = "Text";

    private readonly Dictionary<string, IrIndexEntry> _entries = new Dictionary<string, IrIndexEntry>(StringComparer.Ordinal);

    public IEnumerable<IrIndexEntry> Entries => _entries.Values;

    public bool TryGet(string name, out IrIndexEntry entry) => _entries.TryGetValue(name, out entry!);

    /// <summary>The fingerprint of <paramref name="entry"/>: SHA-256 over its IR and its callees', sorted by name.</summary>
    public static string Fingerprint(IrModule module, IrFunction entry)
    {
        var text = new StringBuilder();
        // Sorted by name: the fingerprint must not depend on the order calls happen to be discovered in.
        foreach (var function in module.CallClosure(entry).OrderBy(f => f.Name, StringComparer.Ordinal))
            text.Append(IrPrinter.Print(function)).Append('\n');
        return Sha256.HexOf(text.ToString());
    }

    /// <summary>
    /// The index of every entry function of <paramref name="module"/>. A generic entry is listed with the fingerprint
    /// of its generic closure for other assemblies' callers, which instantiate it into their own code (docs/ir.md,
    /// "Calls into other assemblies"); its own stubs resolve it per instance (GenericInstances), whose fingerprint
    /// covers the instantiated IR.
    /// </summary>
    public static IrIndex Build(IrModule module)
    {
        var index = new IrIndex();
        foreach (var function in module.Functions)
        {
            if ((function.Flags & FunctionFlags.Entry) == 0) continue;
            var foreignCallees = function.Has(FunctionFlags.CallsOtherAssemblies) ? ForeignCalls.CalledFrom(module, function) : Array.Empty<string>();
            index._entries.Add(function.Name, new IrIndexEntry(function.Name, function.Flags, Fingerprint(module, function), foreignCallees));
        }
        return index;
    }

    public string Print()
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var e in _entries.Values)
        {
            text.Append(e.Fingerprint).Append(' ').Append(InvariantText.Decimal((int)e.Flags)).Append(' ').Append(e.Name)
                .Append(e.CalleeTail()).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Reads <see cref="Print"/>'s text; null when the text is not an index of this format.</summary>
    public static IrIndex? Parse(string text)
    {
        // Scanned by hand, not split: this runs on every process's first call (docs/cache.md, "Why the first call is fast").
        int at = 0;
        if (!HasHeader(text, ref at)) return null;
        var index = new IrIndex();
        while (NextLine(text, ref at, out int start, out int length))
        {
            if (length == 0) continue;
            if (!TrySplitLine(text, start, length, out int nameStart, out int flags)) return null;
            var entry = EntryAt(text, start, length, nameStart, flags);
            index._entries[entry.Name] = entry;
        }
        return index;
    }

    /// <summary>
    /// The line of <paramref name="name"/> in <see cref="Print"/>'s <paramref name="text"/>, parsed alone; null when it
    /// has none or is not an index of this format. A first call that needs one line of another assembly's index (a
    /// caller of that assembly, docs/ir.md) scans for it instead of building the whole table: no Dictionary of ours
    /// to construct, and one line's strings.
    /// </summary>
    public static IrIndexEntry? Find(string text, string name)
    {
        int at = 0;
        if (!HasHeader(text, ref at)) return null;
        while (NextLine(text, ref at, out int start, out int length))
        {
            if (length == 0) continue;
            if (!TrySplitLine(text, start, length, out int nameStart, out int flags)) return null;
            int end = start + length;
            int nameEnd = InvariantText.IndexOf(text, '\t', nameStart, end);
            if (nameEnd < 0) nameEnd = end;
            if (nameEnd - nameStart == name.Length && InvariantText.HasAt(text, nameStart, name))
                return EntryAt(text, start, length, nameStart, flags);
        }
        return null;
    }

    private static bool HasHeader(string text, ref int at)
    {
        if (!NextLine(text, ref at, out int start, out int length) || length != Header.Length) return false;
        for (int i = 0; i < length; i++)
            if (text[start + i] != Header[i]) return false;
        return true;
    }

    // A line is "fingerprint flags name[TAB callee]*": where the name starts, and the flags.
    private static bool TrySplitLine(string text, int start, int length, out int nameStart, out int flags)
    {
        flags = 0;
        int first = InvariantText.IndexOf(text, ' ', start, start + length);
        int second = first < 0 ? -1 : InvariantText.IndexOf(text, ' ', first + 1, start + length);
        nameStart = second + 1;
        return first - start == 64 && second >= 0 && InvariantText.TryParseInt32(text, first + 1, second - first - 1, out flags);
    }

    private static IrIndexEntry EntryAt(string text, int start, int length, int nameStart, int flags)
    {
        var foreignCallees = IrIndexEntry.SplitCallees(text.Substring(nameStart, start + length - nameStart), out string name);
        return new IrIndexEntry(name, (FunctionFlags)flags, text.Substring(start, 64), foreignCallees);
    }

    private static bool NextLine(string text, ref int at, out int start, out int length)
    {
        start = at;
        length = 0;
        if (at >= text.Length) return false;
        int end = InvariantText.IndexOf(text, '\n', at);
        if (end < 0) end = text.Length;
        length = end - start;
        at = end + 1;
        return true;
    }
}

/// <summary>One entry of an <see cref="IrIndex"/>.</summary>
public sealed class IrIndexEntry
{
    public IrIndexEntry(string name, FunctionFlags flags, string fingerprint, string[]? foreignCallees = null)
    {
        Name = name;
        Flags = flags;
        Fingerprint = fingerprint;
        ForeignCallees = foreignCallees ?? Array.Empty<string>();
    }

    /// <summary>
    /// The line a stub carries (docs/abi.md): the fingerprint, then for an entry that calls other assemblies a tab
    /// before each of those callees.
    /// </summary>
    public static IrIndexEntry FromStub(string name, FunctionFlags flags, string carried)
    {
        var foreignCallees = SplitCallees(carried, out string fingerprint);
        return new IrIndexEntry(name, flags, fingerprint, foreignCallees);
    }

    /// <summary>The argument the weaver writes into the entry's stub, which <see cref="FromStub"/> reads.</summary>
    public string StubArgument => Fingerprint + CalleeTail();

    /// <summary>What follows the name in an index line and the fingerprint in a stub: a tab before each foreign callee.</summary>
    public string CalleeTail() => CalleeTail(ForeignCallees);

    /// <summary>A tab before each of <paramref name="foreignCallees"/>: the tail of index lines, stub arguments and generic instance lines.</summary>
    public static string CalleeTail(string[] foreignCallees)
    {
        string tail = "";
        foreach (string callee in foreignCallees) tail += "\t" + callee;
        return tail;
    }

    /// <summary>
    /// Splits <paramref name="text"/> written as a head followed by <see cref="CalleeTail(string[])"/>. InvariantText, not
    /// string.IndexOf: stubs run this on their first call, where the framework's first search in a process costs about
    /// 2 ms (docs/cache.md).
    /// </summary>
    internal static string[] SplitCallees(string text, out string head)
    {
        int tab = InvariantText.IndexOf(text, '\t');
        head = tab < 0 ? text : text.Substring(0, tab);
        return tab < 0 ? Array.Empty<string>() : InvariantText.Split(text.Substring(tab + 1), '\t');
    }

    /// <summary>The other assemblies' functions the entry's call closure calls, qualified and sorted
    /// (<see cref="ForeignCalls.CalledFrom"/>); empty for an entry without <see cref="FunctionFlags.CallsOtherAssemblies"/>.</summary>
    public string[] ForeignCallees { get; }

    public string Name { get; }
    public FunctionFlags Flags { get; }

    /// <summary>64 lowercase hex digits (<see cref="IrIndex.Fingerprint"/>).</summary>
    public string Fingerprint { get; }
}
