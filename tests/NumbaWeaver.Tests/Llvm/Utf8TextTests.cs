// Strings cross into LLVM and back unchanged through our marshaller (Utf8Text): ASCII by hand, the rest by the framework.
using System;
using System.Text;
using NumbaWeaver.Llvm;
using NumbaWeaver.Llvm.Interop;
using Shouldly;
using Xunit;

namespace NumbaWeaver.Tests.Llvm;

public sealed unsafe class Utf8TextTests
{
    public static TheoryData<string> Names => new()
    {
        "",
        "dot.loop",
        "Kernels::Relax(f64[,],f64[,],i32,f64)",
        "Ümlaut_名前_λ",                 // non-ASCII: the framework's encoder
        new string('x', 300),            // longer than the stack buffer: native memory
        new string('é', 200),            // non-ASCII and longer than the buffer
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Names_round_trip_through_LLVM(string name)
    {
        LlvmLibrary.TryLoad(out string? error).ShouldBeTrue(error);
        LLVMContextRef context = LLVM.ContextCreate();
        try
        {
            LLVMModuleRef module = LLVM.ModuleCreateWithNameInContext(name, context);
            LLVM.GetString(LLVM.GetModuleIdentifier(module, out nuint length), length).ShouldBe(name);
            ((int)length).ShouldBe(Encoding.UTF8.GetByteCount(name));
            LLVM.DisposeModule(module);
        }
        finally
        {
            LLVM.ContextDispose(context);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Decoding_and_counting_agree_with_the_framework(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text + "\0");
        Utf8Text.ByteCount(text).ShouldBe(utf8.Length - 1);
        fixed (byte* p = utf8)
        {
            Utf8Text.FromNative(p).ShouldBe(text);
            Utf8Text.FromNative(p, utf8.Length - 1).ShouldBe(text);
        }
        Utf8Text.FromNative(null).ShouldBe(string.Empty);
    }
}
