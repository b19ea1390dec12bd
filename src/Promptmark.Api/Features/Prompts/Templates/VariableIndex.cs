namespace Promptmark.Api.Features.Prompts.Templates;

/// <summary>
/// The variable index of each name, and of each token text seen clean (a template repeats its slots: "{{product}}"
/// written again is that variable without parsing it again). One table holds both: a token text that is a valid
/// name is the bare token of that very name, so both keys can only ever mean the same variable.
/// </summary>
internal sealed class VariableIndex
{
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byTokenText;

    public VariableIndex() => _byTokenText = _byText.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool TryGetToken(ReadOnlySpan<char> token, out int index) => _byTokenText.TryGetValue(token, out index);

    public bool TryGetName(string name, out int index) => _byText.TryGetValue(name, out index);

    public void AddToken(ReadOnlySpan<char> token, int index) => _byTokenText[token] = index;

    public void AddName(string name, int index) => _byText[name] = index;

    /// <summary>Whether a variable is called exactly <paramref name="name"/> (a token text such as "a:number" is not a name).</summary>
    public bool Names(string name, IReadOnlyList<TemplateVariable> variables) =>
        _byText.TryGetValue(name, out var index) && variables[index].Name == name;
}
