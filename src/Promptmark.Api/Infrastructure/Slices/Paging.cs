namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>limit (default 50, 1 to 100) and offset (default 0) as the reference defines them for lists.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public static void Validate(int? limit, int? offset, InputErrors errors)
    {
        errors.When(limit is < 1 or > MaxLimit, "limit", $"must be between 1 and {MaxLimit}");
        errors.When(offset is < 0, "offset", "must be 0 or more");
    }

    public static (int Limit, int Offset) Resolve(int? limit, int? offset, int defaultLimit = DefaultLimit) => (limit ?? defaultLimit, offset ?? 0);
}
