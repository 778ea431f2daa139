// The per-instruction rules of a twin: array access -> KernelArrays, Cuda.Shared/Local/Atomic -> ILGPU, device calls -> twins, the rest checked.
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NumbaWeaver.Weaving.Diagnostics;

namespace NumbaWeaver.Weaving.Cuda;

internal sealed partial class KernelTwinBuilder
{
    private const string CudaType = "NumbaWeaver.Cuda";

    private void Rewrite(Instruction ins, Instruction copy)
    {
        switch (ins.OpCode.Code)
        {
            case Code.Ldelem_I1: case Code.Ldelem_U1: case Code.Ldelem_I2: case Code.Ldelem_U2:
            case Code.Ldelem_I4: case Code.Ldelem_U4: case Code.Ldelem_I8: case Code.Ldelem_I:
            case Code.Ldelem_R4: case Code.Ldelem_R8: case Code.Ldelem_Any:
                ArrayAccess(ins, copy, 1, "Load");
                break;
            case Code.Stelem_I1: case Code.Stelem_I2: case Code.Stelem_I4: case Code.Stelem_I8:
            case Code.Stelem_I: case Code.Stelem_R4: case Code.Stelem_R8: case Code.Stelem_Any:
                ArrayAccess(ins, copy, 2, "Store");
                break;
            case Code.Ldelema:
                ArrayAccess(ins, copy, 1, "Ref");
                break;
            case Code.Readonly:
                copy.OpCode = OpCodes.Nop; // the prefix of ldelema; the helper returns a plain ref
                copy.Operand = null;
                break;
            case Code.Ldlen:
                ArrayAccess(ins, copy, 0, "Length");
                break;
            case Code.Ldelem_Ref: case Code.Stelem_Ref:
                Report(DiagnosticCodes.CudaArrayOperation, ins, $"arrays of arrays or of objects are not supported in [CudaJit] code ({Name}): use T[,] or index a T[] by row * width + column");
                break;
            case Code.Call: case Code.Callvirt:
                Call(ins, copy, (MethodReference)ins.Operand);
                break;
            case Code.Newarr:
                Report(DiagnosticCodes.CudaAllocation, ins, $"new arrays are not supported in [CudaJit] code ({Name}): use Cuda.Local.Array<T>(size) for per-thread or Cuda.Shared.Array<T>(size) for per-block scratch");
                break;
            case Code.Newobj:
                var ctor = (MethodReference)ins.Operand;
                if (!ctor.DeclaringType.IsValueType)
                    Report(DiagnosticCodes.CudaAllocation, ins, $"new {ctor.DeclaringType.Name}(...) is not supported in [CudaJit] code ({Name}): GPU code cannot allocate objects");
                break;
            case Code.Ldstr: case Code.Ldnull: case Code.Box: case Code.Unbox: case Code.Unbox_Any:
            case Code.Castclass: case Code.Isinst: case Code.Mkrefany: case Code.Refanyval: case Code.Refanytype:
                Report(DiagnosticCodes.CudaObjects, ins, $"{Describe(ins)} is not supported in [CudaJit] code ({Name}): GPU code has no objects, strings or null");
                break;
            case Code.Throw: case Code.Rethrow:
                Report(DiagnosticCodes.CudaExceptions, ins, $"throw is not supported in [CudaJit] code ({Name}): GPU code cannot raise exceptions; write a status into an array instead");
                break;
            case Code.Stsfld: case Code.Ldsflda:
                Report(DiagnosticCodes.CudaStaticFields, ins, $"writing or taking the address of static field {((FieldReference)ins.Operand).Name} is not supported in [CudaJit] code ({Name}): pass the value as a kernel argument");
                break;
            case Code.Ldsfld:
                var field = ((FieldReference)ins.Operand).Resolve();
                if (field == null || !field.IsInitOnly || !(KernelTypes.IsPrimitive(field.FieldType) || field.FieldType.IsValueType))
                    Report(DiagnosticCodes.CudaStaticFields, ins, $"reading static field {((FieldReference)ins.Operand).Name} is not supported in [CudaJit] code ({Name}): use a const, a static readonly primitive, or a kernel argument");
                break;
            case Code.Ldftn: case Code.Ldvirtftn: case Code.Calli:
                Report(DiagnosticCodes.CudaFunctionPointers, ins, $"{Describe(ins)} (delegates, lambdas, function pointers) is not supported in [CudaJit] code ({Name}): call static methods directly");
                break;
            case Code.Localloc:
                Report(DiagnosticCodes.CudaAllocation, ins, $"stackalloc is not supported in [CudaJit] code ({Name}): use Cuda.Local.Array<T>(size)");
                break;
        }
    }

