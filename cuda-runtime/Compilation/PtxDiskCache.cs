// [CudaJit(Cache = true)]: the PTX ILGPU wrote for a kernel, kept in NumbaWeaver's disk cache so a new process skips ILGPU's compiler.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Reflection;
using System.Text;
using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using NumbaWeaver.Cache;
using NumbaWeaver.IR;

namespace NumbaWeaver.Gpu.Compilation;

/// <summary>
/// A GPU kernel's first launch in a process runs ILGPU's compiler (IL to PTX: about half a second for the
/// first kernel, ILGPU's own start included); the driver then turns PTX into machine code, and keeps that in
/// its own cache (<c>~/.nv/ComputeCache</c>). With <c>Cache = true</c> (or <c>NUMBA_CACHE=1</c>) the PTX goes
/// into the kernel's assembly folder of the disk cache (docs/cache.md: atomic writes, checksum, key check), and
/// a later process loads it without compiling. The key names the kernel's assembly, NumbaWeaver.Cuda and
/// ILGPU by module version id (any rebuild changes it, so a changed kernel, device function or helper is
/// never taken from the cache; so do other assemblies with [CudaJit] code it references, whose device functions its
/// kernels may call), the GPU's architecture and instruction set, and FastMath.
/// </summary>
internal static class PtxDiskCache
{
    /// <summary>First line of a stored entry: the entry point's shared memory, which the launcher needs.</summary>
    private const string Header = "// NumbaWeaver.Cuda shared-memory ";

    private static readonly PropertyInfo? s_entryPoint =
        typeof(CompiledKernel).GetProperty("EntryPoint", BindingFlags.Instance | BindingFlags.NonPublic);

    private static readonly ConstructorInfo? s_compiledKernel = typeof(PTXCompiledKernel).GetConstructor(
        BindingFlags.Instance | BindingFlags.NonPublic, null,
        [typeof(Context), typeof(EntryPoint), typeof(CompiledKernel.KernelInfo), typeof(string)], null);

    /// <summary>Whether this ILGPU version exposes what the cache needs (else kernels are compiled every time).</summary>
    public static bool Supported => s_entryPoint != null && s_compiledKernel != null;

    /// <summary>The key of <paramref name="kernel"/>'s PTX for one GPU kind and FastMath setting (hex SHA-256).</summary>
    public static string Key(MethodInfo kernel, CudaArchitecture architecture, CudaInstructionSet instructionSet, bool fastMath) =>
        Sha256.HexOf(KeyText(kernel, architecture, instructionSet, fastMath));

    /// <summary>What the key hashes: the kernel, the assemblies whose code it can reach, the GPU, FastMath.</summary>
    internal static string KeyText(MethodInfo kernel, CudaArchitecture architecture, CudaInstructionSet instructionSet, bool fastMath)
    {
        var text = new StringBuilder("NumbaWeaver.Cuda PTX\n");
        text.Append(kernel.DeclaringType!.FullName).Append("::").Append(kernel.Name).Append('(');
        foreach (var p in kernel.GetParameters()) text.Append(p.ParameterType.FullName).Append(',');
        text.Append(")\n");
        text.Append(s_builds.GetOrAdd(kernel.Module.Assembly, Builds));
        text.Append(architecture.ToString()).Append(' ').Append(instructionSet.ToString()).Append(fastMath ? " fastmath" : " exact");
        return text.ToString();
    }

    /// <summary>The builds a kernel assembly's kernels can reach, found once per assembly (the walk loads assemblies).</summary>
    private static readonly ConcurrentDictionary<Assembly, string> s_builds = new();

