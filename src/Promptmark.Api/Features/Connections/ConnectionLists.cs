namespace Promptmark.Api.Features.Connections;

public static class ConnectionLists
{
    /// <summary>The reference's default page size for connection and execution lists (prompt lists use 50).</summary>
    public const int DefaultLimit = 20;
}
