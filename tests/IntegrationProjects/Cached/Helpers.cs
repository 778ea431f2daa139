// Plain helpers called by the cached kernel: part of its call closure, so part of its cache key.
namespace Cached;

public static class Helpers
{
    public static double Blend(double old, double target, double omega) => old + omega * (target - old);

    public static double Clamp01(double v) => v < 0 ? 0 : v > 1 ? 1 : v;
}
