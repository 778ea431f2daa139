// Decides which stubs keep an allocation scope: entries whose code may allocate arrays or that return one.
using NumbaWeaver.IR;

namespace NumbaWeaver.Weaving.Stubs;

/// <summary>
/// Arrays compiled code allocates stay alive until the stub that called it ends the scope
/// (Allocations.Enter/Exit, docs/abi.md). Only entries that may allocate — anywhere in their call
/// closure, parallel chunks included — or that return an array pay for it; others keep the plain stub.
/// </summary>
public static class AllocationScope
{
    public static bool IsNeeded(IrModule module, string entryName)
    {
        var entry = module.Find(entryName);
        if (entry == null) return false;
        if (entry.ReturnType.Kind == TypeKind.Array) return true;
        // Code of another assembly is linked at run time and may allocate: such an entry keeps the scope.
        if (entry.Has(FunctionFlags.CallsOtherAssemblies)) return true;
        foreach (var f in module.CallClosure(entry))
            foreach (var ins in f.Body)
                if (ins.Op is Opcode.NewArr or Opcode.StackAlloc) return true;
        return false;
    }
}
