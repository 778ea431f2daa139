// The woven IR index: one line per [Njit] entry whose fingerprint equals what the runtime computes from the parsed IR.
using System.IO;
using System.Linq;
using Mono.Cecil;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Weaver;

public class IrIndexTests
{
    private static readonly ModuleDefinition Module = ModuleDefinition.ReadModule(typeof(Kernels.Fixture.Basic).Assembly.Location);

    private static string Resource(string name)
    {
        var resource = Module.Resources.OfType<EmbeddedResource>().SingleOrDefault(r => r.Name == name);
        resource.ShouldNotBeNull($"the woven fixture has no resource {name}");
        using var reader = new StreamReader(resource.GetResourceStream());
        return reader.ReadToEnd();
    }

    [Fact]
    public void Every_entry_is_indexed_with_the_fingerprint_and_flags_the_runtime_would_compute()
    {
        var module = IrParser.ParseModule(Resource(IrModule.ResourceName));
        var index = IrIndex.Parse(Resource(IrIndex.ResourceName));
        index.ShouldNotBeNull("the index resource does not parse");
        var entries = module.Functions.Where(f => f.Has(FunctionFlags.Entry)).ToList(); // generic ones too, for other assemblies
        entries.ShouldContain(f => f.IsGeneric);
        entries.Count.ShouldBeGreaterThan(200);
        index.Entries.Count().ShouldBe(entries.Count);
        foreach (var entry in entries)
        {
            index.TryGet(entry.Name, out var indexed).ShouldBeTrue(entry.Name);
            indexed.Fingerprint.ShouldBe(IrIndex.Fingerprint(module, entry), entry.Name);
            indexed.Flags.ShouldBe(entry.Flags, entry.Name);
        }
    }

    [Fact]
    public void A_callee_change_changes_the_callers_fingerprint_only()
    {
        var module = IrParser.ParseModule(Resource(IrModule.ResourceName));
        var caller = module.Functions.First(f => f.Has(FunctionFlags.Entry) && module.CallClosure(f).Count > 1);
        var callee = module.CallClosure(caller)[1];
        var unrelated = module.Functions.First(f => f.Has(FunctionFlags.Entry) && !module.CallClosure(f).Contains(callee));
        string callerBefore = IrIndex.Fingerprint(module, caller), unrelatedBefore = IrIndex.Fingerprint(module, unrelated);

        callee.Body.Insert(0, new Instruction(Opcode.Nop));

        IrIndex.Fingerprint(module, caller).ShouldNotBe(callerBefore);
        IrIndex.Fingerprint(module, unrelated).ShouldBe(unrelatedBefore);
    }

    [Fact]
    public void Text_that_is_not_an_index_is_refused()
    {
        IrIndex.Parse("nwir 1\n").ShouldBeNull();
        IrIndex.Parse("nwindex 1\nnot-a-fingerprint 1 T::M\n").ShouldBeNull();
        IrIndex.Parse(IrIndex.Build(new IrModule()).Print())!.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void Find_reads_the_one_line_of_a_name_as_Parse_reads_it()
    {
        string text = Resource(IrIndex.ResourceName);
        var index = IrIndex.Parse(text)!;
        foreach (var entry in index.Entries)
        {
            var found = IrIndex.Find(text, entry.Name);
            found.ShouldNotBeNull(entry.Name);
            found.Name.ShouldBe(entry.Name);
            found.Fingerprint.ShouldBe(entry.Fingerprint, entry.Name);
            found.Flags.ShouldBe(entry.Flags, entry.Name);
            found.ForeignCallees.ShouldBe(entry.ForeignCallees, entry.Name);
        }
        // Only the whole name matches, not one that begins or ends like it.
        string name = index.Entries.First().Name;
        IrIndex.Find(text, name + "x").ShouldBeNull();
        IrIndex.Find(text, name[..^1]).ShouldBeNull();
        IrIndex.Find("nwir 1\n", name).ShouldBeNull();

        // A line with the callees of other assemblies after its name.
        string fingerprint = new('a', 64);
        string line = $"{fingerprint} 5 K::F(i32)\t[Lib]L::G(i32)\t[Lib]L::H(i32)";
        string withCallees = "nwindex 1\n" + line + "\n" + new string('b', 64) + " 1 K::F(i32)x\n";
        var f = IrIndex.Find(withCallees, "K::F(i32)");
        f.ShouldNotBeNull();
        f.Fingerprint.ShouldBe(fingerprint);
        ((int)f.Flags).ShouldBe(5);
        f.ForeignCallees.ShouldBe(["[Lib]L::G(i32)", "[Lib]L::H(i32)"]);
        IrIndex.Find(withCallees, "K::F(i32)x")!.Fingerprint.ShouldBe(new string('b', 64));
        IrIndex.Find(withCallees, "[Lib]L::G(i32)").ShouldBeNull(); // a callee is not an entry of this index
    }

    [Fact]
    public void The_woven_assembly_returns_its_index_text_from_a_public_accessor_for_other_assemblies_stubs()
    {
        var type = Module.GetType(IrIndex.AccessorType);
        type.ShouldNotBeNull();
        type.IsPublic.ShouldBeTrue();
        var text = type.Methods.ShouldHaveSingleItem();
        (text.Name, text.IsStatic, text.IsPublic, text.Parameters.Count, text.ReturnType.FullName)
            .ShouldBe((IrIndex.AccessorMethod, true, true, 0, "System.String"));
        // Run it: the fixture assembly is loaded in this process.
        var accessor = typeof(Kernels.Fixture.Basic).Assembly.GetType(IrIndex.AccessorType)!.GetMethod(IrIndex.AccessorMethod)!;
        accessor.Invoke(null, null).ShouldBe(Resource(IrIndex.ResourceName));
    }
}
