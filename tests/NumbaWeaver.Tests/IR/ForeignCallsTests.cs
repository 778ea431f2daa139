// Linking calls into other assemblies' IR: names, the closure that is copied in, fingerprints, errors, and running the result.
using System;
using System.Linq;
using NumbaWeaver.Backend;
using NumbaWeaver.Compiler;
using NumbaWeaver.IR;
using NumbaWeaver.Llvm;
using Shouldly;
using Xunit;
using static NumbaWeaver.Tests.Backend.BackendHarness;

namespace NumbaWeaver.Tests.IR;

public class ForeignCallsTests
{
    // The caller's assembly: Outer(a) = Lib's F(a) + 1. '$' makes names unique per test (one JIT for all tests).
    private static readonly string Outer = Func("T$::Outer(i32)", "i32", "entry,callsotherassemblies", ["param i32 a"],
        "ldarg", "call n=\"[Lib$]L::F(i32)\"", "const t=i32 i=1", "add t=i32", "ret");

    // The library: F(a) = G(a) * 3, G(a) = a + k; Unrelated is not reached.
    private static string F() => Func("L::F(i32)", "i32", "entry", ["param i32 a"], "ldarg", "call n=\"L::G(i32)\"", "const t=i32 i=3", "mul t=i32", "ret");

    private static string G(int k) => Func("L::G(i32)", "i32", "", ["param i32 a"], "ldarg", $"const t=i32 i={k}", "add t=i32", "ret");

    private static string Unrelated(int k) => Func("L::Unrelated(i32)", "i32", "", ["param i32 a"], "ldarg", $"const t=i32 i={k}", "sub t=i32", "ret");

    private static int s_tags;

    // The caller's module alone does not verify (its callee is elsewhere), so it is parsed without BackendHarness.Parse.
    private static (IrModule App, string Tag) ParseApp()
    {
        string tag = "x" + System.Threading.Interlocked.Increment(ref s_tags).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (IrParser.ParseModule("nwir 1\n" + Outer.Replace("$", tag, StringComparison.Ordinal)), tag);
    }

    private static (IrModule Linked, string Root, string Library) Link(int k = 2)
    {
        var (app, tag) = ParseApp();
        var library = IrParser.ParseModule("nwir 1\n" + F() + G(k) + Unrelated(1));
        string root = "T" + tag + "::Outer(i32)";
        return (ForeignCalls.Link(app, root, name => name == "Lib" + tag ? library : null), root, "Lib" + tag);
    }

    // Lowers, optimises and links root's module with the shared JIT; the address of its entry.
    private static nint CompileAndLookup(IrModule module, string root)
    {
        var jit = NativeJit.Instance;
        lock (jit.SyncRoot)
        {
            var llvm = ModuleLowering.Lower(jit.Context, module, module.Find(root)!, new LoweringOptions());
            Optimizer.Run(llvm, jit.TargetMachine, 3);
            return jit.AddModuleAndLookup(llvm, NativeSymbols.For(root));
        }
    }

