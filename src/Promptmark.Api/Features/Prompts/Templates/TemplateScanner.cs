namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>One pass over the content, splitting it into literal runs and variable slots.</summary>
internal sealed class TemplateScanner
{
    private const int MaxUnclosedTextLength = 40;

    private readonly string _content;
    private TemplateSlot[] _slots;
    private int _slotCount;
    private readonly List<TemplateVariable> _variables = [];
    private readonly Dictionary<string, int> _indexByName;
    private readonly List<TemplateWarning> _warnings = [];
    // A template repeats its slots ("{{product}}" five times): a token written exactly as an earlier clean one is that variable.
    private readonly Dictionary<string, int> _indexByToken;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _indexByTokenText;
    private int _literalStart;

    private TemplateScanner(string content)
    {
        _content = content;
        // Sized once from the number of openers, so nothing grows (and is copied) while scanning: at most one slot,
        // one variable and one token per opener.
        var openers = content.AsSpan().Count("{{");
        _slots = new TemplateSlot[openers];
        _indexByName = new Dictionary<string, int>(openers, StringComparer.Ordinal);
        _indexByToken = new Dictionary<string, int>(openers, StringComparer.Ordinal);
        _indexByTokenText = _indexByToken.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Template Scan(string content)
    {
        var scanner = new TemplateScanner(content);
        scanner.ScanAll();
        Array.Resize(ref scanner._slots, scanner._slotCount);
        return new Template(content, scanner._slots, scanner._literalStart, scanner._variables, scanner._indexByName, scanner._warnings);
    }

    private void ScanAll()
    {
        var text = _content.AsSpan();
        var position = 0;
        // The first "}}" at or after the current opener; -1 once none is left, so each "}}" is searched for only once.
        var close = -2;

        while (true)
        {
            var found = text[position..].IndexOf("{{");
            if (found < 0)
                break;

            var open = position + found;
            // In "{{{name}}}" the variable is the innermost "{{"; the extra braces stay literal.
            while (open + 2 < text.Length && text[open + 2] == '{')
                open++;

            var innerStart = open + 2;
            if (close != -1 && close < innerStart)
            {
                var next = text[innerStart..].IndexOf("}}");
                close = next < 0 ? -1 : innerStart + next;
            }

            if (close < 0)
            {
                WarnUnclosed(open, "\"{{\" is never closed by \"}}\"");
                position = innerStart;
                continue;
            }

            var nestedOpen = text[innerStart..close].IndexOf("{{");
            if (nestedOpen >= 0)
            {
                WarnUnclosed(open, "\"{{\" is not closed before the next \"{{\"");
                position = innerStart + nestedOpen;
                continue;
            }

            AddToken(open, close + 2);
            position = close + 2;
        }
    }

    private void AddToken(int start, int end)
    {
        var inner = _content.AsSpan(start + 2, end - start - 4);
        if (_indexByTokenText.TryGetValue(inner, out var seen))
        {
            AddSlot(start, end, seen);
            return;
        }

        if (!DeclarationParser.TryParse(inner, out var declared, out var isBare, out var error))
        {
            _warnings.Add(new TemplateWarning(start, _content[start..end], error));
            return;
        }

        if (_indexByName.TryGetValue(declared.Name, out var index))
        {
            var first = _variables[index];
            if (!isBare && !declared.DeclaresSameAs(first))
                _warnings.Add(new TemplateWarning(start, _content[start..end], ConflictMessage(first)));
            else
                _indexByTokenText[inner] = index;
        }
        else
        {
            index = _variables.Count;
            _variables.Add(declared);
            _indexByName.Add(declared.Name, index);
            _indexByTokenText[inner] = index;
        }

        AddSlot(start, end, index);
    }

    private void AddSlot(int start, int end, int index)
    {
        _slots[_slotCount++] = new TemplateSlot(_literalStart, start - _literalStart, index);
        _literalStart = end;
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
