// Calls to [Njit] methods of other woven assemblies (generic ones included): translated as calls of [Assembly]Function, linked at run time.
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using Cil = Mono.Cecil.Cil;

namespace NumbaWeaver.Weaving.Frontend;

internal sealed partial class MethodTranslator
{
    private readonly List<IrFunction> _foreignDeclarations = new();

    /// <summary>
    /// Signatures (no bodies) of the other assemblies' functions this body calls, under their qualified names: the
    /// module translator verifies calls against them; they are not part of the woven IR (docs/ir.md, "Calls into
    /// other assemblies").
    /// </summary>
    public IReadOnlyList<IrFunction> ForeignDeclarations => _foreignDeclarations;

    /// <summary>
    /// A call of a static [Njit] method of another assembly built with NumbaWeaver (it carries IR), generic or not:
    /// the IR names it <see cref="ForeignCalls.Qualify"/> (a generic one with its type arguments in the call, as a call
    /// of this assembly's generic methods) and the runtime links that assembly's IR for it when the caller compiles,
    /// so the caller's machine code and cache key follow the callee as it is at run time. False for anything else,
    /// which the caller reports (NJ0101 names the reason).
    /// </summary>
    private bool TryTranslateForeignCall(Cil.Instruction ins, MethodReference method)
    {
        var generic = method as GenericInstanceMethod;
        if (method is MethodDefinition || generic is null && method.HasGenericParameters || method.DeclaringType is GenericInstanceType) return false;
        MethodDefinition? callee;
        try
        {
            callee = (generic?.ElementMethod ?? method).Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return false;
        }
        if (callee is null || callee.Module == _owner.Module || !callee.IsStatic || HasGenericDeclaringType(callee.DeclaringType)
            || !ModuleTranslator.IsNjit(callee) || !CarriesIr(callee.Module)) return false;
        if (!TryMapTypeArguments(ins, generic, out var arguments)) return true;
        var returnType = TypeMapper.Map(callee.ReturnType);
        var parameters = callee.Parameters.Select(p => TypeMapper.Map(p.ParameterType)).ToArray();
        // The library's own weaving accepted these types; structs of another assembly are refused here as anywhere.
        if (returnType is null || parameters.Any(p => p is null || p.Kind == TypeKind.Void || p.IsStruct) || returnType.IsStruct) return false;

        string name = ForeignCalls.Qualify(callee.Module.Assembly.Name.Name, ModuleTranslator.FunctionName(callee));
        for (int i = 0; i < parameters.Length; i++) Pop();
        var call = arguments.Length == 0 ? Emit(Opcode.Call) : Emit(Opcode.Call, arguments[0], arguments.Length > 1 ? arguments[1] : null);
        call.Name = name;
        if (returnType.Kind != TypeKind.Void) Push((arguments.Length == 0 ? returnType : returnType.Substitute(arguments)).StackType);
        if (_foreignDeclarations.All(d => d.Name != name))
        {
            var declaration = new IrFunction(name, returnType) { TypeParameterCount = callee.GenericParameters.Count };
            for (int i = 0; i < parameters.Length; i++) declaration.Parameters.Add(new IrVariable(callee.Parameters[i].Name, parameters[i]!));
            _foreignDeclarations.Add(declaration);
        }
        return true;
    }

    /// <summary>Whether <paramref name="module"/> was woven by NumbaWeaver (its [Njit] methods' IR is embedded).</summary>
    private static bool CarriesIr(ModuleDefinition module) =>
        module.Resources.Any(r => r.Name == IrModule.ResourceName);
}
