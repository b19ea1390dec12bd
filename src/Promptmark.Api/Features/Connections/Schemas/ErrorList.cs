namespace Promptmark.Api.Features.Connections.Schemas;

/// <summary>How a value failed, so that anyOf/oneOf can tell "wrong shape" from "right shape, wrong detail".</summary>
internal enum Mismatch
{
    Constraint,
    Type,
    Discriminator,
}

internal sealed record SchemaError(ArgumentPath Path, string Message, Mismatch Kind);

/// <summary>The errors found so far, capped so that a huge or hostile input cannot produce an unbounded report.</summary>
internal sealed class ErrorList(int capacity)
{
    private readonly List<SchemaError> items = [];

    public IReadOnlyList<SchemaError> Items => items;

    public bool IsEmpty => items.Count == 0;

    public bool IsFull => items.Count >= capacity;

    public void Add(ArgumentPath path, string message, Mismatch kind = Mismatch.Constraint)
    {
        if (!IsFull) items.Add(new SchemaError(path, message, kind));
    }

    public void AddRange(ErrorList other)
    {
        foreach (var error in other.items) Add(error.Path, error.Message, error.Kind);
    }

    /// <summary>
    /// True when the value has the shape this list was checked against: no type mismatch at
    /// <paramref name="path"/> and no failed const (the discriminator of a tagged union) on it or its fields.
    /// </summary>
    public bool FitsShapeAt(ArgumentPath path) => !items.Any(error =>
        (error.Kind == Mismatch.Type && error.Path == path)
        || (error.Kind == Mismatch.Discriminator && (error.Path == path || error.Path.Parent == path)));
}
