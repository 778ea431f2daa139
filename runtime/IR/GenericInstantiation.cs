// Makes concrete functions out of generic ones: substitutes type arguments, expands generic math, names instances.
using System;
using System.Collections.Generic;
using System.Linq;

namespace NumbaWeaver.IR;

/// <summary>
/// Generic functions (<see cref="IrFunction.IsGeneric"/>) hold type parameters <c>T0</c>, <c>T1</c> and
/// <see cref="Opcode.GenericMath"/> instructions. A call to one names the generic function and carries its type
/// arguments in <see cref="Instruction.Type"/> (and <see cref="Instruction.Type2"/> for a second one).
/// <see cref="Close"/> builds, for one root and its type arguments, a module of concrete functions only: the root's
/// instance and, transitively, the instance of every function it calls, each call renamed to its callee's instance.
/// The runtime does this at the first call with new type arguments; the weaver does it to verify generic code.
/// </summary>
public static class GenericInstantiation
{
    /// <summary>The most type parameters a generic function may have (a call carries its arguments in Type and Type2).</summary>
    public const int MaxTypeParameters = 2;

    /// <summary>
    /// The module to compile <paramref name="rootName"/> instantiated with <paramref name="typeArguments"/> from:
    /// <paramref name="module"/> itself when nothing in the root's call closure is generic, else a new module.
    /// </summary>
    public static IrModule Close(IrModule module, string rootName, IReadOnlyList<IrType> typeArguments, out string instanceName)
    {
        var root = module.Find(rootName) ?? throw new InvalidOperationException($"no IR function '{rootName}'");
        int count = typeArguments.Count;
        if (root.TypeParameterCount != count)
            throw new ArgumentException($"{rootName} has {root.TypeParameterCount} type parameter(s), not {count}");
        for (int k = 0; k < count; k++) // (indexed: enumerating an array through the interface is built at run time)
            if (!GenericMath.IsInstantiable(typeArguments[k])) throw new NotSupportedException($"type argument {typeArguments[k]} of {rootName} is not a number type NumbaWeaver compiles");
        if (count == 0 && !NeedsInstantiation(module, root))
        {
            instanceName = rootName;
            return module;
        }

        var result = new IrModule();
        // A list of a class worked through by index, not a Queue of tuples: a queue of a value tuple has no
        // precompiled code and was jitted on every first compile.
        var pending = new List<PendingInstance>();
        var requested = new HashSet<string>(StringComparer.Ordinal);
        string Request(IrFunction function, IrType[] arguments)
        {
            string name = InstanceName(function, arguments);
            if (requested.Add(name)) pending.Add(new PendingInstance(function, arguments, name));
            return name;
        }
        instanceName = Request(root, typeArguments.ToArray());
        for (int next = 0; next < pending.Count; next++)
        {
            var instance = pending[next];
            result.Add(Instantiate(module, instance.Generic, instance.Arguments, instance.Name, Request));
        }
        return result;
    }

    private sealed record PendingInstance(IrFunction Generic, IrType[] Arguments, string Name);

    /// <summary>True when the function's call closure has a generic function or a GenericMath instruction.</summary>
    public static bool NeedsInstantiation(IrModule module, IrFunction root)
    {
        // Loops, not LINQ: this runs on a process's first compile, where System.Linq's first use costs a load.
        foreach (var f in module.CallClosure(root))
        {
            if (f.IsGeneric) return true;
            foreach (var i in f.Body)
                if (i.Op == Opcode.GenericMath) return true;
        }
        return false;
    }

