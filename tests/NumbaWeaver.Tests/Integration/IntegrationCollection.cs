// Integration tests run `dotnet build` on shared project references: they must not run in parallel.
using Xunit;

namespace NumbaWeaver.Tests.Integration;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IntegrationCollection
{
    public const string Name = "dotnet builds";
}
