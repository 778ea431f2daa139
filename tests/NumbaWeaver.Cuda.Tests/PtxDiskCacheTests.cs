// The PTX disk cache of [CudaJit(Cache = true)], checked without a GPU: keys, the stored entry, a kernel made from it, corruption.
using System;
using System.IO;
using System.Linq;
using CudaFixture;
using ILGPU.Runtime.Cuda;
using NumbaWeaver.Cache;
using NumbaWeaver.Gpu.Compilation;
using NumbaWeaver.Gpu.Device;
using NumbaWeaver.Gpu.Launch;
using Shouldly;
using Xunit;

namespace NumbaWeaver.GpuTests;

public sealed class PtxDiskCacheTests : IDisposable
{
    private static readonly CudaArchitecture H100 = OfflinePtx.H100;
    private static readonly CudaInstructionSet Isa = OfflinePtx.Isa;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nw-ptx-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Keys_follow_the_kernel_the_gpu_and_FastMath()
    {
        var multiplyAdd = typeof(RoundingKernels).GetMethod(nameof(RoundingKernels.MultiplyAdd))!;
        var polynomials = typeof(RoundingKernels).GetMethod(nameof(RoundingKernels.Polynomials))!;
        string key = PtxDiskCache.Key(multiplyAdd, H100, Isa, fastMath: false);
        key.ShouldBe(PtxDiskCache.Key(multiplyAdd, H100, Isa, fastMath: false));
        key.Length.ShouldBe(64);
        new[]
        {
            key,
            PtxDiskCache.Key(multiplyAdd, H100, Isa, fastMath: true),
            PtxDiskCache.Key(multiplyAdd, new CudaArchitecture(8, 0), Isa, fastMath: false),
            PtxDiskCache.Key(multiplyAdd, H100, new CudaInstructionSet(8, 0), fastMath: false),
            PtxDiskCache.Key(polynomials, H100, Isa, fastMath: false),
        }.Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void The_key_of_a_kernel_calling_another_assembly_names_that_assembly_build()
    {
        var kernel = typeof(CudaCrossFixture.CrossAssemblyKernels).GetMethod(nameof(CudaCrossFixture.CrossAssemblyKernels.WindowPlusPolynomial))!;
        var library = typeof(BasicKernels).Assembly;
        string text = PtxDiskCache.KeyText(kernel, H100, Isa, fastMath: false);
        text.ShouldContain(library.FullName + " " + library.ManifestModule.ModuleVersionId.ToString("N"));
        text.ShouldContain(kernel.Module.ModuleVersionId.ToString("N"));
        text.ShouldNotContain("System.Runtime");
        // A kernel of the library itself does not depend on its callers' assembly.
        PtxDiskCache.KeyText(typeof(BasicKernels).GetMethod(nameof(BasicKernels.VecAdd))!, H100, Isa, false)
            .ShouldNotContain(kernel.Module.Assembly.GetName().Name!);
    }

    [Fact]
    public void A_stored_kernel_comes_back_as_the_compiled_one_with_its_shared_memory()
    {
        PtxDiskCache.Supported.ShouldBeTrue(); // this ILGPU version exposes what the cache needs
        var kernel = typeof(SharedKernels).GetMethod(nameof(SharedKernels.MatMulTiled))!;
        var twin = KernelCache.FindTwin(kernel);
        var compiled = PtxContraction.Compile(OfflinePtx.Backend(H100), twin, fastMath: false);
        PtxDiskCache.SharedMemoryOf(compiled).StaticSize.ShouldBe(2 * 16 * 16 * sizeof(float));

        var folder = new DiskCache(_folder.FullName);
        string key = PtxDiskCache.Key(kernel, H100, Isa, fastMath: false);
        PtxDiskCache.Store(folder, kernel, key, compiled, "test").ShouldBeTrue();
        int hits = CacheStatistics.Hits;
        var loaded = PtxDiskCache.TryLoad(folder, DeviceSession.Instance.Context, kernel, twin, key);

        loaded.ShouldNotBeNull();
        CacheStatistics.Hits.ShouldBeGreaterThan(hits);
        loaded.PTXAssembly.ShouldBe(compiled.PTXAssembly);
        loaded.SourceMethod.ShouldBe(twin);
        loaded.Name.ShouldBe(compiled.Name);
        PtxDiskCache.SharedMemoryOf(loaded).StaticSize.ShouldBe(PtxDiskCache.SharedMemoryOf(compiled).StaticSize);
        PtxDiskCache.SharedMemoryOf(loaded).HasDynamicMemory.ShouldBeFalse();
        // Another key (another GPU) does not find it.
        PtxDiskCache.TryLoad(folder, DeviceSession.Instance.Context, kernel, twin, PtxDiskCache.Key(kernel, new CudaArchitecture(8, 0), Isa, false)).ShouldBeNull();
    }

    [Fact]
    public void A_corrupted_entry_is_rejected_and_removed()
    {
        var kernel = typeof(RoundingKernels).GetMethod(nameof(RoundingKernels.MultiplyAdd))!;
        var twin = KernelCache.FindTwin(kernel);
        var folder = new DiskCache(_folder.FullName);
        string key = PtxDiskCache.Key(kernel, H100, Isa, fastMath: false);
        PtxDiskCache.Store(folder, kernel, key, PtxContraction.Compile(OfflinePtx.Backend(H100), twin, fastMath: false), "test").ShouldBeTrue();
        string path = folder.PathOf(key);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x20; // one flipped bit in the PTX
        File.WriteAllBytes(path, bytes);

        int rejected = CacheStatistics.Rejected;
        PtxDiskCache.TryLoad(folder, DeviceSession.Instance.Context, kernel, twin, key).ShouldBeNull();
        CacheStatistics.Rejected.ShouldBe(rejected + 1);
        File.Exists(path).ShouldBeFalse();
    }

    [Theory]
    [InlineData("// NumbaWeaver.Cuda shared-memory 2048 0\n.version 8.0", true)]
    [InlineData(".version 8.0\n", false)]
    [InlineData("// NumbaWeaver.Cuda shared-memory -1 0\n.version", false)]
    [InlineData("// NumbaWeaver.Cuda shared-memory 2048\n.version", false)]
    public void Entries_start_with_the_shared_memory_line(string text, bool valid)
    {
        PtxDiskCache.TryParse(text, out var shared, out string ptx).ShouldBe(valid);
        if (!valid) return;
        shared.StaticSize.ShouldBe(2048);
        ptx.ShouldBe(".version 8.0");
    }
}
