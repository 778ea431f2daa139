// The woven index as a method of its assembly, so other assemblies' stubs can hand it to the dispatcher without reflection.
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Stubs;

/// <summary>
/// Every woven assembly gets <c>public static class &lt;NumbaWeaver&gt;Index { public static string Text() }</c>, returning
/// its <c>NumbaWeaver.IR.index</c> text (an unspeakable name: no C# code can mention it). A stub of an entry that calls
/// other assemblies' [Njit] methods calls their accessors and passes the texts to the dispatcher: the callees' index
/// lines as the loaded assemblies have them (so the cache key still follows a replaced library) without loading those
/// assemblies by name and reading their resources, which cost such a first call about 0.7 ms (docs/cache.md).
/// </summary>
internal static class IndexAccessor
{
    /// <summary>Adds the accessor returning <paramref name="indexText"/> to <paramref name="module"/>.</summary>
    public static void Add(ModuleDefinition module, string indexText)
    {
        var existing = module.Types.FirstOrDefault(t => t.Namespace.Length == 0 && t.Name == IrIndex.AccessorType);
        if (existing != null) module.Types.Remove(existing);
        var type = new TypeDefinition("", IrIndex.AccessorType,
            TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit | TypeAttributes.Class,
            module.TypeSystem.Object);
        var text = new MethodDefinition(IrIndex.AccessorMethod, MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig,
            module.TypeSystem.String);
        var il = text.Body.GetILProcessor();
        il.Emit(OpCodes.Ldstr, indexText);
        il.Emit(OpCodes.Ret);
        type.Methods.Add(text);
        module.Types.Add(type);
    }

    /// <summary>
    /// The accessor of the assembly <paramref name="simpleName"/> that <paramref name="caller"/> references, imported
    /// into it; null when that assembly has none (woven before accessors existed) or cannot be resolved.
    /// </summary>
    public static MethodReference? Find(ModuleDefinition caller, string simpleName)
    {
        var reference = caller.AssemblyReferences.FirstOrDefault(r => r.Name == simpleName);
        if (reference == null) return null;
        AssemblyDefinition? assembly;
        try
        {
            assembly = caller.AssemblyResolver.Resolve(reference);
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
        var method = assembly?.MainModule.GetType(IrIndex.AccessorType)?.Methods
            .FirstOrDefault(m => m.Name == IrIndex.AccessorMethod && m.IsStatic && m.Parameters.Count == 0);
        return method == null ? null : caller.ImportReference(method);
    }
}
