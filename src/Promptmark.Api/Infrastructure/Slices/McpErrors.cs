using ModelContextProtocol.Protocol;
using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>Writes a slice failure as an MCP tool error result that a model can read and act on.</summary>
public static class McpErrors
{
    public static CallToolResult Result(SliceException failure) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = Text(failure) }],
    };

    private static string Text(SliceException failure) => failure switch
    {
        InvalidInputException invalid => "Invalid input: " + invalid.Message,
        UnprocessableException { Extensions.Count: > 0 } unprocessable =>
            failure.Message + "\n" + System.Text.Json.JsonSerializer.Serialize(unprocessable.Extensions, Json.Wire.Options),
        _ => failure.Message,
    };
}
