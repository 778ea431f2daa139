// Keeps the static array fields compiled code reads by name reflectable when the app is trimmed or published with NativeAOT.
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Stubs;

/// <summary>
/// Compiled code reads a <c>static readonly</c> array through the runtime, which finds the field by its name
/// (<c>LdStatic</c>, runtime/Dispatch/StaticArrays.cs). Trimming and NativeAOT keep only what code names statically,
/// so each stub whose call closure reads such fields gets <c>[DynamicDependency("field", typeof(Owner))]</c> for each:
/// wherever the stub is kept, the fields stay reflectable.
/// </summary>
public static class ReflectedFields
{
    /// <summary>Adds the attributes to <paramref name="stub"/> for entry <paramref name="entryName"/> of <paramref name="ir"/>.</summary>
    public static void Mark(ModuleDefinition module, MethodDefinition stub, IrModule ir, string entryName, RuntimeReferences runtime)
    {
        if (ir.Find(entryName) is not { } entry) return;
        var names = ir.CallClosure(entry).SelectMany(f => f.Body).Where(i => i.Op == Opcode.LdStatic && i.Name != null)
            .Select(i => i.Name!).Distinct().OrderBy(n => n, System.StringComparer.Ordinal);
        foreach (string name in names)
        {
            // assembly|Namespace.Type+Nested|field (MethodTranslator.StaticFieldName); only this assembly's fields are read.
            var parts = name.Split('|');
            if (parts.Length != 3 || parts[0] != module.Assembly.Name.Name) continue;
            if (module.GetType(parts[1].Replace('+', '/')) is not { } owner) continue;
            var attribute = new CustomAttribute(runtime.DynamicDependencyOnMember);
            attribute.ConstructorArguments.Add(new CustomAttributeArgument(module.TypeSystem.String, parts[2]));
            attribute.ConstructorArguments.Add(new CustomAttributeArgument(runtime.SystemType, owner));
            stub.CustomAttributes.Add(attribute);
        }
    }
}
