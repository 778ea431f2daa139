// Moves an [Njit] method's original IL body (with debug info) into a private "twin" method.
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NumbaWeaver.Weaving.Stubs;

/// <summary>
/// The twin keeps the original C# so that the stub can fall back to it (NUMBA_DISABLE_JIT, no
/// LLVM, null array arguments) and so that tests can compare compiled against original.
/// </summary>
public static class TwinExtractor
{
    /// <summary>Name of the twin of <paramref name="methodName"/>; unspeakable in C# on purpose.</summary>
    public static string TwinName(string methodName) => "<" + methodName + ">nj_original";

    public static MethodDefinition MoveBodyToTwin(MethodDefinition method)
    {
        var twin = new MethodDefinition(TwinName(method.Name),
            MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig,
            method.ReturnType);
        CopyGenericParameters(method, twin);
        foreach (var p in method.Parameters)
            twin.Parameters.Add(new ParameterDefinition(p.Name, p.Attributes & ~ParameterAttributes.HasDefault, p.ParameterType));
        method.DeclaringType.Methods.Add(twin);

        var from = method.Body;
        var to = twin.Body;
        to.InitLocals = from.InitLocals;
        to.MaxStackSize = from.MaxStackSize;
        foreach (var v in from.Variables) to.Variables.Add(v);
        foreach (var ins in from.Instructions)
        {
            if (ins.Operand is ParameterDefinition pd) ins.Operand = twin.Parameters[pd.Index];
            to.Instructions.Add(ins);
        }
        foreach (var h in from.ExceptionHandlers) to.ExceptionHandlers.Add(h);

        // Sequence points and scopes refer to the moved instructions, so they stay valid.
        var debugFrom = method.DebugInformation;
        var debugTo = twin.DebugInformation;
        foreach (var sp in debugFrom.SequencePoints.ToList()) debugTo.SequencePoints.Add(sp);
        debugTo.Scope = debugFrom.Scope;
        debugFrom.SequencePoints.Clear();
        debugFrom.Scope = null;

        from.Instructions.Clear();
        from.Variables.Clear();
        from.ExceptionHandlers.Clear();
        return twin;
    }

    /// <summary>
    /// A generic method's twin is generic too, with the same constraints (its body's constrained calls need them).
    /// Signature and body keep referring to the method's own parameters: metadata encodes them by position (<c>!!0</c>).
    /// </summary>
    private static void CopyGenericParameters(MethodDefinition method, MethodDefinition twin)
    {
        foreach (var p in method.GenericParameters)
        {
            var copy = new GenericParameter(p.Name, twin) { Attributes = p.Attributes };
            foreach (var c in p.Constraints) copy.Constraints.Add(new GenericParameterConstraint(c.ConstraintType));
            twin.GenericParameters.Add(copy);
        }
    }
}
