// The instantiations of generic [Njit] methods an assembly calls, recorded by the weaver for build-time compilation and quick lookups.
using System;
using System.Collections.Generic;
using System.Text;

namespace NumbaWeaver.IR;

/// <summary>
/// One instantiation (<c>Total&lt;T0&gt;(...)</c> with <c>f64</c>). When the weaver could close the IR over it, it also
/// records what the runtime would otherwise compute at the first call by parsing and closing the whole module: the
/// instance's name, flags and IR fingerprint, so a precompiled or cached generic entry is found without the IR.
/// </summary>
public sealed class GenericInstance(string function, IrType[] typeArguments)
{
    public string Function { get; } = function;

    public IrType[] TypeArguments { get; } = typeArguments;

    /// <summary>The closed function's name (<see cref="GenericInstantiation.InstanceName"/>), or null when not recorded.</summary>
    public string? InstanceName { get; init; }

    public FunctionFlags Flags { get; init; }

    /// <summary>The closed module's fingerprint of the instance (<see cref="IrIndex.Fingerprint"/>), or null when not recorded.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>
    /// The other assemblies' functions the instance's call closure calls (<see cref="ForeignCalls.CalledFrom"/>), as an
    /// index line lists them, so its cache key follows those assemblies without parsing IR (<see cref="AsIndexEntry"/>).
    /// </summary>
    public string[] ForeignCallees { get; init; } = [];

    /// <summary>The recorded instance as the index line of an ordinary entry (for <see cref="ForeignCalls.KeyFingerprint"/>).</summary>
    public IrIndexEntry AsIndexEntry() =>
        new(InstanceName ?? throw new InvalidOperationException($"the instance {Key} was not recorded"), Flags, Fingerprint!, ForeignCallees);

    /// <summary>The lookup key: the generic function and its type arguments.</summary>
    public string Key => KeyOf(Function, TypeArguments);

    public static string KeyOf(string function, IrType[] typeArguments)
    {
        // Concatenated, not a StringBuilder: Find builds this key on a generic kernel's first call.
        string key = function + "\t";
        for (int i = 0; i < typeArguments.Length; i++) key += (i == 0 ? "" : ",") + typeArguments[i].ToString();
        return key;
    }

    public override string ToString() =>
        Fingerprint is null ? Key : Key + "\t" + InstanceName + "\t" + InvariantText.Decimal((int)Flags) + "\t" + Fingerprint + IrIndexEntry.CalleeTail(ForeignCallees);
}

/// <summary>
/// The resource's format: one instance per line, <c>function TAB type,type[ TAB instance TAB flags TAB fingerprint[ TAB
/// callee]*]</c>, the callees being the other assemblies' functions the instance calls, as in an index line.
/// </summary>
public static class GenericInstances
{
    public const string ResourceName = "NumbaWeaver.IR.instances";

    public static string Print(IEnumerable<GenericInstance> instances)
    {
        var text = new StringBuilder();
        foreach (var instance in instances) text.Append(instance).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The instance of <paramref name="function"/> with <paramref name="typeArguments"/> among <paramref name="text"/>'s
    /// lines, or null. Only that line is parsed: this runs on a generic kernel's first call (docs/cache.md).
    /// </summary>
    public static GenericInstance? Find(string text, string function, IrType[] typeArguments) =>
        FindLine(text, GenericInstance.KeyOf(function, typeArguments)) is { } line
            ? new GenericInstance(function, typeArguments)
            {
                InstanceName = line.Name, Flags = line.Flags, Fingerprint = line.Fingerprint, ForeignCallees = line.ForeignCallees,
            }
            : null;

    /// <summary>
    /// The line of instance <paramref name="key"/> (<see cref="GenericInstance.KeyOf"/>, or the same text from the type
    /// arguments' IR names) as an index line: the instance's name, flags, fingerprint and the other assemblies' callees.
    /// Apart from <see cref="Find"/> so the native hit path finds an instance without IrType.
    /// </summary>
    public static IrIndexEntry? FindLine(string text, string key)
    {
        if (text.Length == 0) return null;
        string prefix = key + "\t";
        int at = 0;
        while (at < text.Length)
        {
            int end = InvariantText.IndexOf(text, '\n', at);
            if (end < 0) end = text.Length;
            if (InvariantText.HasAt(text, at, prefix) && end - at > prefix.Length)
            {
                string[] rest = InvariantText.Split(text.Substring(at + prefix.Length, end - at - prefix.Length), '\t');
                if (rest.Length < 3 || !InvariantText.TryParseInt32(rest[1], out int flags))
                    // The function's name, as before the key was passed in (the key is "function<tab>type arguments").
                    throw new FormatException("bad generic instance line for " + key.Substring(0, InvariantText.IndexOf(key, '\t') is var tab and >= 0 ? tab : key.Length));
                return new IrIndexEntry(rest[0], (FunctionFlags)flags, rest[2], From(rest, 3));
            }
            at = end + 1;
        }
        return null;
    }

    // fields[start..] by Array.Copy: a range expression instantiates a generic helper, which Find's first call would pay for.
    private static string[] From(string[] fields, int start)
    {
        if (fields.Length <= start) return Array.Empty<string>();
        var tail = new string[fields.Length - start];
        Array.Copy(fields, start, tail, 0, tail.Length);
        return tail;
    }

    /// <summary>Parses the resource (by hand: it is read on a generic kernel's first call, see docs/cache.md).</summary>
    public static List<GenericInstance> Parse(string text)
    {
        var instances = new List<GenericInstance>();
        foreach (string line in InvariantText.Split(text, '\n'))
        {
            if (line.Length == 0) continue;
            string[] fields = InvariantText.Split(line, '\t');
            if ((fields.Length != 2 && fields.Length < 5) || fields[0].Length == 0) throw new FormatException($"bad generic instance line '{line}'");
            string[] names = InvariantText.Split(fields[1], ',');
            var arguments = new IrType[names.Length];
            for (int i = 0; i < names.Length; i++) arguments[i] = IrType.Parse(names[i]);
            if (fields.Length == 2)
            {
                instances.Add(new GenericInstance(fields[0], arguments));
                continue;
            }
            if (!InvariantText.TryParseInt32(fields[3], out int flags)) throw new FormatException($"bad flags in generic instance line '{line}'");
            instances.Add(new GenericInstance(fields[0], arguments)
            {
                InstanceName = fields[2], Flags = (FunctionFlags)flags, Fingerprint = fields[4], ForeignCallees = From(fields, 5),
            });
        }
        return instances;
    }

    /// <summary>The instance <paramref name="generic"/> closed over <paramref name="typeArguments"/> with its name, flags and
    /// fingerprint, or without them when the IR cannot be closed (the runtime then reports why at the first call).</summary>
    public static GenericInstance Describe(IrModule module, string generic, IrType[] typeArguments)
    {
        try
        {
            var closed = GenericInstantiation.Close(module, generic, typeArguments, out string name);
            var root = closed.Find(name)!;
            return new GenericInstance(generic, typeArguments)
            {
                InstanceName = name,
                Flags = root.Flags,
                Fingerprint = IrIndex.Fingerprint(closed, root),
                ForeignCallees = root.Has(FunctionFlags.CallsOtherAssemblies) ? ForeignCalls.CalledFrom(closed, root) : [],
            };
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return new GenericInstance(generic, typeArguments);
        }
    }
}
