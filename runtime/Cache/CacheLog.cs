// NUMBA_DEBUG_CACHE messages and the once-per-folder warnings of the cache.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NumbaWeaver.Config;

namespace NumbaWeaver.Cache;

/// <summary>Writes cache diagnostics to stderr: every hit, miss, store and rejection with NUMBA_DEBUG_CACHE=1, and warnings once per subject.</summary>
internal static class CacheLog
{
    private static readonly HashSet<string> Warned = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes the message when NUMBA_DEBUG_CACHE is on. The message is an interpolated string that is only
    /// formatted then: formatting it on every hit would cost the first call of a process about a millisecond.
    /// </summary>
    public static void Debug([InterpolatedStringHandlerArgument] ref DebugMessage message)
    {
        if (message.Enabled) Console.Error.WriteLine("[numba cache] " + message.ToStringAndClear());
    }

    public static void WarnOnce(string subject, string message)
    {
        bool first;
        lock (Warned) first = Warned.Add(subject);
        if (first) Console.Error.WriteLine("warning NJ1001: " + message);
        else if (NumbaConfig.DebugCache) Console.Error.WriteLine("[numba cache] " + message);
    }
}

/// <summary>An interpolated message for <see cref="CacheLog.Debug"/> that formats nothing unless NUMBA_DEBUG_CACHE is on.</summary>
[InterpolatedStringHandler]
internal ref struct DebugMessage
{
    private DefaultInterpolatedStringHandler _text;

    public DebugMessage(int literalLength, int formattedCount, out bool shouldAppend)
    {
        Enabled = shouldAppend = NumbaConfig.DebugCache;
        _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public bool Enabled { get; }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    public string ToStringAndClear() => _text.ToStringAndClear();
}
