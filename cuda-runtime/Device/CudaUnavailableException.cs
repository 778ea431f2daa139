// Thrown when CUDA work is asked of a GPU that is not there.
using System;

namespace NumbaWeaver;

/// <summary>Numba's <c>CudaSupportError</c>: no usable NVIDIA GPU for the requested operation.</summary>
public sealed class CudaUnavailableException : InvalidOperationException
{
    public CudaUnavailableException(string message) : base(message) { }
}
