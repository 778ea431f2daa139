// Weaver tests on the woven fixture assembly: every [Njit] method has a twin, an entry field, a calli stub, and IR that parses and verifies.
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
            IrVerifier.Verify(f, module).ShouldBeEmpty(f.Name);
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
        var field = method.DeclaringType.Fields.SingleOrDefault(f => f.Name.StartsWith("<" + method.Name + ">nj_entry_", System.StringComparison.Ordinal));
        field.ShouldNotBeNull();
        field.IsStatic.ShouldBeTrue();
        field.FieldType.FullName.ShouldBe("System.IntPtr");
        body.ShouldContain(i => i.OpCode == OpCodes.Ldsfld && ((FieldReference)i.Operand).Name == field.Name);
        body.ShouldContain(i => i.OpCode == OpCodes.Stsfld && ((FieldReference)i.Operand).Name == field.Name);
        var resolve = body.SingleOrDefault(i => i.OpCode == OpCodes.Call && i.Operand is MethodReference r && r.Name == "Resolve");
        resolve.ShouldNotBeNull();
        ((MethodReference)resolve.Operand).DeclaringType.FullName.ShouldBe("NumbaWeaver.Dispatch.Dispatcher");
        var calli = body.SingleOrDefault(i => i.OpCode == OpCodes.Calli);
        calli.ShouldNotBeNull();
        ((CallSite)calli.Operand).CallingConvention.ShouldBe(MethodCallingConvention.C);
        // The stub's IR name (ldstr before Resolve) names a function of the resource.
        var irName = (string)resolve.Previous.Operand;
        ParsedNames.ShouldContain(irName);
        body.ShouldContain(i => i.OpCode == OpCodes.Call && ((MethodReference)i.Operand).Name == "<" + method.Name + ">nj_original",
            "the stub falls back to the twin");
    }

    private static readonly HashSet<string> ParsedNames = ParsedResource().Functions.Select(f => f.Name).ToHashSet();
}
