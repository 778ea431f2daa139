// Weaver tests on the woven fixture assembly: every [Njit] method has a twin, an entry field, a calli stub, and IR that parses and verifies.
extern alias weaver;

using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Weaver;

public class WovenFixtureTests
{
    private static readonly string FixturePath = typeof(Kernels.Fixture.Basic).Assembly.Location;

    private static readonly ModuleDefinition Module = ModuleDefinition.ReadModule(FixturePath);

    /// <summary>The [Njit] methods of the woven fixture, as xunit rows "Type::Method".</summary>
    public static IEnumerable<object[]> NjitMethods =>
        NjitDefinitions().Select(m => new object[] { m.DeclaringType.Name + "::" + m.Name });

    private static IEnumerable<MethodDefinition> NjitDefinitions() =>
        Module.Types.SelectMany(t => t.Methods).Where(m => m.CustomAttributes.Any(a => a.AttributeType.FullName == "NumbaWeaver.NjitAttribute"));

    private static MethodDefinition Find(string id)
    {
        var parts = id.Split("::");
        return NjitDefinitions().Single(m => m.DeclaringType.Name == parts[0] && m.Name == parts[1]);
    }

    private static IrModule ParsedResource()
    {
        var resource = Module.Resources.OfType<EmbeddedResource>().SingleOrDefault(r => r.Name == IrModule.ResourceName);
        resource.ShouldNotBeNull("the woven fixture embeds no IR resource");
        using var reader = new StreamReader(resource.GetResourceStream());
        return IrParser.ParseModule(reader.ReadToEnd());
    }

    [Fact]
    public void The_fixture_has_many_kernels() => NjitDefinitions().Count().ShouldBeGreaterThan(200);

    [Fact]
    public void The_IR_resource_parses_and_every_function_verifies()
    {
        var module = ParsedResource();
        module.Functions.Count.ShouldBeGreaterThanOrEqualTo(NjitDefinitions().Count());
        foreach (var f in module.Functions)
        {
            if (!f.IsGeneric && !GenericInstantiation.NeedsInstantiation(module, f))
            {
                IrVerifier.Verify(f, module).ShouldBeEmpty(f.Name);
                continue;
            }
            // Generic code verifies per instance (docs/ir.md): some number type instantiates it and every instance verifies.
            int instances = 0;
            foreach (var t in GenericMath.InstantiableTypes)
            {
                IrModule closed;
                try
                {
                    closed = GenericInstantiation.Close(module, f.Name, Enumerable.Repeat(t, f.TypeParameterCount).ToArray(), out _);
                }
                catch (System.NotSupportedException)
                {
                    continue;
                }
                instances++;
                IrVerifier.Verify(closed).ShouldBeEmpty($"{f.Name} with {t}");
            }
            instances.ShouldBeGreaterThan(0, f.Name);
        }
    }

    [Fact]
    public void The_IR_round_trips_through_the_printer()
    {
        var module = ParsedResource();
        foreach (var f in module.Functions)
        {
            var text = IrPrinter.Print(f);
            IrPrinter.Print(IrParser.ParseFunction(text)).ShouldBe(text, f.Name);
        }
    }

    [Theory]
    [MemberData(nameof(NjitMethods))]
    public void Each_kernel_has_a_private_static_twin_with_the_same_signature(string id)
    {
        var method = Find(id);
        var twin = method.DeclaringType.Methods.SingleOrDefault(m => m.Name == "<" + method.Name + ">nj_original");
        twin.ShouldNotBeNull();
        twin.IsPrivate.ShouldBeTrue();
        twin.IsStatic.ShouldBeTrue();
        twin.ReturnType.FullName.ShouldBe(method.ReturnType.FullName);
        twin.Parameters.Select(p => p.ParameterType.FullName).ShouldBe(method.Parameters.Select(p => p.ParameterType.FullName));
        twin.Body.Instructions.ShouldNotContain(i => i.OpCode == OpCodes.Calli, "the twin keeps the original C#");
    }

