// A lock-guarded table that creates each key's value once, for the dispatcher's first-call path.
using System;
using System.Collections.Generic;
using System.Threading;

namespace NumbaWeaver.Dispatch;

/// <summary>
/// What <c>ConcurrentDictionary&lt;K, Lazy&lt;V&gt;&gt;</c> gives (one creation per key, different keys created
/// in parallel, a failure remembered for its key) with CoreLib types only: the first compiled call of a
/// process would otherwise load System.Collections.Concurrent and bind its code, about a millisecond.
/// Lookups happen once per method (stubs keep the result), so one lock is no contention.
/// </summary>
internal sealed class OnceTable<TKey, TValue> where TKey : notnull where TValue : class?
{
    private readonly Dictionary<TKey, Lazy<TValue>> _values;

    public OnceTable(IEqualityComparer<TKey>? comparer = null) => _values = new Dictionary<TKey, Lazy<TValue>>(comparer);

    /// <summary>The value for <paramref name="key"/>, created by <paramref name="create"/> on the first request (concurrent requests wait for it).</summary>
    public TValue Get(TKey key, Func<TKey, TValue> create)
    {
        Lazy<TValue>? value;
        lock (_values)
        {
            if (!_values.TryGetValue(key, out value))
            {
                value = new Lazy<TValue>(() => create(key), LazyThreadSafetyMode.ExecutionAndPublication);
                _values.Add(key, value);
            }
        }
        return value.Value;
    }
}
