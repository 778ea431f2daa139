// Numba.Prange: the parallel range of [Njit(Parallel = true)] loops; in plain C# an ordinary sequential range.
using System;

namespace NumbaWeaver;

/// <summary>The <c>Numba</c> API: parallel ranges, threads and settings (Numba's <c>prange</c>, <c>set_num_threads</c>...).</summary>
public static partial class Numba
{
    /// <summary>Message of the <see cref="ArgumentException"/> a zero step throws, compiled or not.</summary>
    public const string ZeroStepMessage = "Numba.Prange: the step must not be zero.";

    /// <summary>
    /// The integers 0, 1, ..., <paramref name="stop"/> - 1. In <c>foreach</c> inside an
    /// <c>[Njit(Parallel = true)]</c> method the iterations run on several threads; anywhere else
    /// (plain C#, NUMBA_DISABLE_JIT, without Parallel) it is an ordinary sequential loop.
    /// </summary>
    public static PrangeRange Prange(int stop) => new(0, stop, 1);

    /// <summary>The integers start, start + 1, ..., stop - 1 (see <see cref="Prange(int)"/>).</summary>
    public static PrangeRange Prange(int start, int stop) => new(start, stop, 1);

    /// <summary>start, start + step, ... up to (excluding) stop, as Python's range; a zero step throws <see cref="ArgumentException"/>.</summary>
    public static PrangeRange Prange(int start, int stop, int step) => new(start, stop, step);

    /// <summary>The 64-bit form of <see cref="Prange(int)"/>.</summary>
    public static LongPrangeRange Prange(long stop) => new(0, stop, 1);

    /// <summary>The 64-bit form of <see cref="Prange(int, int)"/>.</summary>
    public static LongPrangeRange Prange(long start, long stop) => new(start, stop, 1);

    /// <summary>The 64-bit form of <see cref="Prange(int, int, int)"/>.</summary>
    public static LongPrangeRange Prange(long start, long stop, long step) => new(start, stop, step);
}

/// <summary>
/// A range of <see cref="int"/> for <c>foreach</c>. The enumerator is a struct without Dispose, so
/// C# emits a plain loop (no try/finally) that the compiler recognises.
/// </summary>
public readonly struct PrangeRange
{
    private readonly long _start, _stop, _step;

    public PrangeRange(long start, long stop, long step)
    {
        if (step == 0) throw new ArgumentException(Numba.ZeroStepMessage, nameof(step));
        (_start, _stop, _step) = (start, stop, step);
    }

    public Enumerator GetEnumerator() => new(_start, _stop, _step);

    /// <summary>Counts in 64 bits, exactly as compiled code does, so both end at the same values.</summary>
    public struct Enumerator
    {
        private readonly long _stop, _step;
        private long _current;

        internal Enumerator(long start, long stop, long step) => (_current, _stop, _step) = (start - step, stop, step);

        public readonly int Current => (int)_current;

        public bool MoveNext()
        {
            _current += _step;
            return _step > 0 ? _current < _stop : _current > _stop;
        }
    }
}

/// <summary>A range of <see cref="long"/> for <c>foreach</c> (see <see cref="PrangeRange"/>).</summary>
public readonly struct LongPrangeRange
{
    private readonly long _start, _stop, _step;

    public LongPrangeRange(long start, long stop, long step)
    {
        if (step == 0) throw new ArgumentException(Numba.ZeroStepMessage, nameof(step));
        (_start, _stop, _step) = (start, stop, step);
    }

    public Enumerator GetEnumerator() => new(_start, _stop, _step);

    /// <summary>See <see cref="PrangeRange.Enumerator"/>.</summary>
    public struct Enumerator
    {
        private readonly long _stop, _step;
        private long _current;

        internal Enumerator(long start, long stop, long step) => (_current, _stop, _step) = (start - step, stop, step);

        public readonly long Current => _current;

        public bool MoveNext()
        {
            _current += _step;
            return _step > 0 ? _current < _stop : _current > _stop;
        }
    }
}
