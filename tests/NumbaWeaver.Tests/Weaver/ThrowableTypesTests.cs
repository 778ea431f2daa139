// The exception types the weaver lets compiled code throw are the ones the runtime can build without reflection by name.
extern alias weaver;

using System.Collections.Generic;
using System.Reflection;
using NumbaWeaver.Dispatch;
using NumbaWeaver.IR;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Weaver;

public class ThrowableTypesTests
{
    /// <summary>
    /// The runtime names each type in code (RaisedExceptions.ThrowableType) so trimmed and NativeAOT apps keep their
    /// constructors; a type added to the weaver's list and not there would fail only when a kernel throws it.
    /// </summary>
    [Fact]
    public void Every_exception_type_the_weaver_accepts_is_built_by_the_runtime()
    {
        var field = typeof(weaver::NumbaWeaver.Weaving.Frontend.MethodTranslator).GetField("ThrowableExceptions", BindingFlags.NonPublic | BindingFlags.Static);
        field.ShouldNotBeNull("the weaver's list of exception types moved");
        var names = (HashSet<string>)field.GetValue(null)!;
        names.Count.ShouldBeGreaterThan(10);
        foreach (string name in names)
        {
            var exception = RaisedExceptions.Create(new ThrowDescriptor(name, [], ["text {0}"]), [42]);
            exception.GetType().FullName.ShouldBe(name);
            exception.Message.ShouldContain("42");
        }
    }
}
