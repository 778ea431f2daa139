// Which types kernel code may use, and what each becomes in a twin (T[] -> ArrayView<T>, T[,] -> DeviceMatrix<T>).
using Mono.Cecil;

namespace NumbaWeaver.Weaving.Cuda;

internal static class KernelTypes
{
    public static bool IsPrimitive(TypeReference type) => type.MetadataType switch
    {
        MetadataType.Boolean or MetadataType.Char or MetadataType.SByte or MetadataType.Byte or MetadataType.Int16
            or MetadataType.UInt16 or MetadataType.Int32 or MetadataType.UInt32 or MetadataType.Int64
            or MetadataType.UInt64 or MetadataType.Single or MetadataType.Double => true,
        _ => false,
    };

    /// <summary>A primitive, or a 1-D / 2-D array of a primitive.</summary>
    public static bool IsKernelParameter(TypeReference type) =>
        IsPrimitive(type) || (type is ArrayType a && (a.Rank == 1 || a.Rank == 2) && IsPrimitive(a.ElementType));

    /// <summary>The twin's type for <paramref name="type"/>; types without arrays stay as they are.</summary>
    public static TypeReference DeviceType(TypeReference type, CudaReferences references)
    {
        if (type is ArrayType a && IsPrimitive(a.ElementType))
        {
            if (a.Rank == 1) return references.ArrayView(a.ElementType);
            if (a.Rank == 2) return references.DeviceMatrix(a.ElementType);
        }
        return type;
    }
}
