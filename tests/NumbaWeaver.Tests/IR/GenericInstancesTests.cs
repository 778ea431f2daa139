// The weaver's list of generic instantiations survives printing and parsing, names with commas included, and the
// fingerprint it records is the one the runtime would compute by closing the IR.
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.IR;

public class GenericInstancesTests
{
    [Fact]
    public void Instance_keys_from_type_handles_are_the_keys_from_ir_types()
    {
        // The native hit path finds a listed instance from the stub's type handles without IrType (GenericArguments.InstanceKey).
        var types = new[] { typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double) };
        var handles = System.Array.ConvertAll(types, t => t.TypeHandle);
        var irTypes = NumbaWeaver.Dispatch.GenericArguments.ToIr(handles);
        for (int i = 0; i < types.Length; i++)
            NumbaWeaver.Dispatch.GenericArguments.InstanceKey("K::F<T0>(T0)", [handles[i]]).ShouldBe(GenericInstance.KeyOf("K::F<T0>(T0)", [irTypes[i]]));
        NumbaWeaver.Dispatch.GenericArguments.InstanceKey("K::P<T0,T1>(T0,T1)", [handles[4], handles[9]])
            .ShouldBe(GenericInstance.KeyOf("K::P<T0,T1>(T0,T1)", [IrType.I32, IrType.F64]));
        NumbaWeaver.Dispatch.GenericArguments.InstanceKey("K::F<T0>(T0)", [typeof(decimal).TypeHandle]).ShouldBeNull();
        // The line found through such a key is the instance Find returns.
        var instance = new GenericInstance("K::F<T0>(T0)", [IrType.F32]) { InstanceName = "K::F<f32>(f32)", Flags = FunctionFlags.Entry, Fingerprint = "ab" };
        string text = GenericInstances.Print([instance]);
        var line = GenericInstances.FindLine(text, NumbaWeaver.Dispatch.GenericArguments.InstanceKey("K::F<T0>(T0)", [handles[8]])!)!;
        line.Name.ShouldBe("K::F<f32>(f32)");
        line.Fingerprint.ShouldBe("ab");
        line.Flags.ShouldBe(FunctionFlags.Entry);
    }

    [Fact]
    public void Instances_round_trip()
    {
        var instances = new[]
        {
            new GenericInstance("K::Sum<T0>(rospan<T0>)", [IrType.F64]),
            new GenericInstance("K::Pair<T0,T1>(T0[],T1[],i32)", [IrType.I32, IrType.U8]),
        };
        var parsed = GenericInstances.Parse(GenericInstances.Print(instances));
        parsed.Count.ShouldBe(2);
        for (int i = 0; i < 2; i++)
        {
            parsed[i].Function.ShouldBe(instances[i].Function);
            parsed[i].TypeArguments.ShouldBe(instances[i].TypeArguments);
        }
        GenericInstances.Parse("").ShouldBeEmpty();
        Should.Throw<System.FormatException>(() => GenericInstances.Parse("no tab here\n"));
    }

    [Fact]
    public void Find_reads_the_one_line_a_stub_carries_for_its_type_arguments()
    {
        var f64 = new GenericInstance("K::Sum<T0>(rospan<T0>)", [IrType.F64])
        {
            InstanceName = "K::Sum<f64>(rospan<f64>)", Flags = FunctionFlags.Entry | FunctionFlags.Cache, Fingerprint = "ab12",
        };
        var i32 = new GenericInstance("K::Sum<T0>(rospan<T0>)", [IrType.I32])
        {
            InstanceName = "K::Sum<i32>(rospan<i32>)", Flags = FunctionFlags.Entry, Fingerprint = "cd34",
        };
        string lines = GenericInstances.Print([f64, i32]) + "K::Sum<T0>(rospan<T0>)\ti64\n"; // a line without fingerprint
        var found = GenericInstances.Find(lines, f64.Function, [IrType.I32]);
        found.ShouldNotBeNull();
        found.InstanceName.ShouldBe(i32.InstanceName);
        found.Flags.ShouldBe(i32.Flags);
        found.Fingerprint.ShouldBe("cd34");
        GenericInstances.Find(lines, f64.Function, [IrType.F64])!.Fingerprint.ShouldBe("ab12");
        GenericInstances.Find(lines, f64.Function, [IrType.I64]).ShouldBeNull(); // listed without a fingerprint: not usable here
        GenericInstances.Find(lines, f64.Function, [IrType.U8]).ShouldBeNull();
        GenericInstances.Find(lines, "K::Other<T0>(T0[])", [IrType.F64]).ShouldBeNull();
        GenericInstances.Find("", f64.Function, [IrType.F64]).ShouldBeNull();
    }

    [Fact]
    public void Recorded_fingerprints_round_trip_and_old_lines_still_parse()
    {
        var described = new GenericInstance("K::Sum<T0>(rospan<T0>)", [IrType.F64])
        {
            InstanceName = "K::Sum<f64>(rospan<f64>)", Flags = FunctionFlags.Entry | FunctionFlags.Cache, Fingerprint = "ab12",
        };
        var parsed = GenericInstances.Parse(GenericInstances.Print([described]) + "K::Old<T0>(T0[])\ti64\n");
        parsed.Count.ShouldBe(2);
        parsed[0].InstanceName.ShouldBe(described.InstanceName);
        parsed[0].Flags.ShouldBe(described.Flags);
        parsed[0].Fingerprint.ShouldBe("ab12");
        parsed[0].Key.ShouldBe(GenericInstance.KeyOf("K::Sum<T0>(rospan<T0>)", [IrType.F64]));
        parsed[1].Fingerprint.ShouldBeNull(); // listed before fingerprints were recorded: the runtime closes the IR itself
        Should.Throw<System.FormatException>(() => GenericInstances.Parse("f\ti32\tname\tnot-a-number\tab\n"));
    }

    [Fact]
    public void Describe_records_what_closing_the_IR_gives()
    {
        const string text = """
            nwir 1
            func "K::Twice<T0>(T0)" -> T0 entry
              generic 1
              param T0 x
              0: ldarg i=0
              1: ldarg i=0
              2: add t=T0
              3: ret t=T0
            end
            """;
        var module = IrParser.ParseModule(text.Replace("nwir 1", "nwir " + IrModule.FormatVersion));
        var described = GenericInstances.Describe(module, "K::Twice<T0>(T0)", [IrType.I32]);
        var closed = GenericInstantiation.Close(module, "K::Twice<T0>(T0)", [IrType.I32], out string name);
        described.InstanceName.ShouldBe(name);
        described.Fingerprint.ShouldBe(IrIndex.Fingerprint(closed, closed.Find(name)!));
        described.Flags.ShouldBe(FunctionFlags.Entry);
        described.ForeignCallees.ShouldBeEmpty(); // it calls nothing of another assembly
        // A type argument the IR cannot be closed over is listed without a fingerprint, not an error at build time.
        GenericInstances.Describe(module, "K::Twice<T0>(T0)", [IrType.Bool]).Fingerprint.ShouldBeNull();
    }

    [Fact]
    public void An_instance_that_calls_other_assemblies_lists_them_as_an_index_line_does()
    {
        const string text = """
            nwir 1
            func "K::Scaled<T0>(T0[],f64[])" -> T0 entry,callsotherassemblies
              generic 1
              param T0[] x
              param f64[] w
              0: ldarg
              1: const t=i32
              2: ldelem t2=T0[]
              3: ldarg i=1
              4: const t=i32
              5: call n="[Lib]Lib.F::Smooth(f64[],i32)"
              6: genericmath t=T0 t2=f64 n="CreateTruncating"
              7: genericmath t=T0 n="op_Multiply"
              8: ret t=T0
            end
            """;
        var module = IrParser.ParseModule(text.Replace("nwir 1", "nwir " + IrModule.FormatVersion));
        var described = GenericInstances.Describe(module, "K::Scaled<T0>(T0[],f64[])", [IrType.F32]);
        described.Fingerprint.ShouldNotBeNull();
        described.ForeignCallees.ShouldBe(["[Lib]Lib.F::Smooth(f64[],i32)"]);

        // The callees survive the resource's lines and the lines a stub carries.
        string printed = GenericInstances.Print([described]);
        printed.ShouldEndWith("\t[Lib]Lib.F::Smooth(f64[],i32)\n");
        var parsed = GenericInstances.Parse(printed).ShouldHaveSingleItem();
        parsed.ForeignCallees.ShouldBe(described.ForeignCallees);
        parsed.Fingerprint.ShouldBe(described.Fingerprint);
        var found = GenericInstances.Find(printed, described.Function, [IrType.F32]).ShouldNotBeNull();
        found.ForeignCallees.ShouldBe(described.ForeignCallees);
        found.Flags.ShouldBe(described.Flags);

        // As an index line, it keys like an ordinary caller of that assembly: the callee's fingerprint as loaded now counts.
        var line = found.AsIndexEntry();
        line.Name.ShouldBe(described.InstanceName);
        line.Fingerprint.ShouldBe(described.Fingerprint);
        IrIndexEntry Callee(string fingerprint) => new("Lib.F::Smooth(f64[],i32)", FunctionFlags.Entry, fingerprint);
        string before = ForeignCalls.KeyFingerprint(line, (_, _) => Callee(new string('1', 64)));
        ForeignCalls.KeyFingerprint(line, (_, _) => Callee(new string('1', 64))).ShouldBe(before);
        ForeignCalls.KeyFingerprint(line, (_, _) => Callee(new string('2', 64))).ShouldNotBe(before);

        // A line woven before instances listed their callees parses with none (the runtime then links the IR to key it).
        GenericInstances.Parse(printed.Replace("\t[Lib]Lib.F::Smooth(f64[],i32)", "")).ShouldHaveSingleItem().ForeignCallees.ShouldBeEmpty();
    }
}