    /// <summary>One line per assembly of <see cref="CodeAssemblies"/>: its full name and module version id.</summary>
    private static string Builds(Assembly kernelAssembly)
    {
        var lines = new StringBuilder();
        foreach (var assembly in CodeAssemblies(kernelAssembly))
            lines.Append(assembly.FullName).Append(' ').Append(assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        return lines.ToString();
    }

    /// <summary>
    /// The kernel's assembly, NumbaWeaver.Cuda, ILGPU, and every assembly with [CudaJit] code the kernel's assembly
    /// references, directly or through others: its device functions may call theirs (docs/cuda.md), so a rebuild of
    /// any of them must miss. Ordered by name, so the key does not depend on load order.
    /// </summary>
    private static List<Assembly> CodeAssemblies(Assembly kernelAssembly)
    {
        var cuda = typeof(PtxDiskCache).Assembly;
        string cudaName = cuda.GetName().Name!;
        var found = new Dictionary<string, Assembly> { [kernelAssembly.FullName!] = kernelAssembly, [cuda.FullName!] = cuda };
        var ilgpu = typeof(Context).Assembly;
        found[ilgpu.FullName!] = ilgpu;
        var pending = new Queue<Assembly>([kernelAssembly]);
        while (pending.Count > 0)
        {
            foreach (var name in pending.Dequeue().GetReferencedAssemblies())
            {
                if (found.ContainsKey(name.FullName) || IsFramework(name.Name)) continue;
                Assembly referenced;
                try
                {
                    referenced = Assembly.Load(name);
                }
                catch (Exception e) when (e is System.IO.FileNotFoundException or System.IO.FileLoadException or BadImageFormatException)
                {
                    continue; // not loadable here: then the kernel cannot call it either
                }
                if (!referenced.GetReferencedAssemblies().Any(r => r.Name == cudaName)) continue;
                found[name.FullName] = referenced;
                pending.Enqueue(referenced);
            }
        }
        return found.Values.OrderBy(a => a.FullName, StringComparer.Ordinal).ToList();
    }

    private static bool IsFramework(string? name) =>
        name is null or "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) ||
        name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("ILGPU", StringComparison.Ordinal);

    /// <summary>The cached PTX of <paramref name="kernel"/> as a compiled kernel of <paramref name="twin"/>, or null.</summary>
    public static PTXCompiledKernel? TryLoad(Context context, MethodInfo kernel, MethodInfo twin, string key) =>
        TryLoad(Folder(kernel), context, kernel, twin, key);

    internal static PTXCompiledKernel? TryLoad(DiskCache folder, Context context, MethodInfo kernel, MethodInfo twin, string key)
    {
        if (!Supported) return null;
        string what = KernelName(kernel);
        var entry = folder.TryLoad(key, what);
        if (entry == null || !TryParse(Encoding.UTF8.GetString(entry.ObjectCode), out var sharedMemory, out string? ptx))
        {
            CacheStatistics.Miss();
            return null;
        }
        CacheStatistics.Hit();
        CacheLog.Debug($"hit {what}: PTX from the disk cache ({entry.Description})");
        return Create(context, twin, sharedMemory, ptx);
    }

    /// <summary>Stores a kernel's PTX (and its shared memory) under the key; false when the cache folder cannot be used.</summary>
    public static bool Store(MethodInfo kernel, string key, PTXCompiledKernel compiled, string description) =>
        Store(Folder(kernel), kernel, key, compiled, description);

    internal static bool Store(DiskCache folder, MethodInfo kernel, string key, PTXCompiledKernel compiled, string description)
    {
        if (!Supported) return false;
        var sharedMemory = SharedMemoryOf(compiled);
        string text = Header + sharedMemory.StaticSize.ToString(CultureInfo.InvariantCulture) + " " + (sharedMemory.HasDynamicMemory ? "1" : "0") + "\n" + compiled.PTXAssembly;
        var entry = new CacheEntryFile.Entry(compiled.SourceMethod.Name, description, Encoding.UTF8.GetBytes(text));
        return folder.TryStore(key, entry, KernelName(kernel));
    }

    /// <summary>A compiled kernel made from stored PTX, as ILGPU's backend would have made it.</summary>
    internal static PTXCompiledKernel Create(Context context, MethodInfo twin, SharedMemorySpecification sharedMemory, string ptx)
    {
        var entryPoint = new EntryPoint(EntryPointDescription.FromExplicitlyGroupedKernel(twin), sharedMemory, KernelSpecialization.Empty);
        return (PTXCompiledKernel)s_compiledKernel!.Invoke([context, entryPoint, null, ptx]);
    }

    /// <summary>The shared memory an earlier compile recorded for this kernel (tests compare it with a fresh compile's).</summary>
    internal static SharedMemorySpecification SharedMemoryOf(PTXCompiledKernel compiled) =>
        ((EntryPoint)s_entryPoint!.GetValue(compiled)!).SharedMemory;

    internal static bool TryParse(string text, out SharedMemorySpecification sharedMemory, out string ptx)
    {
        sharedMemory = default;
        ptx = "";
        int end = text.IndexOf('\n');
        if (!text.StartsWith(Header, StringComparison.Ordinal) || end < 0) return false;
        var fields = text.Substring(Header.Length, end - Header.Length).Split(' ');
        if (fields.Length != 2 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int size)) return false;
        sharedMemory = new SharedMemorySpecification(size, fields[1] == "1");
        ptx = text.Substring(end + 1);
        return true;
    }

    /// <summary>The kernel's assembly's folder of the disk cache, shared with its [Njit] entries.</summary>
    private static DiskCache Folder(MethodInfo kernel) => new(NumbaCache.FolderFor(kernel.Module.Assembly));

    private static string KernelName(MethodInfo kernel) => kernel.DeclaringType?.FullName + "." + kernel.Name;
}
