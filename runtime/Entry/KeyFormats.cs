// The format versions every cache and precompiled key starts with.
namespace NumbaWeaver.Entry;

/// <summary>
/// Here, in the assembly stubs call first, because the native hit path writes them into the key before the runtime is
/// loaded; the runtime's <c>CacheKey.KeyFormat</c> and <c>IrModule.FormatVersion</c> are these constants.
/// </summary>
internal static class KeyFormats
{
    /// <summary>Bumped when the key text or the object-code conventions change.</summary>
    public const int Key = 2;

    /// <summary>The IR text format (what the weaver writes, the runtime parses and the key hashes).</summary>
    public const int Ir = 1;

    /// <summary>How both kinds of target end in the key text: our own build (<see cref="BuildIdentity"/>).</summary>
    public const string OurBuild = " runtime " + BuildIdentity.Sources;
}
