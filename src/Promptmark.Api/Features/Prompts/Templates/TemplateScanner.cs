using System.Buffers;

namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>One pass over the content, splitting it into literal runs and variable slots.</summary>
internal sealed class TemplateScanner
{
    private const int MaxUnclosedTextLength = 40;

    private readonly string _content;
    // Rented while scanning (the count of slots is known only at the end); the template keeps an exact copy.
    private TemplateSlot[] _slots = ArrayPool<TemplateSlot>.Shared.Rent(16);
    private int _slotCount;
    private readonly List<TemplateVariable> _variables = [];
    private readonly List<TemplateWarning> _warnings = [];
    private readonly VariableIndex _index = new();
    private int _literalStart;

    private TemplateScanner(string content) => _content = content;

    public static Template Scan(string content)
    {
        var scanner = new TemplateScanner(content);
        try
        {
            scanner.ScanAll();
            return new Template(content, scanner._slots.AsSpan(0, scanner._slotCount).ToArray(), scanner._literalStart,
                scanner._variables, scanner._index, scanner._warnings);
        }
        finally
        {
            ArrayPool<TemplateSlot>.Shared.Return(scanner._slots);
        }
    }

    private void ScanAll()
    {
        var text = _content.AsSpan();
        var position = 0;
        // The first "}}" at or after the current opener; -1 once none is left, so each "}}" is searched for only once.
        var close = -2;

        while (true)
        {
            var open = IndexOfPair(text, position, '{');
            if (open < 0)
                break;

            // In "{{{name}}}" the variable is the innermost "{{"; the extra braces stay literal.
            while (open + 2 < text.Length && text[open + 2] == '{')
                open++;

            var innerStart = open + 2;
            // Most tokens are clean: the first brace after the opener starts the "}}" that closes it, so one search
            // finds the close and proves there is no "{{" before it.
            var brace = text[innerStart..].IndexOfAny('{', '}');
            if (brace >= 0 && IsPairAt(text, innerStart + brace, '}'))
            {
                close = innerStart + brace;
                AddToken(open, close + 2);
                position = close + 2;
                continue;
            }

            if (close != -1 && close < innerStart)
                close = IndexOfPair(text, innerStart, '}');

            if (close < 0)
            {
                WarnUnclosed(open, "\"{{\" is never closed by \"}}\"");
                position = innerStart;
                continue;
            }

            var nestedOpen = IndexOfPair(text[..close], innerStart, '{');
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

    private static bool IsPairAt(ReadOnlySpan<char> text, int at, char brace) =>
        text[at] == brace && at + 1 < text.Length && text[at + 1] == brace;

    /// <summary>
    /// Where the first <paramref name="brace"/> written twice starts, at or after <paramref name="from"/>; -1 when none.
    /// A search for one character is much cheaper than a search for two, and most braces are the first of a pair.
    /// </summary>
    private static int IndexOfPair(ReadOnlySpan<char> text, int from, char brace)
    {
        while (true)
        {
            var found = text[from..].IndexOf(brace);
            if (found < 0)
                return -1;
            var at = from + found;
            if (at + 1 >= text.Length)
                return -1;
            if (IsPairAt(text, at, brace))
                return at;
            // The next character is not the brace, so no pair starts there either.
            from = at + 2;
        }
    }

    private void AddToken(int start, int end)
    {
        var inner = _content.AsSpan(start + 2, end - start - 4);
        if (_index.TryGetToken(inner, out var seen))
        {
            AddSlot(start, end, seen);
            return;
        }

        if (!DeclarationParser.TryParse(inner, out var declared, out var isBare, out var error))
        {
            _warnings.Add(new TemplateWarning(start, _content[start..end], error));
            return;
        }

        if (_index.TryGetName(declared.Name, out var index))
        {
            var first = _variables[index];
            if (!isBare && !declared.DeclaresSameAs(first))
                _warnings.Add(new TemplateWarning(start, _content[start..end], ConflictMessage(first)));
            else
                _index.AddToken(inner, index);
        }
        else
        {
            index = _variables.Count;
            _variables.Add(declared);
            _index.AddName(declared.Name, index);
            _index.AddToken(inner, index);
        }

        AddSlot(start, end, index);
    }

    private void AddSlot(int start, int end, int index)
    {
        if (_slotCount == _slots.Length)
            GrowSlots();
        _slots[_slotCount++] = new TemplateSlot(_literalStart, start - _literalStart, index);
        _literalStart = end;
    }

    private void GrowSlots()
    {
        var larger = ArrayPool<TemplateSlot>.Shared.Rent(_slots.Length * 2);
        _slots.CopyTo(larger, 0);
        ArrayPool<TemplateSlot>.Shared.Return(_slots);
        _slots = larger;
    }

    private void WarnUnclosed(int open, string message)
    {
        var text = _content.AsSpan(open, Math.Min(_content.Length - open, MaxUnclosedTextLength));
        var lineEnd = text.IndexOfAny('\r', '\n');
        _warnings.Add(new TemplateWarning(open, (lineEnd < 0 ? text : text[..lineEnd]).ToString(), message));
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
