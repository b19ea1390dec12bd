using System.Text;
using System.Text.Json;

namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>Where a value sits inside the arguments, rendered as <c>items[2].name</c>; the root is <c>arguments</c>.</summary>
internal sealed class ArgumentPath
{
    public static readonly ArgumentPath Root = new(null, null, -1);

    private readonly string? property;
    private readonly int index;

    private ArgumentPath(ArgumentPath? parent, string? property, int index)
    {
        Parent = parent;
        this.property = property;
        this.index = index;
    }

    public ArgumentPath? Parent { get; }

    public ArgumentPath Property(string name) => new(this, name, -1);

    public ArgumentPath Item(int position) => new(this, null, position);

    public override string ToString()
    {
        if (Parent is null) return "arguments";
        var text = new StringBuilder();
        Append(text);
        return text.ToString();
    }

    private void Append(StringBuilder text)
    {
        if (Parent is null) return;
        Parent.Append(text);
        if (property is null)
            text.Append('[').Append(index).Append(']');
        else if (!IsPlainName(property))
            text.Append('[').Append(JsonSerializer.Serialize(property)).Append(']');
        else
            text.Append(Parent.Parent is null ? "" : ".").Append(property);
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '-');
}
