// The PTX rewrite that keeps C#'s rounding on a GPU, checked without one (ILGPU's PTX backend runs on any machine).
using System.Linq;
using CudaFixture;
using NumbaWeaver.Gpu.Compilation;
using NumbaWeaver.Gpu.Launch;
using Shouldly;
using Xunit;

namespace NumbaWeaver.GpuTests;

public sealed class PtxContractionTests
{
    [Fact]
    public void Float_add_sub_and_mul_get_round_to_nearest_and_atomics_and_the_rest_stay()
    {
        const string ptx = "\tmul.f32 \t%f3, %f1, %f2;\n\tadd.f64 %fd1, %fd2, %fd3;\n\tsub.f32 %f4, %f3, %f1;\n" +
                           "\tfma.rn.f32 %f5, %f1, %f2, %f3;\n\tmul.lo.s32 %r1, %r2, %r3;\n\tmul.wide.s32 %rd1, %r1, 4;\n" +
                           "\tadd.s64 %rd2, %rd1, %rd3;\n\tdiv.rn.f32 %f6, %f1, %f2;\n\tadd.rn.f64 %fd4, %fd1, %fd2;\n" +
                           "\tatom.global.add.f32 %f7, [%rd4], %f1;\n\tred.global.add.f64 [%rd4], %fd1;\n\t@%p1 mul.f32 %f8, %f1, %f2;\n" +
                           "\t@!%p2 sub.f64 %fd5, %fd1, %fd2;\n";
        PtxContraction.Forbid(ptx).ShouldBe(
            "\tmul.rn.f32 \t%f3, %f1, %f2;\n\tadd.rn.f64 %fd1, %fd2, %fd3;\n\tsub.rn.f32 %f4, %f3, %f1;\n" +
            "\tfma.rn.f32 %f5, %f1, %f2, %f3;\n\tmul.lo.s32 %r1, %r2, %r3;\n\tmul.wide.s32 %rd1, %r1, 4;\n" +
            "\tadd.s64 %rd2, %rd1, %rd3;\n\tdiv.rn.f32 %f6, %f1, %f2;\n\tadd.rn.f64 %fd4, %fd1, %fd2;\n" +
            "\tatom.global.add.f32 %f7, [%rd4], %f1;\n\tred.global.add.f64 [%rd4], %fd1;\n\t@%p1 mul.rn.f32 %f8, %f1, %f2;\n" +
            "\t@!%p2 sub.rn.f64 %fd5, %fd1, %fd2;\n");
    }

    [Theory]
    [InlineData(nameof(RoundingKernels.MultiplyAdd), "f64")]
    [InlineData(nameof(RoundingKernels.SumWithAtomic), "f32")]
    [InlineData(nameof(RoundingKernels.Polynomials), "f32")]
    public void A_kernel_compiled_for_an_H100_names_the_rounding_of_every_float_operation(string kernel, string type)
    {
        var backend = OfflinePtx.Backend(OfflinePtx.H100);
        var twin = KernelCache.FindTwin(typeof(RoundingKernels).GetMethod(kernel)!);
        var compiled = PtxContraction.Compile(backend, twin, fastMath: false);
        var instructions = compiled.PTXAssembly.Split('\n').Select(l => l.Trim().Split(' ', '\t')[0]).ToArray();
        instructions.ShouldContain($"mul.rn.{type}");
        instructions.ShouldContain($"add.rn.{type}");
        instructions.ShouldNotContain($"mul.{type}");
        instructions.ShouldNotContain($"add.{type}");
        // Atomics keep their form (the driver refuses a rounding mode on them).
        var atomics = instructions.Where(i => i.StartsWith("atom.") || i.StartsWith("red.")).ToArray();
        atomics.ShouldAllBe(i => !i.Contains(".rn"));
        if (kernel == nameof(RoundingKernels.SumWithAtomic)) atomics.ShouldContain(i => i.EndsWith(".add.f32"));
    }
}
