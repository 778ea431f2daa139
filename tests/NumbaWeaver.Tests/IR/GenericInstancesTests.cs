// The weaver's list of generic instantiations survives printing and parsing, names with commas included.
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.IR;

public class GenericInstancesTests
{
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
}