    [Theory]
    [MemberData(nameof(NjitMethods))]
    public void Each_stub_resolves_through_the_dispatcher_into_an_IntPtr_field_and_calls_with_calli(string id)
    {
        var method = Find(id);
        var body = method.Body.Instructions;
        // A generic method's pointer is the field Pointer of a nested generic class <M>nj_entry_k<T...> (docs/abi.md).
        var holder = method.HasGenericParameters
            ? method.DeclaringType.NestedTypes.SingleOrDefault(t => t.Name.StartsWith("<" + method.Name + ">nj_entry_", System.StringComparison.Ordinal))
            : method.DeclaringType;
        holder.ShouldNotBeNull();
        var field = method.HasGenericParameters
            ? holder.Fields.SingleOrDefault(f => f.Name == "Pointer")
            : holder.Fields.SingleOrDefault(f => f.Name.StartsWith("<" + method.Name + ">nj_entry_", System.StringComparison.Ordinal));
        field.ShouldNotBeNull();
        field.IsStatic.ShouldBeTrue();
        field.FieldType.FullName.ShouldBe("System.IntPtr");
        body.ShouldContain(i => i.OpCode == OpCodes.Ldsfld && ((FieldReference)i.Operand).Name == field.Name);
        body.ShouldContain(i => i.OpCode == OpCodes.Stsfld && ((FieldReference)i.Operand).Name == field.Name);
        // Non-generic stubs pass their assembly's display name and their line of the woven IR index (docs/abi.md,
        // "Resolving the entry"); the fixture's kernels call no other assembly.
        string resolver = method.HasGenericParameters ? "ResolveGenericListedIn" : "ResolveIndexedIn";
        var resolve = body.SingleOrDefault(i => i.OpCode == OpCodes.Call && i.Operand is MethodReference r && r.Name == resolver);
        resolve.ShouldNotBeNull();
        // The small entry assembly, so a clean native hit never loads the runtime assembly (docs/abi.md).
        ((MethodReference)resolve.Operand).DeclaringType.FullName.ShouldBe("NumbaWeaver.Entry.FirstCall");
        // Nothing else in the stub names the runtime assembly: its JIT would load it before the first call could be served.
        // Only a kernel that returns a new array asks the runtime for it (Allocations.Returned).
        body.Where(i => i.Operand is MemberReference m && m.DeclaringType?.Scope.Name == "NumbaWeaver")
            .Select(i => ((MemberReference)i.Operand).Name)
            .ShouldAllBe(name => name == "Returned");
        if (!method.HasGenericParameters)
        {
            var flags = resolve.Previous;
            var fingerprint = flags.Previous;
            var name = fingerprint.Previous;
            name.OpCode.ShouldBe(OpCodes.Ldstr);
            fingerprint.OpCode.ShouldBe(OpCodes.Ldstr);
            var resource = (EmbeddedResource)method.Module.Resources.Single(r => r.Name == IrIndex.ResourceName);
            var index = IrIndex.Parse(System.Text.Encoding.UTF8.GetString(resource.GetResourceData()))!;
            index.TryGet((string)name.Operand, out var line).ShouldBeTrue();
            // Cecil's display name of the woven assembly, which the native hit path takes for Assembly.FullName.
            name.Previous.OpCode.ShouldBe(OpCodes.Ldstr);
            ((string)name.Previous.Operand).ShouldBe(method.Module.Assembly.FullName);
            ((string)fingerprint.Operand).ShouldBe(line.Fingerprint);
            LoadedInt32(flags).ShouldBe((int)line.Flags);
        }
        var calli = body.SingleOrDefault(i => i.OpCode == OpCodes.Calli);
        calli.ShouldNotBeNull();
        // Loop-free, call-free entries skip the GC transition (BoundedCalls): unmanaged[Cdecl, SuppressGCTransition].
        var site = (CallSite)calli.Operand;
        var bounded = site.ReturnType.FullName.Contains("CallConvSuppressGCTransition");
        if (bounded)
        {
            site.CallingConvention.ShouldBe((MethodCallingConvention)9);
            site.ReturnType.FullName.ShouldContain("CallConvCdecl");
        }
        else
        {
            site.CallingConvention.ShouldBe(MethodCallingConvention.C);
        }
        // The stub's IR name (the ldstr after the owner's ldtoken and the assembly's name) names a function of the resource.
        var ownerToken = body.First(i => i.OpCode == OpCodes.Ldtoken && i.Operand is TypeReference t && t.FullName == method.DeclaringType.FullName);
        ownerToken.Next.OpCode.ShouldBe(OpCodes.Ldstr);
        ((string)ownerToken.Next.Operand).ShouldBe(method.Module.Assembly.FullName);
        var nameLoad = ownerToken.Next.Next;
        nameLoad.OpCode.ShouldBe(OpCodes.Ldstr);
        var irName = (string)nameLoad.Operand;
        ParsedNames.ShouldContain(irName);
        if (method.HasGenericParameters)
        {
            // Generic stubs pass the instance lines the weaver listed for this method (docs/abi.md, "Generic methods").
            nameLoad.Next.OpCode.ShouldBe(OpCodes.Ldstr);
            var listed = GenericInstances.Parse((string)nameLoad.Next.Operand);
            listed.ShouldAllBe(instance => instance.Function == irName);
        }
        body.ShouldContain(i => i.OpCode == OpCodes.Call && ((MethodReference)i.Operand).Name == "<" + method.Name + ">nj_original",
            "the stub falls back to the twin");
    }

