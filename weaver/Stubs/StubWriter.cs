// Rewrites an [Njit] method's body into a stub that calls its native code through a cached pointer.
using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using IrIndexEntry = NumbaWeaver.IR.IrIndexEntry;
using NumbaWeaver.Weaving.Frontend;

namespace NumbaWeaver.Weaving.Stubs;

/// <summary>
/// The stub (docs/abi.md):
/// <code>
/// p = field; if (p == 0) field = p = FirstCall.ResolveIndexedIn(typeof(Owner), "assembly", "ir name", "ir fingerprint", flags);
///   (generic: FirstCall.ResolveGenericListedIn(typeof(Owner), "assembly", "ir name", "instance lines", [typeof(T).TypeHandle...]);
///    calling other assemblies: FirstCall.ResolveIndexedWithIndexes(typeof(Owner), "assembly", "ir name", "fingerprint\tcallees", flags, &amp;helper))
/// if (p == -1 || any array argument is null) return twin(args);      // fallback: original C#
/// pin arrays/spans/refs; status = calli unmanaged(&amp;result, lowered args...);
/// if (status != 0) throw FirstCall.ExceptionFor(status);
/// return result;
/// </code>
/// </summary>
public sealed class StubWriter
{
    private readonly ModuleDefinition _module;
    private readonly RuntimeReferences _rt;

    public StubWriter(ModuleDefinition module, RuntimeReferences runtime)
    {
        _module = module;
        _rt = runtime;
    }

    /// <summary>
    /// The accessors of the other assemblies whose [Njit] methods <paramref name="indexed"/> calls, one per assembly;
    /// null when it calls none or one of them has no accessor (it was woven before they existed).
    /// </summary>
    private List<(string Assembly, MethodReference Text)>? ForeignIndexes(IrIndexEntry indexed)
    {
        if (indexed.ForeignCallees.Length == 0) return null;
        var accessors = new List<(string Assembly, MethodReference Text)>();
        foreach (string callee in indexed.ForeignCallees)
        {
            if (!NumbaWeaver.IR.ForeignCalls.TrySplit(callee, out string assembly, out _)) return null;
            if (accessors.Exists(a => a.Assembly == assembly)) continue;
            if (IndexAccessor.Find(_module, assembly) is not { } text) return null;
            accessors.Add((assembly, text));
        }
        return accessors;
    }

