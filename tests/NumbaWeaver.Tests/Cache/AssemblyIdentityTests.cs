// Assembly names and versions read from the display name agree with AssemblyName's.
using NumbaWeaver.Cache;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Cache;

public class AssemblyIdentityTests
{
    [Fact]
    public void Assembly_identity_matches_AssemblyName()
    {
        foreach (var assembly in new[] { typeof(AssemblyIdentityTests).Assembly, typeof(CacheKey).Assembly, typeof(object).Assembly })
        {
            var name = assembly.GetName();
            AssemblyIdentity.SimpleName(assembly).ShouldBe(name.Name);
            AssemblyIdentity.Version(assembly).ShouldBe(name.Version!.ToString());
            AssemblyIdentity.FullName(assembly).ShouldBe(name.FullName);
        }
    }
}
