// Registers the runtime's managed path with the stubs' entry assembly, which cannot reference this one.
using System.Runtime.CompilerServices;
using NumbaWeaver.Cache;
using NumbaWeaver.Entry;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// Stubs call <see cref="FirstCall"/> in NumbaWeaver.Entry, which serves a clean precompiled or cached hit without this
/// assembly. For everything else it needs this assembly's dispatcher: when it loads this assembly, the module
/// initializer below hands it the entry points (<see cref="RuntimeLink"/>).
/// </summary>
internal static unsafe class EntryLink
{
    // A library's module initializer runs before any of its code, whoever loads it: here that is the point, and all it
    // does is store five function pointers.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => RuntimeLink.Register(new RuntimeLink.Links
    {
        Indexed = &Dispatcher.ResolveIndexedManaged,
        WithIndexes = &Dispatcher.ResolveWithIndexesAfterNative,
        Listed = &Dispatcher.ResolveListedAfterNative,
        Exception = &StatusThrower.Create,
        RuntimeSymbols = &NativeHit.RuntimeSymbols,
    });
}
