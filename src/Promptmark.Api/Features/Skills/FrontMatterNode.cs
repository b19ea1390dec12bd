namespace Promptmark.Api.Features.Skills;

/// <summary>A front matter value reduced to what SKILL.md needs; every YAML scalar is kept as its text.</summary>
internal abstract record FrontMatterNode
{
    public bool IsAbsent => this is FrontMatterText { IsNull: true };

    public string Kind => this switch
    {
        FrontMatterList => "a list",
        FrontMatterMap => "a mapping",
        _ => "text",
    };
}

/// <summary><see cref="IsNull"/> marks an unquoted empty value, ~ or null: YAML's way of saying "no value".</summary>
internal sealed record FrontMatterText(string Text, bool IsNull) : FrontMatterNode;

internal sealed record FrontMatterList(IReadOnlyList<FrontMatterNode> Items) : FrontMatterNode;

/// <summary>Entries in written order, duplicates included, so that rules can report them.</summary>
internal sealed record FrontMatterMap(IReadOnlyList<FrontMatterEntry> Entries) : FrontMatterNode
{
    public static readonly FrontMatterMap Empty = new([]);
}

/// <summary><see cref="Key"/> is null when the key is a list or mapping rather than text.</summary>
internal sealed record FrontMatterEntry(string? Key, int Line, FrontMatterNode Value);