    /// <summary>
    /// The instance's name: <c>N.K::Sum&lt;f64&gt;(rospan&lt;f64&gt;)</c> for the generic <c>N.K::Sum&lt;T0&gt;(rospan&lt;T0&gt;)</c>;
    /// a non-generic function keeps its name. Type arguments are thus part of every key derived from the name.
    /// </summary>
    public static string InstanceName(IrFunction generic, IReadOnlyList<IrType> arguments)
    {
        if (!generic.IsGeneric) return generic.Name;
        string parameters = "(" + string.Join(",", generic.Parameters.Select(p => p.Type)) + ")";
        string suffix = "<" + string.Join(",", Enumerable.Range(0, generic.TypeParameterCount).Select(IrType.TypeParameter)) + ">" + parameters;
        string instanceParameters = "(" + string.Join(",", generic.Parameters.Select(p => p.Type.Substitute(arguments))) + ")";
        return generic.Name.EndsWith(suffix, StringComparison.Ordinal)
            ? generic.Name.Substring(0, generic.Name.Length - suffix.Length) + "<" + string.Join(",", arguments) + ">" + instanceParameters
            : generic.Name + "<" + string.Join(",", arguments) + ">";
    }

    /// <summary>The type arguments a call instruction passes to its generic callee (Type, then Type2).</summary>
    public static IrType[] CallTypeArguments(Instruction call, IrFunction callee)
    {
        var args = new IrType[callee.TypeParameterCount];
        for (int i = 0; i < args.Length; i++)
            args[i] = (i == 0 ? call.Type : call.Type2) ?? throw new InvalidOperationException($"call of {callee.Name} without type argument {i}");
        return args;
    }

    private static IrFunction Instantiate(IrModule module, IrFunction generic, IrType[] arguments, string name,
        Func<IrFunction, IrType[], string> request)
    {
        var f = new IrFunction(name, generic.ReturnType.Substitute(arguments)) { Flags = generic.Flags, SourceFile = generic.SourceFile };
        foreach (var p in generic.Parameters) f.Parameters.Add(new IrVariable(p.Name, p.Type.Substitute(arguments)));
        foreach (var l in generic.Locals) f.Locals.Add(new IrVariable(l.Name, l.Type.Substitute(arguments)));

        var start = new int[generic.Body.Count];
        for (int k = 0; k < generic.Body.Count; k++)
        {
            start[k] = f.Body.Count;
            var ins = Copy(generic.Body[k], arguments);
            switch (ins.Op)
            {
                case Opcode.GenericMath:
                    f.Body.AddRange(GenericMathExpansion.Expand(ins));
                    continue;
                case Opcode.Call when module.Find(ins.Name ?? "") is { } callee:
                {
                    var calleeArguments = callee.IsGeneric ? CallTypeArguments(ins, callee) : Array.Empty<IrType>();
                    ins.Name = request(callee, calleeArguments);
                    ins.Type = null;
                    ins.Type2 = null;
                    break;
                }
                case Opcode.ParallelFor when module.Find(ins.Name ?? "") is { } chunk:
                    if (chunk.IsGeneric || generic.IsGeneric)
                        throw new NotSupportedException($"parallel loops in the generic function {generic.Name}");
                    request(chunk, Array.Empty<IrType>());
                    if (module.Find(ParallelLoops.CombineName(chunk.Name)) is { } combine) request(combine, Array.Empty<IrType>());
                    break;
                case Opcode.Dup or Opcode.Pop or Opcode.BrTrue or Opcode.BrFalse or Opcode.Const when ins.Type != null:
                    ins.Type = ins.Type.StackType; // a substituted small integer is an i32 on the stack
                    break;
            }
            f.Body.Add(ins);
        }
        // Branch targets were indices into the generic body; expansions moved them.
        foreach (var ins in f.Body)
            for (int i = 0; i < ins.Targets.Count; i++)
            {
                int t = ins.Targets[i];
                ins.Targets[i] = t >= 0 && t < start.Length ? start[t] : t;
            }
        return f;
    }

    private static Instruction Copy(Instruction from, IrType[] arguments)
    {
        var ins = from.Copy();
        ins.Type = from.Type?.Substitute(arguments);
        ins.Type2 = from.Type2?.Substitute(arguments);
        return ins;
    }
}