    [Fact]
    public void Qualified_names_split_back_into_assembly_and_function()
    {
        string name = ForeignCalls.Qualify("Lib", "L::F(i32)");
        name.ShouldBe("[Lib]L::F(i32)");
        ForeignCalls.TrySplit(name, out string assembly, out string function).ShouldBeTrue();
        (assembly, function).ShouldBe(("Lib", "L::F(i32)"));
        ForeignCalls.TrySplit("L::F(i32)", out _, out _).ShouldBeFalse();
        ForeignCalls.TrySplit("[]L::F(i32)", out _, out _).ShouldBeFalse();
        ForeignCalls.TrySplit("[Lib]", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void The_linked_closure_holds_the_callees_of_the_library_renamed_into_its_namespace()
    {
        var (linked, root, lib) = Link();
        linked.Functions.Select(f => f.Name).ShouldBe([root, $"[{lib}]L::F(i32)", $"[{lib}]L::G(i32)"], ignoreOrder: true);
        var f = linked.Find($"[{lib}]L::F(i32)")!;
        f.Body.Single(i => i.Op == Opcode.Call).Name.ShouldBe($"[{lib}]L::G(i32)");
        f.Has(FunctionFlags.Entry).ShouldBeFalse(); // the library's entry is an ordinary callee here
        IrVerifier.Verify(linked).ShouldBeEmpty();
    }

    [Fact]
    public void The_fingerprint_follows_the_library_code_the_caller_reaches_and_nothing_else()
    {
        var (app, tag) = ParseApp();
        string root = "T" + tag + "::Outer(i32)";
        string With(int k, int unrelated)
        {
            var library = IrParser.ParseModule("nwir 1\n" + F() + G(k) + Unrelated(unrelated));
            var linked = ForeignCalls.Link(app, root, _ => library);
            return IrIndex.Fingerprint(linked, linked.Find(root)!);
        }
        With(2, 1).ShouldBe(With(2, 1));
        With(2, 1).ShouldNotBe(With(5, 1)); // a private helper of the library changed
        With(2, 1).ShouldBe(With(2, 7)); // a library function the caller never reaches changed
    }

    [Fact]
    public void A_missing_assembly_or_function_is_an_error_that_says_what_to_do()
    {
        var (app, tag) = ParseApp();
        string root = "T" + tag + "::Outer(i32)";
        Should.Throw<InvalidOperationException>(() => ForeignCalls.Link(app, root, _ => null))
            .Message.ShouldContain("carries no NumbaWeaver IR");
        var withoutF = IrParser.ParseModule("nwir 1\n" + G(2));
        Should.Throw<InvalidOperationException>(() => ForeignCalls.Link(app, root, _ => withoutF))
            .Message.ShouldContain("rebuild the caller");
    }

    [Fact]
    public void Index_lines_and_stub_arguments_carry_the_callees_of_other_assemblies()
    {
        var (app, tag) = ParseApp();
        var index = IrIndex.Build(app);
        string root = "T" + tag + "::Outer(i32)";
        index.TryGet(root, out var line).ShouldBeTrue();
        line.ForeignCallees.ShouldBe([$"[Lib{tag}]L::F(i32)"]);
        IrIndex.Parse(index.Print())!.TryGet(root, out var parsed).ShouldBeTrue();
        (parsed.Fingerprint, parsed.Flags).ShouldBe((line.Fingerprint, line.Flags));
        parsed.ForeignCallees.ShouldBe(line.ForeignCallees);
        var carried = IrIndexEntry.FromStub(root, line.Flags, line.Fingerprint + "\t" + line.ForeignCallees[0]);
        carried.Fingerprint.ShouldBe(line.Fingerprint);
        carried.ForeignCallees.ShouldBe(line.ForeignCallees);
        IrIndexEntry.FromStub(root, FunctionFlags.Entry, line.Fingerprint).ForeignCallees.ShouldBeEmpty();
    }

    [Fact]
    public void The_key_fingerprint_follows_the_callees_index_lines_through_further_assemblies()
    {
        string Hex(char c) => new(c, 64);
        var caller = new IrIndexEntry("T::Outer(i32)", FunctionFlags.Entry | FunctionFlags.CallsOtherAssemblies, Hex('a'), ["[Lib]L::F(i32)"]);
        IrIndexEntry Library(char fingerprint) => new("L::F(i32)", FunctionFlags.Entry | FunctionFlags.CallsOtherAssemblies,
            Hex(fingerprint), ["[Third]Z::H(i32)"]);
        string Key(char libraryFingerprint, char thirdFingerprint) => ForeignCalls.KeyFingerprint(caller, (assembly, function) =>
            assembly == "Lib" && function == "L::F(i32)" ? Library(libraryFingerprint)
            : assembly == "Third" && function == "Z::H(i32)" ? new IrIndexEntry(function, FunctionFlags.Entry, Hex(thirdFingerprint))
            : null);
        Key('b', 'c').ShouldBe(Key('b', 'c'));
        Key('b', 'c').ShouldNotBe(Key('d', 'c')); // the library's code changed
        Key('b', 'c').ShouldNotBe(Key('b', 'e')); // the assembly the library calls changed
        Key('b', 'c').ShouldNotBe(caller.Fingerprint);
        Should.Throw<InvalidOperationException>(() => ForeignCalls.KeyFingerprint(caller, (_, _) => null)).Message.ShouldContain("rebuild the caller");
    }

    [Fact]
    public unsafe void The_linked_module_compiles_and_runs_the_library_code()
    {
        var (linked, root, _) = Link(k: 2);
        var outer = (delegate* unmanaged<int*, int, int>)CompileAndLookup(linked, root);
        foreach (int a in new[] { 0, 5, -9, int.MaxValue / 4 })
        {
            int result;
            outer(&result, a).ShouldBe(0);
            result.ShouldBe(unchecked((a + 2) * 3 + 1));
        }
    }

    // A generic library function and its private generic helper: Twice<T>(a) = H<T>(a) + a, H<T>(a) = a added k times.
    private static string GenericLibrary(int k)
    {
        string[] adds = Enumerable.Range(0, k - 1).SelectMany(_ => new[] { "ldarg", "genericmath t=T0 n=\"op_Addition\"" }).ToArray();
        return Func("L::Twice<T0>(T0)", "T0", "entry", ["generic 1", "param T0 a"],
                   "ldarg", "call t=T0 n=\"L::H<T0>(T0)\"", "ldarg", "genericmath t=T0 n=\"op_Addition\"", "ret t=T0")
               + Func("L::H<T0>(T0)", "T0", "", ["generic 1", "param T0 a"], ["ldarg", .. adds, "ret t=T0"]);
    }

    [Fact]
    public unsafe void A_generic_callee_is_linked_with_its_generic_helpers_and_instantiated_in_the_caller()
    {
        string tag = "g" + System.Threading.Interlocked.Increment(ref s_tags).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string root = "T" + tag + "::UsesTwice(i32)", lib = "Lib" + tag;
        var app = IrParser.ParseModule("nwir 1\n" + Func(root, "i32", "entry,callsotherassemblies", ["param i32 a"],
            "ldarg", $"call t=i32 n=\"[{lib}]L::Twice<T0>(T0)\"", "ret"));
        IrModule Library(int k) => IrParser.ParseModule("nwir 1\n" + GenericLibrary(k));
        IrModule Closed(int k) => GenericInstantiation.Close(ForeignCalls.Link(app, root, name => name == lib ? Library(k) : null), root, [], out _);

        var closed = Closed(3);
        closed.Functions.Select(f => f.Name).ShouldBe([root, $"[{lib}]L::Twice<i32>(i32)", $"[{lib}]L::H<i32>(i32)"], ignoreOrder: true);
        IrVerifier.Verify(closed).ShouldBeEmpty();
        IrIndex.Fingerprint(Closed(3), Closed(3).Find(root)!).ShouldNotBe(IrIndex.Fingerprint(Closed(4), Closed(4).Find(root)!));

        // The library's index lists the generic entry (fingerprint of its generic closure), so the caller's key
        // follows the generic helper without linking.
        IrIndexEntry? EntryOf(int k) => IrIndex.Build(Library(k)).TryGet("L::Twice<T0>(T0)", out var e) ? e : null;
        EntryOf(3).ShouldNotBeNull();
        var line = new IrIndexEntry(root, FunctionFlags.Entry | FunctionFlags.CallsOtherAssemblies, new string('0', 64), [$"[{lib}]L::Twice<T0>(T0)"]);
        ForeignCalls.KeyFingerprint(line, (_, _) => EntryOf(3)).ShouldNotBe(ForeignCalls.KeyFingerprint(line, (_, _) => EntryOf(4)));

        var usesTwice = (delegate* unmanaged<int*, int, int>)CompileAndLookup(closed, root);
        foreach (int a in new[] { 0, 7, -4, 1 << 20 })
        {
            int result;
            usesTwice(&result, a).ShouldBe(0);
            result.ShouldBe(unchecked(a * 4));
        }
    }
}
