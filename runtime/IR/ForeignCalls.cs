// Calls into [Njit] methods of other assemblies: named [Assembly]Function in IR, linked from that assembly's IR when compiled.
using System;
using System.Collections.Generic;

namespace NumbaWeaver.IR;

/// <summary>
/// An [Njit] method may call an [Njit] method of another woven assembly. The weaver cannot copy the callee's IR
/// (that assembly can be rebuilt or replaced without rebuilding the caller's), so the call names it
/// <c>[Library]Ns.Type::Method(f64[])</c> and the caller's function carries
/// <see cref="FunctionFlags.CallsOtherAssemblies"/> (every entry whose call closure reaches such a call does too).
/// When such an entry is compiled, or its cache key computed, <see cref="Link"/> builds its call closure with the
/// callee's IR as that assembly carries it now, renamed into the same <c>[Library]</c> namespace, so the key covers
/// the other assembly's code and a changed library recompiles its callers (docs/cache.md).
/// </summary>
public static class ForeignCalls
{
    /// <summary>The IR name of <paramref name="function"/> of assembly <paramref name="assembly"/> (its simple name).</summary>
    public static string Qualify(string assembly, string function) => "[" + assembly + "]" + function;

    /// <summary>Splits a name written by <see cref="Qualify"/>; false for a name of the module itself.</summary>
    public static bool TrySplit(string name, out string assembly, out string function)
    {
        assembly = function = "";
        if (name.Length < 3 || name[0] != '[') return false;
        int close = InvariantText.IndexOf(name, ']', 1);
        if (close < 2 || close == name.Length - 1) return false;
        assembly = name.Substring(1, close - 1);
        function = name.Substring(close + 1);
        return true;
    }

