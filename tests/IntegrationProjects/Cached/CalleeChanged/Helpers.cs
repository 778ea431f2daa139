// Cached's Helpers.cs with Clamp01's bound changed from 1 to 0.75: the one edit between the two builds.
namespace Cached;

public static class Helpers
{
    public static double Blend(double old, double target, double omega) => old + omega * (target - old);

    public static double Clamp01(double v) => v < 0 ? 0 : v > 0.75 ? 0.75 : v;
}
