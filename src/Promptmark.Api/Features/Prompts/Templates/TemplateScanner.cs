using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>One pass over the content, splitting it into literal runs and variable slots.</summary>
internal ref struct TemplateScanner
{
    private const int MaxUnclosedTextLength = 40;
    // Working memory up to this size is taken on the stack (a 2 KB template needs about 2.2 KB), beyond it from the pool.
    private const int MaxStackBytes = 4096;
    private const int PushZeroedBytes = 1024;
    // Past this many variables a parse drops the thread's list rather than keep it for the next one.
    private const int MaxKeptVariables = 256;

    // A list per thread, used again by every parse on it: a template keeps an exact copy, so a parse grows no list of its
    // own (three arrays for the bench's ten variables, about 40 ns).
    [ThreadStatic] private static List<TemplateVariable>? _threadVariables;

    private readonly string _content;
    private readonly BraceMap _braces;
    private readonly TemplateSlot[] _slots;
    private VariableIndex _index;
    private readonly List<TemplateVariable> _variables;
    private List<TemplateWarning>? _warnings;
    private int _slotCount;
    private int _literalStart;

    private TemplateScanner(string content, BraceMap braces, TemplateSlot[] slots, VariableIndex index, List<TemplateVariable> variables)
    {
        _content = content;
        _braces = braces;
        _slots = slots;
        _index = index;
        _variables = variables;
    }

    public static Template Scan(string content)
    {
        var wordCount = BraceMap.WordsFor(content.Length);
        ulong[]? rented = null;
        var words = wordCount * sizeof(ulong) <= MaxStackBytes
            ? stackalloc ulong[wordCount]
            : (rented = ArrayPool<ulong>.Shared.Rent(wordCount));
        try
        {
            return Scan(content, new BraceMap(content, words));
        }
        finally
        {
            if (rented is not null) ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    private static Template Scan(string content, BraceMap braces)
    {
        // A slot takes four braces, and adds at most two keys (its token text and its name).
        var maxSlots = braces.Count() / 4;
        var maxKeys = 2 * maxSlots;
        var bucketCount = VariableIndex.BucketsFor(maxKeys);
        var keyBytes = maxKeys * Unsafe.SizeOf<VariableIndex.Key>();
        var size = keyBytes + bucketCount * sizeof(int);
        var variables = _threadVariables ??= [];
        byte[]? rented = null;
        // Stack memory of a variable size is zeroed a push at a time, of a fixed size by one memset: past 1 KB the memset of
        // the whole 4 KB is quicker (40 ns less for the bench's 2 KB template), below it the pushes are.
        var memory = size <= PushZeroedBytes ? stackalloc byte[size]
            : size <= MaxStackBytes ? stackalloc byte[MaxStackBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            if (rented is not null) memory.Clear();
            var index = new VariableIndex(content,
                MemoryMarshal.Cast<byte, VariableIndex.Key>(memory[..keyBytes]),
                MemoryMarshal.Cast<byte, int>(memory.Slice(keyBytes, bucketCount * sizeof(int))));
            // Every brace usually belongs to a slot, so the template keeps this very array.
            var scanner = new TemplateScanner(content, braces, new TemplateSlot[maxSlots], index, variables);
            scanner.ScanAll();
            var slots = scanner._slotCount == maxSlots ? scanner._slots : scanner._slots[..scanner._slotCount];
            return new Template(content, slots, scanner._literalStart,
                variables.ToArray(), (IReadOnlyList<TemplateWarning>?)scanner._warnings ?? []);
        }
        finally
        {
            if (variables.Capacity > MaxKeptVariables) _threadVariables = null;
            else variables.Clear();
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void ScanAll()
    {
        var length = _content.Length;
        var position = 0;
        // The first "}}" at or after the current opener; -1 once none is left, so each "}}" is searched for only once.
        var close = -2;

        while (true)
        {
            var open = _braces.NextPair(position, '{', length);
            if (open < 0)
                break;

            // In "{{{name}}}" the variable is the innermost "{{"; the extra braces stay literal.
            while (open + 2 < length && _content[open + 2] == '{')
                open++;

            var innerStart = open + 2;
            // Most tokens are clean: the first brace after the opener starts the "}}" that closes it, which proves
            // there is no "{{" before it.
            var brace = _braces.Next(innerStart);
            if (brace >= 0 && _braces.IsPairAt(brace, '}', length))
            {
                close = brace;
                AddToken(open, close + 2);
                position = close + 2;
                continue;
            }

            if (close != -1 && close < innerStart)
                close = _braces.NextPair(innerStart, '}', length);

            if (close < 0)
            {
                WarnUnclosed(open, "\"{{\" is never closed by \"}}\"");
                position = innerStart;
                continue;
            }

            var nestedOpen = _braces.NextPair(innerStart, '{', close);
            if (nestedOpen >= 0)
            {
                WarnUnclosed(open, "\"{{\" is not closed before the next \"{{\"");
                position = nestedOpen;
                continue;
            }

            AddToken(open, close + 2);
            position = close + 2;
        }
    }

    private void AddToken(int start, int end)
    {
        var innerStart = start + 2;
        var inner = _content.AsSpan(innerStart, end - start - 4);
        if (_index.TryGet(inner, out var seen))
        {
            AddSlot(start, end, seen);
            return;
        }

        if (!DeclarationParser.TryParse(inner, out var declared, out var isBare, out var error))
        {
            AddWarning(new TemplateWarning(start, _content[start..end], error));
            return;
        }

        // A token that is only its name was looked up just above, under that very text.
        var isOnlyName = inner.Length == declared.Name.Length;
        if (!isOnlyName && _index.TryGet(declared.Name, out var index))
        {
            var first = _variables[index];
            // A different declaration is reported and ignored; its slot still stands for the first one.
            if (!isBare && !declared.DeclaresSameAs(first))
                AddWarning(new TemplateWarning(start, _content[start..end], ConflictMessage(first)));
            else
                _index.Add(innerStart, inner.Length, index);
        }
        else
        {
            index = _variables.Count;
            _variables.Add(declared);
            // The name is the first thing in the token, after any spaces; a bare "{{name}}" is its own token text.
            _index.Add(innerStart + inner.Length - inner.TrimStart().Length, declared.Name.Length, index);
            if (!isOnlyName)
                _index.Add(innerStart, inner.Length, index);
        }

        AddSlot(start, end, index);
    }

    private void AddSlot(int start, int end, int index)
    {
        _slots[_slotCount++] = new TemplateSlot(_literalStart, start - _literalStart, index);
        _literalStart = end;
    }

    private void AddWarning(TemplateWarning warning) => (_warnings ??= []).Add(warning);

    private void WarnUnclosed(int open, string message)
    {
        var text = _content.AsSpan(open, Math.Min(_content.Length - open, MaxUnclosedTextLength));
        var lineEnd = text.IndexOfAny('\r', '\n');
        AddWarning(new TemplateWarning(open, (lineEnd < 0 ? text : text[..lineEnd]).ToString(), message));
    }

    private static string ConflictMessage(TemplateVariable first)
    {
        var declaration = first.Type.ToWireName();
        if (first.Type == VariableType.Enum)
            declaration += $" of {MessageText.OptionList(first.Options)}";
        declaration += first.Default is null ? " without a default" : $" with default {MessageText.Quote(first.Default)}";
        return $"\"{first.Name}\" is already declared as {declaration}; this different declaration is ignored";
    }
}
