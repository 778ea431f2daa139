// A growable list of LLVM handles (types, values) for building signatures and argument lists.
using System;

namespace NumbaWeaver.Backend;

/// <summary>
/// The few operations lowering needs of a list. CoreLib's <c>List&lt;T&gt;</c>, <c>Array.Empty&lt;T&gt;</c>,
/// <c>ConvertAll</c> and <c>Fill</c> over our own handle structs have no ReadyToRun code (their IL lives outside our
/// version bubble), so each method used would be jitted in every process that compiles: a first compile jitted
/// 20 of them (docs/cache.md). A generic class of ours over our own structs is precompiled with the runtime.
/// </summary>
internal sealed class HandleList<T> where T : unmanaged
{
    /// <summary>An empty array of handles (not Array.Empty&lt;T&gt;, for the reason above).</summary>
    public static readonly T[] None = new T[0];

    private T[] _items = new T[8];

    public int Count { get; private set; }

    public T this[int index] =>
        (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A list holding <paramref name="items"/>.</summary>
    public static HandleList<T> Of(params T[] items)
    {
        var list = new HandleList<T>();
        list.AddRange(items);
        return list;
    }

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            var grown = new T[_items.Length * 2];
            Array.Copy(_items, grown, Count);
            _items = grown;
        }
        _items[Count++] = item;
    }

    public void AddRange(T[] items)
    {
        foreach (var item in items) Add(item);
    }

    public T[] ToArray()
    {
        var array = new T[Count];
        Array.Copy(_items, array, Count);
        return array;
    }

    /// <summary><paramref name="count"/> copies of <paramref name="item"/> (not Array.Fill, for the reason above).</summary>
    public static T[] Repeat(T item, int count)
    {
        var array = new T[count];
        for (int i = 0; i < count; i++) array[i] = item;
        return array;
    }
}