    /// <param name="indexed">The entry's line of the woven IR index (non-generic entries): passed to the dispatcher so a
    /// cached or precompiled first call need not read the index resource.</param>
    /// <param name="genericInstances">For a generic method: the lines of NumbaWeaver.IR.instances that list its
    /// instantiations (empty when the assembly calls none), passed to the dispatcher for the same reason.</param>
    public void Write(MethodDefinition method, MethodDefinition twin, string irName, bool bounded = false, bool allocationScope = false,
        IrIndexEntry? indexed = null, string genericInstances = "")
    {
        var ts = _module.TypeSystem;
        var owner = method.DeclaringType;
        var slot = method.HasGenericParameters ? GenericEntrySlot(method) : NewSlot(owner, method.Name);

        var body = method.Body;
        body.InitLocals = true;
        var il = body.GetILProcessor();
        var pointer = new VariableDefinition(_rt.IntPtr);
        body.Variables.Add(pointer);
        bool hasResult = method.ReturnType.MetadataType != MetadataType.Void;
        var result = hasResult ? new VariableDefinition(method.ReturnType) : null;
        if (result != null) body.Variables.Add(result);
        var status = new VariableDefinition(ts.Int32);
        body.Variables.Add(status);

        var fallback = Instruction.Create(OpCodes.Nop);
        var resolved = Instruction.Create(OpCodes.Ldloc, pointer);

        // Resolve the entry point once; the dispatcher serialises first calls.
        il.Emit(OpCodes.Ldsfld, slot);
        il.Emit(OpCodes.Stloc, pointer);
        il.Emit(OpCodes.Ldloc, pointer);
        il.Emit(OpCodes.Brtrue, resolved);
        if (method.HasGenericParameters)
        {
            il.Emit(OpCodes.Ldtoken, owner);
            il.Emit(OpCodes.Ldstr, _module.Assembly.FullName); // for the native hit path, as below
            il.Emit(OpCodes.Ldstr, irName);
            il.Emit(OpCodes.Ldstr, genericInstances);
            // The type arguments as handles (ldtoken !!T): the dispatcher maps them without reflection.
            il.Emit(OpCodes.Ldc_I4, method.GenericParameters.Count);
            il.Emit(OpCodes.Newarr, _rt.RuntimeTypeHandle);
            for (int i = 0; i < method.GenericParameters.Count; i++)
            {
                il.Emit(OpCodes.Dup);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldtoken, method.GenericParameters[i]);
                il.Emit(OpCodes.Stelem_Any, _rt.RuntimeTypeHandle);
            }
            il.Emit(OpCodes.Call, _rt.ResolveGenericListedIn);
        }
        else if (indexed != null)
        {
            var accessors = ForeignIndexes(indexed);
            il.Emit(OpCodes.Ldtoken, owner);
            // The assembly's display name, for the native hit path (docs/abi.md).
            il.Emit(OpCodes.Ldstr, _module.Assembly.FullName);
            il.Emit(OpCodes.Ldstr, irName);
            // An entry that calls other assemblies carries those callees after its fingerprint, as its index line does:
            // its first call keys it without reading the index (docs/abi.md).
            il.Emit(OpCodes.Ldstr, indexed.StubArgument);
            il.Emit(OpCodes.Ldc_I4, (int)indexed.Flags);
            if (accessors is not null)
            {
                // A pointer to a helper that returns the other assemblies' index texts: the dispatcher calls it and, if
                // an assembly was replaced by one without an accessor, catches what binding the call throws.
                il.Emit(OpCodes.Ldftn, IndexesHelper(owner, method.Name, accessors));
                il.Emit(OpCodes.Call, _rt.ResolveIndexedWithIndexes);
            }
            else il.Emit(OpCodes.Call, _rt.ResolveIndexedIn);
        }
        else
        {
            il.Emit(OpCodes.Ldtoken, owner);
            il.Emit(OpCodes.Ldstr, irName);
            il.Emit(OpCodes.Call, _rt.Resolve);
        }
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stsfld, slot);
        il.Emit(OpCodes.Stloc, pointer);
        il.Append(resolved);
        il.Emit(OpCodes.Ldc_I4_M1);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Beq, fallback);

        // Null arrays: the original C# decides whether (and where) to throw.
        foreach (var p in method.Parameters)
        {
            if (p.ParameterType.IsArray)
            {
                il.Emit(OpCodes.Ldarg, p);
                il.Emit(OpCodes.Brfalse, fallback);
            }
        }

        // Pin every array, span and reference for the duration of the call.
        var pins = new Dictionary<ParameterDefinition, VariableDefinition>();
        foreach (var p in method.Parameters)
        {
            var type = p.ParameterType;
            TypeReference? pinnedElement = null;
            if (type is ArrayType at)
            {
                // The non-generic overload for every rank: GetArrayDataReference<T> would be compiled by the JIT for each
                // element type on a process's first call (about 0.1-0.2 ms each), the untyped one is precompiled.
                pinnedElement = ts.Byte;
                il.Emit(OpCodes.Ldarg, p);
                il.Emit(OpCodes.Call, _rt.GetArrayDataReferenceUntyped);
            }
            else if (IsSpan(type, out var span))
            {
                pinnedElement = span.GenericArguments[0];
                il.Emit(OpCodes.Ldarg, p);
                il.Emit(OpCodes.Call, _rt.GetSpanReference(span));
            }
            else if (TypeMapper.StripModifiers(type) is ByReferenceType br)
            {
                pinnedElement = br.ElementType;
                il.Emit(OpCodes.Ldarg, p);
            }
            if (pinnedElement == null) continue;
            var pin = new VariableDefinition(new PinnedType(new ByReferenceType(pinnedElement)));
            body.Variables.Add(pin);
            il.Emit(OpCodes.Stloc, pin);
            pins[p] = pin;
        }

        // Arrays the call allocates live until it returns (docs/abi.md); an array result comes back as its data pointer.
        var arrayResult = method.ReturnType as ArrayType;
        var scope = allocationScope || arrayResult != null ? new VariableDefinition(ts.Int32) : null;
        var resultBuffer = arrayResult != null ? new VariableDefinition(_rt.IntPtr) : null;
        if (scope != null)
        {
            body.Variables.Add(scope);
            il.Emit(OpCodes.Call, _rt.EnterAllocations);
            il.Emit(OpCodes.Stloc, scope);
        }
        if (resultBuffer != null)
        {
            body.Variables.Add(resultBuffer);
            il.Emit(OpCodes.Ldc_I4, 8 * (1 + arrayResult!.Rank)); // data pointer + one i64 length per dimension
            il.Emit(OpCodes.Conv_U);
            il.Emit(OpCodes.Localloc);
            il.Emit(OpCodes.Stloc, resultBuffer);
        }

        // Build the unmanaged call: i32 f(ptr result, lowered params...).
        // Bounded functions (BoundedCalls) skip the GC transition: unmanaged[Cdecl, SuppressGCTransition].
        var site = bounded
            ? new CallSite(new OptionalModifierType(_rt.CallConvSuppressGCTransition, new OptionalModifierType(_rt.CallConvCdecl, ts.Int32)))
                { CallingConvention = (MethodCallingConvention)9 }
            : new CallSite(ts.Int32) { CallingConvention = MethodCallingConvention.C };
        site.Parameters.Add(new ParameterDefinition(_rt.IntPtr));
        // The result pointer: a tuple's field buffer, an array result's data-pointer-and-lengths buffer, or the result local.
        var tupleResult = TupleResults.Of(method);
        var tupleBuffer = tupleResult != null ? TupleResults.EmitBuffer(il, body, tupleResult, _rt.IntPtr) : null;
        if (tupleBuffer != null) il.Emit(OpCodes.Ldloc, tupleBuffer);
        else if (resultBuffer != null) il.Emit(OpCodes.Ldloc, resultBuffer);
        else if (result != null) il.Emit(OpCodes.Ldloca, result);
        else il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Conv_U);
        foreach (var p in method.Parameters)
        {
            var type = p.ParameterType;
            if (pins.TryGetValue(p, out var pin))
            {
                il.Emit(OpCodes.Ldloc, pin);
                il.Emit(OpCodes.Conv_U);
                site.Parameters.Add(new ParameterDefinition(_rt.IntPtr));
                if (type is ArrayType at)
                {
                    for (int d = 0; d < at.Rank; d++)
                    {
                        il.Emit(OpCodes.Ldarg, p);
                        if (at.Rank == 1)
                        {
                            il.Emit(OpCodes.Ldlen);
                            il.Emit(OpCodes.Conv_I8);
                        }
                        else
                        {
                            il.Emit(OpCodes.Ldc_I4, d);
                            il.Emit(OpCodes.Callvirt, _rt.ArrayGetLength);
                            il.Emit(OpCodes.Conv_I8);
                        }
                        site.Parameters.Add(new ParameterDefinition(ts.Int64));
                    }
                }
                else if (IsSpan(type, out var span))
                {
                    il.Emit(OpCodes.Ldarga, p);
                    il.Emit(OpCodes.Call, _rt.SpanLength(span));
                    il.Emit(OpCodes.Conv_I8);
                    site.Parameters.Add(new ParameterDefinition(ts.Int64));
                }
                continue;
            }
            if (TypeMapper.Map(type) is { IsStruct: true })
            {
                // A struct by value: the address of the stub's own copy (an argument slot, never moved by the GC).
                il.Emit(OpCodes.Ldarga, p);
                il.Emit(OpCodes.Conv_U);
                site.Parameters.Add(new ParameterDefinition(_rt.IntPtr));
                continue;
            }
            il.Emit(OpCodes.Ldarg, p);
            var scalar = TypeMapper.StripModifiers(type);
            // bool crosses as one byte and char as ushort (an unmanaged char would be marshalled as
            // a one-byte ANSI char); other scalars as themselves (docs/abi.md).
            var crossing = scalar.MetadataType switch
            {
                MetadataType.Boolean => ts.Byte,
                MetadataType.Char => ts.UInt16,
                _ => scalar,
            };
            site.Parameters.Add(new ParameterDefinition(crossing));
        }
        il.Emit(OpCodes.Ldloc, pointer);
        il.Emit(OpCodes.Calli, site);
        il.Emit(OpCodes.Stloc, status);
        if (resultBuffer != null) EmitArrayResult(il, method, arrayResult!, resultBuffer, result!, status, scope!, pins);
        if (scope != null)
        {
            il.Emit(OpCodes.Ldloc, scope);
            il.Emit(OpCodes.Call, _rt.ExitAllocations);
        }

        var ok = Instruction.Create(OpCodes.Nop);
        il.Emit(OpCodes.Ldloc, status);
        il.Emit(OpCodes.Brfalse, ok);
        il.Emit(OpCodes.Ldloc, status);
        il.Emit(OpCodes.Call, _rt.CreateException);
        il.Emit(OpCodes.Throw);
        il.Append(ok);
        if (tupleBuffer != null) TupleResults.EmitRebuild(il, _module, tupleBuffer, result!, tupleResult!);
        if (result != null) il.Emit(OpCodes.Ldloc, result);
        il.Emit(OpCodes.Ret);

        // Fallback: run the original C#.
        il.Append(fallback);
        foreach (var p in method.Parameters) il.Emit(OpCodes.Ldarg, p);
        il.Emit(OpCodes.Call, method.HasGenericParameters ? Instantiated(twin, method) : twin);
        il.Emit(OpCodes.Ret);
        body.OptimizeMacros();
    }

    /// <summary>
    /// On success, turns the returned data pointer back into the array object: an array argument of the
    /// same type when the method returned one of those, else the runtime's (an array the call allocated,
    /// or a static readonly array).
    /// </summary>
    private void EmitArrayResult(ILProcessor il, MethodDefinition method, ArrayType type, VariableDefinition buffer,
        VariableDefinition result, VariableDefinition status, VariableDefinition scope, Dictionary<ParameterDefinition, VariableDefinition> pins)
    {
        var done = Instruction.Create(OpCodes.Nop);
        var data = new VariableDefinition(_rt.IntPtr);
        method.Body.Variables.Add(data);
        il.Emit(OpCodes.Ldloc, status);
        il.Emit(OpCodes.Brtrue, done);
        il.Emit(OpCodes.Ldloc, buffer);
        il.Emit(OpCodes.Ldind_I);
        il.Emit(OpCodes.Stloc, data);
        foreach (var p in method.Parameters)
        {
            if (p.ParameterType is not ArrayType at || at.FullName != type.FullName || !pins.TryGetValue(p, out var pin)) continue;
            var next = Instruction.Create(OpCodes.Nop);
            il.Emit(OpCodes.Ldloc, data);
            il.Emit(OpCodes.Ldloc, pin);
            il.Emit(OpCodes.Conv_U);
            il.Emit(OpCodes.Bne_Un, next);
            il.Emit(OpCodes.Ldarg, p);
            il.Emit(OpCodes.Stloc, result);
            il.Emit(OpCodes.Br, done);
            il.Append(next);
        }
        il.Emit(OpCodes.Ldloc, data);
        il.Emit(OpCodes.Ldloc, scope);
        il.Emit(OpCodes.Call, _rt.ReturnedArray);
        il.Emit(OpCodes.Castclass, type);
        il.Emit(OpCodes.Stloc, result);
        il.Append(done);
    }

    /// <summary>
    /// <c>private static string[] &lt;M&gt;nj_indexes_k()</c>: [name, text, name, text...] of the other assemblies an entry
    /// calls, from their accessors (IndexAccessor).
    /// </summary>
    private MethodDefinition IndexesHelper(TypeDefinition owner, string methodName, List<(string Assembly, MethodReference Text)> accessors)
    {
        var helper = new MethodDefinition("<" + methodName + ">nj_indexes_" + owner.Methods.Count,
            MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig, new ArrayType(_module.TypeSystem.String));
        var il = helper.Body.GetILProcessor();
        il.Emit(OpCodes.Ldc_I4, accessors.Count * 2);
        il.Emit(OpCodes.Newarr, _module.TypeSystem.String);
        for (int i = 0; i < accessors.Count; i++)
        {
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Ldc_I4, 2 * i);
            il.Emit(OpCodes.Ldstr, accessors[i].Assembly);
            il.Emit(OpCodes.Stelem_Ref);
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Ldc_I4, 2 * i + 1);
            il.Emit(OpCodes.Call, accessors[i].Text);
            il.Emit(OpCodes.Stelem_Ref);
        }
        il.Emit(OpCodes.Ret);
        owner.Methods.Add(helper);
        return helper;
    }

    private FieldReference NewSlot(TypeDefinition owner, string methodName)
    {
        var slot = new FieldDefinition("<" + methodName + ">nj_entry_" + owner.Fields.Count,
            FieldAttributes.Private | FieldAttributes.Static, _rt.IntPtr);
        owner.Fields.Add(slot);
        return slot;
    }

    /// <summary>
    /// A generic method's pointer lives in a nested generic class <c>&lt;M&gt;nj_entry_k&lt;T...&gt;</c>, instantiated with
    /// the method's type parameters: one static field per instantiation, which the JIT reads directly in the code it
    /// specialises per value type, so the stub needs no lookup by type (docs/abi.md).
    /// </summary>
    private FieldReference GenericEntrySlot(MethodDefinition method)
    {
        var owner = method.DeclaringType;
        var holder = new TypeDefinition("", "<" + method.Name + ">nj_entry_" + owner.NestedTypes.Count,
            TypeAttributes.NestedPrivate | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit | TypeAttributes.Class,
            _module.TypeSystem.Object);
        for (int i = 0; i < method.GenericParameters.Count; i++) holder.GenericParameters.Add(new GenericParameter("T" + i, holder));
        var field = new FieldDefinition("Pointer", FieldAttributes.Public | FieldAttributes.Static, _rt.IntPtr);
        holder.Fields.Add(field);
        owner.NestedTypes.Add(holder);
        var instance = new GenericInstanceType(holder);
        foreach (var p in method.GenericParameters) instance.GenericArguments.Add(p);
        return new FieldReference(field.Name, field.FieldType, instance);
    }

    /// <summary><paramref name="twin"/> instantiated with the stub's own type parameters.</summary>
    private static MethodReference Instantiated(MethodDefinition twin, MethodDefinition method)
    {
        var call = new GenericInstanceMethod(twin);
        foreach (var p in method.GenericParameters) call.GenericArguments.Add(p);
        return call;
    }

    private static bool IsSpan(TypeReference type, out GenericInstanceType span)
    {
        span = null!;
        if (TypeMapper.StripModifiers(type) is GenericInstanceType g &&
            (g.ElementType.FullName == "System.Span`1" || g.ElementType.FullName == "System.ReadOnlySpan`1"))
        {
            span = g;
            return true;
        }
        return false;
    }
}
