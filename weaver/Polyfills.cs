// Compiler support types missing from netstandard2.0 (the weaver's target).
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