    /// <summary>
    /// The call closure of <paramref name="rootName"/> in <paramref name="module"/> as a module of its own, with every
    /// function of another assembly it reaches (transitively, through that assembly's own calls) copied in under its
    /// qualified name. <paramref name="moduleOf"/> gives an assembly's IR by simple name, or null when it has none.
    /// </summary>
    public static IrModule Link(IrModule module, string rootName, Func<string, IrModule?> moduleOf)
    {
        var root = module.Find(rootName) ?? throw new InvalidOperationException($"no IR function '{rootName}'");
        var linked = new IrModule();
        var modules = new Dictionary<string, IrModule>(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        // Functions still to scan, with the assembly whose module their unqualified names refer to ("" for the caller's).
        var pending = new List<(IrFunction Function, string Assembly)>();

        void Add(IrFunction function, string assembly)
        {
            if (added.Add(function.Name)) pending.Add((function, assembly));
        }

        IrModule ModuleOf(string assembly)
        {
            if (assembly.Length == 0) return module;
            if (!modules.TryGetValue(assembly, out var found))
                modules.Add(assembly, found = moduleOf(assembly)
                    ?? throw new InvalidOperationException($"the assembly {assembly} carries no NumbaWeaver IR (was it built with the NumbaWeaver package?)"));
            return found;
        }

        // A callee named in a function of assembly `from` ("" for the caller's): the function to add, under its
        // linked name, and the assembly its own unqualified names refer to. Null for an optional name that is absent.
        var copies = new Dictionary<string, IrFunction>(StringComparer.Ordinal);
        IrFunction? Resolve(string name, string from, bool required, out string owner)
        {
            string local = name;
            owner = from;
            if (TrySplit(name, out string named, out string inNamed))
            {
                owner = named;
                local = inNamed;
            }
            var home = ModuleOf(owner);
            var found = home.Find(local);
            if (found is null)
            {
                if (required && owner.Length > 0)
                    throw new InvalidOperationException($"the assembly {owner} has no [Njit] function {local}: it changed since its caller was built; rebuild the caller");
                return null;
            }
            if (owner.Length == 0) return found;
            string qualified = Qualify(owner, local);
            if (!copies.TryGetValue(qualified, out var copy)) copies.Add(qualified, copy = Renamed(found, owner, home));
            return copy;
        }

        Add(root, "");
        for (int next = 0; next < pending.Count; next++)
        {
            var (function, assembly) = pending[next];
            linked.Add(function);
            foreach (var ins in function.Body)
            {
                if (!IsCall(ins)) continue;
                if (Resolve(ins.Name!, assembly, required: true, out string owner) is { } callee) Add(callee, owner);
                if (ins.Op == Opcode.ParallelFor && Resolve(ParallelLoops.CombineName(ins.Name!), assembly, required: false, out owner) is { } combine)
                    Add(combine, owner);
            }
        }
        return linked;
    }

    /// <summary>The qualified names of the other assemblies' functions that <paramref name="root"/>'s call closure calls, sorted.</summary>
    public static string[] CalledFrom(IrModule module, IrFunction root)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var function in module.CallClosure(root))
            foreach (var ins in function.Body)
                if (IsCall(ins) && TrySplit(ins.Name!, out _, out _)) names.Add(ins.Name!);
        var sorted = new string[names.Count];
        names.CopyTo(sorted);
        return sorted;
    }

    /// <summary>
    /// The IR fingerprint a cache key uses for <paramref name="entry"/>, an entry that calls other assemblies: its own
    /// (build-time) fingerprint with, for each of its <see cref="IrIndexEntry.ForeignCallees"/>, that function's
    /// fingerprint in the index of its assembly as loaded now (itself so combined when it calls further assemblies).
    /// An index line covers its entry's whole closure in its assembly, private helpers included, so this changes
    /// whenever the linked code would, and it reads indexes only: a cached or precompiled first call parses no IR.
    /// <paramref name="entryOf"/> gives an assembly's index line for a function (assembly simple name, function name).
    /// </summary>
    public static string KeyFingerprint(IrIndexEntry entry, Func<string, string, IrIndexEntry?> entryOf)
    {
        string text = entry.Fingerprint;
        foreach (string callee in entry.ForeignCallees)
        {
            if (!TrySplit(callee, out string assembly, out string function))
                throw new InvalidOperationException($"'{callee}' is not a qualified name");
            var other = entryOf(assembly, function)
                ?? throw new InvalidOperationException($"the assembly {assembly} has no [Njit] function {function}: it changed since its caller was built; rebuild the caller");
            string fingerprint = (other.Flags & FunctionFlags.CallsOtherAssemblies) != 0 ? KeyFingerprint(other, entryOf) : other.Fingerprint;
            text += "\n" + callee + " " + fingerprint;
        }
        return Sha256.HexOf(text);
    }

    private static bool IsCall(Instruction ins) => ins.Name is not null && ins.Op is Opcode.Call or Opcode.NewStruct or Opcode.ParallelFor;

    /// <summary>A copy of <paramref name="function"/> of <paramref name="assembly"/> under its qualified name, its calls of
    /// that assembly's functions qualified the same way (calls already qualified, into a third assembly, stay).</summary>
    private static IrFunction Renamed(IrFunction function, string assembly, IrModule home)
    {
        var copy = new IrFunction(Qualify(assembly, function.Name), function.ReturnType)
        {
            Flags = function.Flags & ~FunctionFlags.Entry,
            TypeParameterCount = function.TypeParameterCount,
            SourceFile = function.SourceFile,
        };
        copy.Parameters.AddRange(function.Parameters);
        copy.Locals.AddRange(function.Locals);
        foreach (var from in function.Body)
        {
            var ins = from.Copy();
            bool callsHome = IsCall(ins) && !TrySplit(ins.Name!, out _, out _) && home.Find(ins.Name!) is not null;
            if (callsHome) ins.Name = Qualify(assembly, ins.Name!);
            copy.Body.Add(ins);
        }
        return copy;
    }
}
