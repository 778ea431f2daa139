// Reads which runtime build a NumbaWeaver.Entry.dll belongs to, so the precompiler can tell whether an app ships the runtime it compiles for.
using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NumbaWeaver.Precompiler;

/// <summary>
/// Every precompiled key ends with the digest of the runtime's sources that made it (<c>NumbaWeaver.Entry.BuildIdentity</c>,
/// runtime/Entry/BuildIdentity.targets), and the app's runtime looks entries up with its own. An app that ships another
/// runtime build than the precompiler's (NumbaWeaver and NumbaWeaver.Fody of different versions) would never find one:
/// its first calls would compile, or without libLLVM run the original C#. The digest is read from the file's metadata,
/// as <see cref="IrResourceReader"/> reads the IR, without loading the assembly.
/// </summary>
internal static class RuntimeBuild
{
    public const string EntryFileName = "NumbaWeaver.Entry.dll";

    /// <summary>The constant <c>NumbaWeaver.Entry.BuildIdentity.Sources</c> of the assembly at <paramref name="path"/>;
    /// null when the file is missing, is not an assembly or has no such constant (built before it existed).</summary>
    public static string? DigestOf(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return null;
            var metadata = pe.GetMetadataReader();
            foreach (var typeHandle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(typeHandle);
                if (metadata.GetString(type.Name) != "BuildIdentity" || metadata.GetString(type.Namespace) != "NumbaWeaver.Entry") continue;
                foreach (var fieldHandle in type.GetFields())
                {
                    var field = metadata.GetFieldDefinition(fieldHandle);
                    if (metadata.GetString(field.Name) != "Sources" || field.GetDefaultValue().IsNil) continue;
                    var constant = metadata.GetConstant(field.GetDefaultValue());
                    if (constant.TypeCode != ConstantTypeCode.String) return null;
                    var blob = metadata.GetBlobReader(constant.Value);
                    return blob.ReadUTF16(blob.Length);
                }
            }
            return null;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }
}
