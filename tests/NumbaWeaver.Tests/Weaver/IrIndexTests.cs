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
}
