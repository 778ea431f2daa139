// Turns the assertions of failed kernel array accesses on the CPU simulator into exceptions on the launching thread.
using System;
using System.Diagnostics;
using System.Threading;
using NumbaWeaver.Gpu.Compilation;

namespace NumbaWeaver.Gpu.Device;

/// <summary>
/// On ILGPU's CPU accelerator a kernel runs as .NET code on worker threads, and a failed
/// <c>Trace.Assert</c> would end the process (DefaultTraceListener fails fast). While the simulator
/// is in use, the default listener is wrapped: kernel assertions (messages starting with
/// <see cref="KernelArrays.FaultPrefix"/>) are recorded and raised after the launch; every other
/// assertion goes to the original listener unchanged.
/// </summary>
internal static class SimulatorFaults
{
    private static string? s_first;
    private static int s_installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1) return;
        lock (Trace.Listeners)
        {
            for (int i = 0; i < Trace.Listeners.Count; i++)
            {
                if (Trace.Listeners[i] is DefaultTraceListener original)
                {
                    Trace.Listeners[i] = new Forwarder(original);
                    return;
                }
            }
            Trace.Listeners.Add(new Forwarder(null));
        }
    }

    /// <summary>Throws (and clears) the first fault recorded since the last call.</summary>
    public static void ThrowIfFaulted(string kernelName)
    {
        var fault = Interlocked.Exchange(ref s_first, null);
        if (fault == null) return;
        throw new IndexOutOfRangeException(
            $"kernel {kernelName}: {fault.Substring(KernelArrays.FaultPrefix.Length)} " +
            "(an array index outside its bounds, on the CUDA simulator; on a GPU the access is skipped)");
    }

    private sealed class Forwarder : TraceListener
    {
        private readonly TraceListener? _original;

        public Forwarder(TraceListener? original)
        {
            _original = original;
            Name = original?.Name ?? "Default";
        }

        public override void Fail(string? message, string? detailMessage)
        {
            if (message != null && message.StartsWith(KernelArrays.FaultPrefix, StringComparison.Ordinal))
            {
                Interlocked.CompareExchange(ref s_first, message, null);
                return;
            }
            _original?.Fail(message, detailMessage);
        }

        public override void Fail(string? message) => Fail(message, null);
        public override void Write(string? message) => _original?.Write(message);
        public override void WriteLine(string? message) => _original?.WriteLine(message);
    }
}