    private static readonly HashSet<string> ParsedNames = ParsedResource().Functions.Select(f => f.Name).ToHashSet();

    [Theory]
    [InlineData("AddInts", true)]
    [InlineData("Dot", false)]
    public void Only_loop_free_entries_skip_the_gc_transition(string name, bool expectBounded)
    {
        var method = Module.Types.Single(t => t.Name == "Basic").Methods.Single(m => m.Name == name);
        var site = (CallSite)method.Body.Instructions.Single(i => i.OpCode == OpCodes.Calli).Operand;
        site.ReturnType.FullName.Contains("CallConvSuppressGCTransition").ShouldBe(expectBounded);
    }

    /// <summary>The constant an <c>ldc.i4</c> instruction (any of its short forms) pushes.</summary>
    private static int LoadedInt32(Mono.Cecil.Cil.Instruction i)
    {
        if (i.OpCode == OpCodes.Ldc_I4) return (int)i.Operand;
        if (i.OpCode == OpCodes.Ldc_I4_S) return (sbyte)i.Operand;
        if (i.OpCode == OpCodes.Ldc_I4_M1) return -1;
        OpCode[] small = [OpCodes.Ldc_I4_0, OpCodes.Ldc_I4_1, OpCodes.Ldc_I4_2, OpCodes.Ldc_I4_3, OpCodes.Ldc_I4_4,
            OpCodes.Ldc_I4_5, OpCodes.Ldc_I4_6, OpCodes.Ldc_I4_7, OpCodes.Ldc_I4_8];
        int value = System.Array.IndexOf(small, i.OpCode);
        value.ShouldBeGreaterThanOrEqualTo(0, $"{i} is not an ldc.i4");
        return value;
    }
    [Fact]
    public void Stubs_keep_the_static_arrays_their_code_reads_reflectable_for_trimming_and_NativeAOT()
    {
        var ir = ParsedResource();
        int marked = 0;
        foreach (var method in NjitDefinitions().Where(m => !m.HasGenericParameters))
        {
            if (ir.Find(weaver::NumbaWeaver.Weaving.Frontend.ModuleTranslator.FunctionName(method)) is not { } entry) continue;
            var read = ir.CallClosure(entry).SelectMany(f => f.Body).Where(i => i.Op == Opcode.LdStatic).Select(i => i.Name!.Split('|')[2]).ToHashSet();
            var kept = method.CustomAttributes.Where(a => a.AttributeType.FullName == "System.Diagnostics.CodeAnalysis.DynamicDependencyAttribute")
                .Select(a => ((string)a.ConstructorArguments[0].Value, (TypeReference)a.ConstructorArguments[1].Value)).ToList();
            kept.Select(k => k.Item1).ToHashSet().ShouldBe(read, ignoreOrder: true, $"{method.FullName} reads {string.Join(", ", read)}");
            foreach (var (field, owner) in kept)
                owner.Resolve().Fields.ShouldContain(f => f.Name == field && f.IsStatic, $"{method.FullName}: {owner.FullName}.{field}");
            marked += kept.Count;
        }
        marked.ShouldBeGreaterThan(0, "no stub reads a static array: the fixture lost its LanguageStatics kernels");
    }
}