    private static string Describe(Instruction ins) => ins.OpCode.Code switch
    {
        Code.Ldstr => "a string",
        Code.Ldnull => "null",
        Code.Box or Code.Unbox or Code.Unbox_Any => "boxing",
        Code.Castclass or Code.Isinst => "a cast or type test",
        _ => ins.OpCode.Name,
    };

    /// <summary>ldelem/stelem/ldelema/ldlen on the array <paramref name="depth"/> slots below the top.</summary>
    private void ArrayAccess(Instruction ins, Instruction copy, int depth, string helper)
    {
        var array = ArrayOperand(ins, depth);
        if (array == null || !array.IsVector || !KernelTypes.IsPrimitive(array.ElementType))
        {
            Report(DiagnosticCodes.CudaArrayOperation, ins, $"{ins.OpCode.Name} on an array whose type cannot be determined, or is not T[] of a primitive, in [CudaJit] code ({Name})");
            return;
        }
        Replace(copy, _refs.ArrayHelper(helper, array.ElementType, _checks));
    }

    private void Call(Instruction ins, Instruction copy, MethodReference callee)
    {
        // T[,] accessors are methods of the array type itself: Get, Set, Address.
        if (callee.DeclaringType is ArrayType matrix)
        {
            string? helper = callee.Name switch { "Get" => "Load2", "Set" => "Store2", "Address" => "Ref2", _ => null };
            if (matrix.Rank != 2 || helper == null || !KernelTypes.IsPrimitive(matrix.ElementType))
                Report(DiagnosticCodes.CudaArrayOperation, ins, $"{matrix.Name}.{callee.Name} is not supported in [CudaJit] code ({Name}): kernels index T[] and T[,] of primitives");
            else Replace(copy, _refs.ArrayHelper(helper, matrix.ElementType, _checks));
            return;
        }
        string owner = callee.DeclaringType.FullName;
        if (owner == "System.Array") { ArrayMember(ins, copy, callee); return; }
        if (owner == CudaType + "/Shared" || owner == CudaType + "/Local") { ScratchArray(ins, copy, callee, owner.EndsWith("Shared")); return; }
        if (owner == CudaType + "/Atomic") { AtomicCall(ins, copy, callee); return; }

        var definition = callee.DeclaringType.Scope == _module ? callee.Resolve() : null;
        if (definition != null && definition.Module == _module)
        {
            if (!definition.IsStatic || !definition.HasBody || definition.HasGenericParameters || definition.DeclaringType.HasGenericParameters)
            {
                Report(DiagnosticCodes.CudaFunctionPointers, ins, $"call to {definition.Name} from [CudaJit] code ({Name}): device functions must be non-generic static methods with a body");
                return;
            }
            copy.Operand = _twins.GetOrAdd(definition, CompanionKind.Device, _checks);
            copy.OpCode = OpCodes.Call;
            return;
        }
        if (ForeignDeviceFunction(ins, callee) is { } foreignTwin)
        {
            copy.Operand = _module.ImportReference(foreignTwin);
            copy.OpCode = OpCodes.Call;
            return;
        }
        int argumentCount = callee.Parameters.Count + (callee.HasThis ? 1 : 0);
        bool touchesArrays = callee.ReturnType is ArrayType || callee.Parameters.Any(p => p.ParameterType is ArrayType)
                             || Enumerable.Range(0, argumentCount).Any(depth => ArrayOperand(ins, depth) != null); // an array passed as IEnumerable, object ...
        if (touchesArrays)
            Report(DiagnosticCodes.CudaForeignArrayCall, ins, $"{callee.DeclaringType.Name}.{callee.Name} takes or returns an array and is not a Cuda intrinsic, a method of this assembly or a [CudaJit(Device = true)] function of an assembly built with NumbaWeaver; it cannot run in [CudaJit] code ({Name})");
        else if (ins.OpCode.Code == Code.Callvirt && !callee.DeclaringType.IsValueType && callee.HasThis)
            Report(DiagnosticCodes.CudaFunctionPointers, ins, $"virtual call {callee.DeclaringType.Name}.{callee.Name} is not supported in [CudaJit] code ({Name})");
    }

