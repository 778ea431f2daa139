// Warp shuffles with Numba's names (shfl_sync, shfl_up_sync, shfl_down_sync, shfl_xor_sync) over ILGPU's Warp.
using ILGPU;

namespace NumbaWeaver;

public static partial class Cuda
{
    /// <summary>All lanes of a warp, the usual mask.</summary>
    public const uint FullMask = 0xFFFF_FFFF;

    // ILGPU shuffles across the whole warp, so the mask is accepted for Numba compatibility and must be FullMask.

    /// <summary><c>cuda.shfl_sync(mask, value, src_lane)</c>: the value of <paramref name="value"/> in lane <paramref name="srcLane"/>.</summary>
    public static T ShflSync<T>(uint mask, T value, int srcLane) where T : unmanaged => Warp.Shuffle(value, srcLane);

    /// <summary><c>cuda.shfl_up_sync(mask, value, delta)</c>: the value from lane (lane - delta).</summary>
    public static T ShflUpSync<T>(uint mask, T value, int delta) where T : unmanaged => Warp.ShuffleUp(value, delta);

    /// <summary><c>cuda.shfl_down_sync(mask, value, delta)</c>: the value from lane (lane + delta).</summary>
    public static T ShflDownSync<T>(uint mask, T value, int delta) where T : unmanaged => Warp.ShuffleDown(value, delta);

    /// <summary><c>cuda.shfl_xor_sync(mask, value, lane_mask)</c>: the value from lane (lane ^ laneMask).</summary>
    public static T ShflXorSync<T>(uint mask, T value, int laneMask) where T : unmanaged => Warp.ShuffleXor(value, laneMask);
}
