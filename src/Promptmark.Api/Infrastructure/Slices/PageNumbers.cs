namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>page (1-indexed, default 1) and page_size as the reference defines them for page-numbered lists.</summary>
public static class PageNumbers
{
    public const int DefaultPageSize = 20;

    /// <summary>Far beyond any real list, and low enough that (page - 1) * page_size stays an int.</summary>
    public const int MaxPage = 1_000_000;

    public static void Validate(int? page, int? pageSize, int maxPageSize, InputErrors errors)
    {
        errors.When(page is < 1 or > MaxPage, "page", $"must be between 1 and {MaxPage:N0}");
        errors.When(pageSize is < 1 || pageSize > maxPageSize, "page_size", $"must be between 1 and {maxPageSize}");
    }

    public static (int Page, int Size, int Skip) Resolve(int? page, int? pageSize, int defaultPageSize = DefaultPageSize)
    {
        var (number, size) = (page ?? 1, pageSize ?? defaultPageSize);
        return (number, size, (number - 1) * size);
    }
}