    /// <summary>
    /// A <c>[CudaJit(Device = true)]</c> function of another assembly built with NumbaWeaver: that build gave it a public
    /// device twin, which the call then targets (as calls within this assembly target theirs). Null for anything else;
    /// such a function that cannot be called that way is reported here.
    /// </summary>
    private MethodDefinition? ForeignDeviceFunction(Instruction ins, MethodReference callee)
    {
        MethodDefinition? definition;
        try
        {
            definition = callee.Resolve();
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
        if (definition == null || definition.Module == _module || !CudaWeaver.IsCudaJit(definition) || !CudaWeaver.IsDevice(definition)) return null;
        string name = definition.DeclaringType.FullName + "." + definition.Name;
        string twinName = TwinRegistry.TwinName(definition.Name, CompanionKind.Device);
        var twin = definition.DeclaringType.Methods.FirstOrDefault(m => m.Name == twinName && m.IsStatic && m.Parameters.Count == definition.Parameters.Count);
        if (twin == null)
            Report(DiagnosticCodes.CudaForeignArrayCall, ins, $"{name} is [CudaJit(Device = true)] but its assembly was not built with NumbaWeaver (it has no device twin); add NumbaWeaver to that project ({Name})");
        else if (!IsVisibleOutside(definition.DeclaringType))
            Report(DiagnosticCodes.CudaForeignArrayCall, ins, $"{name} is a device function of another assembly in a type that is not public; make {definition.DeclaringType.Name} public to call it from [CudaJit] code ({Name})");
        else return twin;
        return null;
    }

    private static bool IsVisibleOutside(TypeDefinition type) =>
        type.IsNested ? type.IsNestedPublic && IsVisibleOutside(type.DeclaringType) : type.IsPublic;

    /// <summary>a.Length through System.Array (T[,]) and a.GetLength(d) for T[] and T[,].</summary>
    private void ArrayMember(Instruction ins, Instruction copy, MethodReference callee)
    {
        int depth = callee.Parameters.Count;
        var array = ArrayOperand(ins, depth);
        string? helper = callee.Name switch { "get_Length" => "Length", "GetLength" => "GetLength", _ => null };
        if (array == null || helper == null || !KernelTypes.IsPrimitive(array.ElementType) || array.Rank > 2)
        {
            Report(DiagnosticCodes.CudaArrayOperation, ins, $"Array.{callee.Name} is not supported in [CudaJit] code ({Name}): use Length or GetLength(dimension) on T[] and T[,]");
            return;
        }
        Replace(copy, _refs.ArrayHelper(array.Rank == 2 ? helper + "2" : helper, array.ElementType));
    }

    private void ScratchArray(Instruction ins, Instruction copy, MethodReference callee, bool shared)
    {
        var element = ((GenericInstanceMethod)callee).GenericArguments[0];
        if (!KernelTypes.IsPrimitive(element))
        {
            Report(DiagnosticCodes.CudaArrayOperation, ins, $"Cuda.{(shared ? "Shared" : "Local")}.Array<{element.Name}> in {Name}: the element type must be a primitive");
            return;
        }
        if (!IsConstant(ins.Previous))
        {
            Report(DiagnosticCodes.CudaArraySizeNotConstant, ins, $"the size of Cuda.{(shared ? "Shared" : "Local")}.Array in {Name} must be a compile-time constant (a literal or a const), as in CUDA");
            return;
        }
        Replace(copy, shared ? _refs.SharedAllocate(element) : _refs.LocalAllocate(element));
    }

    private static bool IsConstant(Instruction? ins) => ins != null && ins.OpCode.Code is Code.Ldc_I4 or Code.Ldc_I4_S
        or Code.Ldc_I4_0 or Code.Ldc_I4_1 or Code.Ldc_I4_2 or Code.Ldc_I4_3 or Code.Ldc_I4_4 or Code.Ldc_I4_5
        or Code.Ldc_I4_6 or Code.Ldc_I4_7 or Code.Ldc_I4_8 or Code.Ldc_I4_M1;

    private void AtomicCall(Instruction ins, Instruction copy, MethodReference callee)
    {
        var array = callee.Parameters.Count > 0 ? callee.Parameters[0].ParameterType as ArrayType : null;
        var target = array == null ? null : _refs.Atomic(callee.Name, array.ElementType, callee.Parameters.Count);
        if (target == null)
        {
            Report(DiagnosticCodes.CudaArrayOperation, ins, $"Cuda.Atomic.{callee.Name} has no device implementation for this element type ({Name})");
            return;
        }
        Replace(copy, target);
    }
}
