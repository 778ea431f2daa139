// A growable list of LLVM types for building signatures: List<LLVMTypeRef> would be jitted on every first compile.
using System;
using NumbaWeaver.Llvm.Interop;

namespace NumbaWeaver.Backend;

/// <summary>
/// The few operations signature building needs. CoreLib's <c>List&lt;T&gt;</c> over our own struct has no
/// ReadyToRun code (its IL lives outside our version bubble), so each of its methods would be jitted in
/// every process that compiles; this class is precompiled with the rest of the runtime.
/// </summary>
internal sealed class TypeList
{
    private LLVMTypeRef[] _items = new LLVMTypeRef[8];

    public int Count { get; private set; }

    public LLVMTypeRef this[int index] =>
        (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(LLVMTypeRef type)
    {
        if (Count == _items.Length)
        {
            var grown = new LLVMTypeRef[_items.Length * 2];
            Array.Copy(_items, grown, Count);
            _items = grown;
        }
        _items[Count++] = type;
    }

    public LLVMTypeRef[] ToArray()
    {
        var array = new LLVMTypeRef[Count];
        Array.Copy(_items, array, Count);
        return array;
    }
}
