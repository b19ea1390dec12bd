namespace Promptmark.Api.Infrastructure.Storage;

/// <summary>The answer of every delete: which object is gone.</summary>
public sealed record Deleted(Guid Id)
{
    public bool Success => true;
}
