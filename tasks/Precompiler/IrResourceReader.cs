// Reads the embedded IR resource of a woven assembly from its file, without loading the assembly.
using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using NumbaWeaver.IR;

namespace NumbaWeaver.Precompiler;

/// <summary>Finds manifest resource <see cref="IrModule.ResourceName"/> in the PE file and parses it.</summary>
internal static class IrResourceReader
{
    public static IrModule? Read(string assemblyPath) => ReadText(assemblyPath, IrModule.ResourceName) is { } text ? IrParser.ParseModule(text) : null;

    /// <summary>The woven index (<see cref="IrIndex"/>) of the assembly, or null when it has none.</summary>
    public static IrIndex? ReadIndex(string assemblyPath) => ReadText(assemblyPath, IrIndex.ResourceName) is { } text ? IrIndex.Parse(text) : null;

    /// <summary>The text of the embedded resource <paramref name="name"/>, or null when the assembly has none.</summary>
    public static string? ReadText(string assemblyPath, string name)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != name || !resource.Implementation.IsNil) continue;
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader();
            block.Offset = (int)resource.Offset;
            int length = block.ReadInt32();
            return Encoding.UTF8.GetString(block.ReadBytes(length));
        }
        return null;
    }
}
