// How this small assembly reaches the runtime assembly it cannot reference: the runtime registers its entry points here.
using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NumbaWeaver.Entry;

/// <summary>
/// The runtime (NumbaWeaver.dll) references this assembly, so this one cannot call it by name. Its module initializer
/// registers the entry points of its managed path here (<c>runtime/Dispatch/EntryLink.cs</c>); whatever the native hit
/// path does not serve loads the runtime (which runs that initializer) and calls them.
/// </summary>
internal static unsafe class RuntimeLink
{
    /// <summary>The runtime's entry points (one object, published at once).</summary>
    public sealed class Links
    {
        /// <summary>The managed path of a non-generic stub: (owner, IR name, fingerprint, flags) → entry or -1.</summary>
        public required delegate*<RuntimeTypeHandle, string, string, int, nint> Indexed { get; init; }

        /// <summary>
        /// The managed path of a stub calling other assemblies: (owner, IR name, fingerprint and callees, flags, their names
        /// and index texts as its helper returned them, or null when the helper failed to bind) → entry or -1.
        /// </summary>
        public required delegate*<RuntimeTypeHandle, string, string, int, string[]?, nint> WithIndexes { get; init; }

        /// <summary>The managed path of a generic stub: (owner, IR name, instances, type arguments, calls others) → entry or -1.</summary>
        public required delegate*<RuntimeTypeHandle, string, string, RuntimeTypeHandle[], bool, nint> Listed { get; init; }

        /// <summary>The exception for a status compiled code returned (StatusThrower.Create).</summary>
        public required delegate*<int, Exception> Exception { get; init; }

        /// <summary>The resolver the library calls for the runtime's own C entry points (numbaweaver_raise, ...).</summary>
        public required delegate*<nint> RuntimeSymbols { get; init; }
    }

    private static Links? links;

    /// <summary>Called once by the runtime's module initializer.</summary>
    public static void Register(Links runtime) => Volatile.Write(ref links, runtime);

    /// <summary>The runtime's entry points, loading the runtime assembly (and so running its initializer) the first time.</summary>
    public static Links Runtime => Volatile.Read(ref links) ?? Load();

    public static nint RuntimeSymbols() => Runtime.RuntimeSymbols();

    // Apart, and not inlined: reflection's types are loaded only when the runtime is first needed.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Links Load()
    {
        var runtime = Assembly.Load(new AssemblyName("NumbaWeaver"));
        RuntimeHelpers.RunModuleConstructor(runtime.ManifestModule.ModuleHandle);
        return Volatile.Read(ref links) ?? throw new InvalidOperationException("NumbaWeaver: the runtime assembly did not register its entry points");
    }
}
