using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace Promptmark.Api.Features.Collections;

/// <summary>A folder of prompts. A prompt belongs to at most one collection; names are unique per user, whatever their case.</summary>
public sealed class Collection
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Lower-cased <see cref="Name"/>, unique per user (enforced by an index, so a race cannot create twins).</summary>
    public string NameKey { get; set; } = "";

    public string? Description { get; set; }
    public string Icon { get; set; } = CollectionStyle.DefaultIcon;
    public string Color { get; set; } = CollectionStyle.DefaultColor;
    public bool IsPublic { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public void Rename(string name)
    {
        Name = name.Trim();
        NameKey = Name.ToLowerInvariant();
    }
}

public sealed class CollectionStorage : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Schema.For<Collection>().UniqueIndex(UniqueIndexType.Computed, "uq_collection_name_per_user", TenancyScope.PerTenant, c => c.NameKey);
}

public static class CollectionStyle
{
    public const string DefaultIcon = "folder";
    public const string DefaultColor = "gray";
    public static readonly IReadOnlyList<string> Colors = ["gray", "red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink"];
}
