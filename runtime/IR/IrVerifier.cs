// Checks an IR module's invariants: types, stack discipline, branch targets, callees, variables.
using System.Collections.Generic;
using System.Linq;

namespace NumbaWeaver.IR;

/// <summary>
/// Verifies functions before they are embedded (weaver) and before they are lowered (runtime, in
/// tests and debug). An empty result means the function is well formed.
/// </summary>
public static class IrVerifier
{
    public static List<string> Verify(IrModule module)
    {
        var errors = new List<string>();
        foreach (var f in module.Functions) errors.AddRange(Verify(f, module).Select(e => $"{f.Name}: {e}"));
        return errors;
    }

    public static List<string> Verify(IrFunction f, IrModule? module)
    {
        var errors = new List<string>();
        if (f.Body.Count == 0) errors.Add("empty body");
        foreach (var p in f.Parameters)
            if (p.Type.Kind == TypeKind.Void) errors.Add($"parameter {p.Name} is void");
        foreach (var l in f.Locals)
            if (l.Type.Kind == TypeKind.Void) errors.Add($"local {l.Name} has type {l.Type}");
        if (f.ReturnType.Kind != TypeKind.Void && !f.ReturnType.IsScalar && !f.ReturnType.IsStruct && f.ReturnType.Kind != TypeKind.Array)
            errors.Add($"return type {f.ReturnType} is not a scalar, struct or array");
        if (f.Body.Count > 0)
        {
            var last = f.Body[f.Body.Count - 1];
            if (!last.EndsFlow) errors.Add("the last instruction falls off the end");
        }
        var types = StackTypes.Compute(f, module == null ? null : module.Find);
        errors.AddRange(types.Errors);
        return errors;
    }
}
