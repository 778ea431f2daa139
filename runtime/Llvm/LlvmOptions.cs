// The LLVM command-line options every compile runs with, set once per process before the first target exists.
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Llvm;

/// <summary>
/// LLVM's process-wide options (<c>cl::opt</c>), applied once by <see cref="HostTarget.InitializeNativeTarget"/>. Each
/// changes the code every kernel gets, so each is here for a measured reason; the runtime's MVID in the cache key
/// retires cached code when the list changes. LLVM exits the process on an unknown option, so only options that
/// every supported LLVM (15 and newer) has belong here.
/// </summary>
internal static unsafe class LlvmOptions
{
    /// <summary>
    /// <c>-slp-threshold=1</c>: the SLP vectorizer packs scalar chains only when its cost model predicts a gain of more
    /// than one unit, not any gain. At the default (0) it packed a ray caster's two cell coordinates, each computed by
    /// <c>(int)Math.Floor</c>, into one vector register carried around the DDA loop, so every step paid a lane insert
    /// and extract: samples/OccupancyGrid ran at 0.5x of plain C#, and at 1.1x with this option. (Turning the
    /// vectorizer off through LLVMPassBuilderOptionsSetSLPVectorization had no effect with Debian's LLVM 19, and
    /// turning it off altogether changed the code of 234 lines of the benchmark kernels; this option changes none.)
    /// </summary>
    public static readonly string[] Arguments = ["-slp-threshold=1"];

    private static readonly object Gate = new();
    private static bool applied;

    /// <summary>Parses <see cref="Arguments"/> into LLVM once per process (a second parse would count each option twice).</summary>
    public static void Apply()
    {
        lock (Gate)
        {
            if (applied) return;
            applied = true;
            // argv[0] is the program name LLVM prints in its messages. NUL-terminated ASCII in one pinned buffer, written
            // by hand: the framework's string-array marshaller would be jitted on a process's first compile.
            string[] argv = ["numbaweaver", .. Arguments];
            int size = 0;
            foreach (string argument in argv) size += argument.Length + 1;
            var text = new byte[size];
            var offsets = new int[argv.Length];
            for (int i = 0, at = 0; i < argv.Length; at += argv[i].Length + 1, i++)
            {
                offsets[i] = at;
                for (int k = 0; k < argv[i].Length; k++) text[at + k] = checked((byte)argv[i][k]);
            }
            var pointers = stackalloc byte*[argv.Length];
            fixed (byte* start = text)
            {
                for (int i = 0; i < argv.Length; i++) pointers[i] = start + offsets[i];
                LLVM.ParseCommandLineOptions(argv.Length, pointers, start + size - 1); // the overview: an empty string
            }
        }
    }
}
