// The weaver's [CudaJit] step on a copy of this (unwoven) assembly: NJ05xx errors with source lines, and twins with device types.
extern alias weaver;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Shouldly;
using Xunit;
using CudaWeaver = weaver::NumbaWeaver.Weaving.Cuda.CudaWeaver;
using Diagnostic = weaver::NumbaWeaver.Weaving.Diagnostics.Diagnostic;

namespace NumbaWeaver.GpuTests;

public sealed class WeaverDiagnosticsTests
{
    private static readonly Dictionary<string, Diagnostic[]> s_byMethod = Weave(out s_module);
    private static readonly ModuleDefinition s_module;

    private static Dictionary<string, Diagnostic[]> Weave(out ModuleDefinition module)
    {
        var path = typeof(BadKernels).Assembly.Location;
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(path)!);
        module = ModuleDefinition.ReadModule(path, new ReaderParameters { AssemblyResolver = resolver, ReadSymbols = true });
        return CudaWeaver.Weave(module).GroupBy(d => d.Method.Name).ToDictionary(g => g.Key, g => g.ToArray());
    }

    [Theory]
    [InlineData(nameof(BadKernels.Allocates), "NJ0504", "Cuda.Local.Array")]
    [InlineData(nameof(BadKernels.DynamicSharedSize), "NJ0502", "constant")]
    [InlineData(nameof(BadKernels.Throws), "NJ0506", "throw")]
    [InlineData(nameof(BadKernels.ReturnsValue), "NJ0501", "returns a value")]
    [InlineData(nameof(BadKernels.StringParameter), "NJ0501", "parameter 's'")]
    [InlineData(nameof(BadKernels.Jagged), "NJ0501", "parameter 'rows'")]
    [InlineData(nameof(BadKernels.ArrayMethod), "NJ0509", "Fill")]
    [InlineData(nameof(BadKernels.ForeignArrayCall), "NJ0503", "Sum")]
    [InlineData(nameof(BadKernels.WritesStatic), "NJ0507", "s_counter")]
    public void Unsupported_kernel_code_is_a_build_error_with_its_code_and_line(string method, string code, string mentions)
    {
        s_byMethod.ShouldContainKey(method);
        var d = s_byMethod[method].First(x => x.Code == code);
        d.Message.ShouldContain(mentions);
        d.Line.ShouldBeGreaterThan(0);
        d.ToString().ShouldContain("BadKernels.cs(");
    }

    [Fact]
    public void BoundsCheck_false_gives_the_kernel_and_its_device_functions_unchecked_twins()
    {
        var type = s_module.GetType(typeof(BadKernels).FullName);
        string[] Calls(string twin) => type.Methods.Single(m => m.Name == twin).Body.Instructions
            .Select(i => i.Operand).OfType<MethodReference>().Select(m => m.Name).ToArray();

        Calls("<UncheckedKernel>cuda_kernel").ShouldBe(new[] { "<Helper>cuda_device_unchecked", "LoadUnchecked", "StoreUnchecked" }, ignoreOrder: true);
        Calls("<Helper>cuda_device_unchecked").ShouldAllBe(name => name == "LoadUnchecked");
        Calls("<CheckedCaller>cuda_kernel").ShouldBe(new[] { "<Helper>cuda_device", "Store" }, ignoreOrder: true);
        Calls("<Helper>cuda_device").ShouldAllBe(name => name == "Load");
    }

    [Fact]
    public void A_device_function_of_another_woven_assembly_is_called_through_its_twin()
    {
        s_byMethod.ShouldNotContainKey(nameof(BadKernels.ForeignDeviceFunction));
        var twin = s_module.GetType(typeof(BadKernels).FullName).Methods.Single(m => m.Name == "<ForeignDeviceFunction>cuda_kernel");
        var call = twin.Body.Instructions.Select(i => i.Operand).OfType<MethodReference>().Single(m => m.Name.Contains("SumWindow"));
        call.Name.ShouldBe("<SumWindow>cuda_device");
        call.DeclaringType.FullName.ShouldBe("CudaFixture.BasicKernels");
        call.Parameters[0].ParameterType.FullName.ShouldBe("ILGPU.ArrayView`1<System.Single>");
    }

    [Fact]
    public void Supported_kernels_get_a_twin_with_device_parameter_types_and_no_errors()
    {
        s_byMethod.ShouldNotContainKey(nameof(BadKernels.Fine));
        var type = s_module.GetType(typeof(BadKernels).FullName);
        var twin = type.Methods.Single(m => m.Name == "<Fine>cuda_kernel");
        twin.Parameters.Select(p => p.ParameterType.FullName).ShouldBe(new[]
        {
            "ILGPU.ArrayView`1<System.Single>",
            "NumbaWeaver.Gpu.Compilation.DeviceMatrix`1<System.Single>",
        });
        var calls = twin.Body.Instructions.Select(i => i.Operand).OfType<MethodReference>().Select(m => m.Name).ToList();
        calls.ShouldContain("Ref");      // a[i] += ... through ldelema
        calls.ShouldContain("Load2");    // m[0, j]
        calls.ShouldContain("GetLength2");
        calls.ShouldContain("Length");
        twin.Body.Instructions.ShouldNotContain(i => i.OpCode.Code == Mono.Cecil.Cil.Code.Ldelema || i.OpCode.Code == Mono.Cecil.Cil.Code.Ldlen);
    }
}
