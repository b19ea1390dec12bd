using System.Text.Json;
using System.Buffers;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Promptmark.Api.Infrastructure.Errors;
using Promptmark.Api.Infrastructure.Json;
using Promptmark.Api.Infrastructure.Mcp;

namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>
/// The MCP door of a slice: the tool's input schema comes from the request type, arguments are deserialized into
/// the request, and the same <see cref="SliceInvoker"/> runs the handler; the response is the structured result
/// (its schema from the response type) and, as JSON text, the content older clients read. Expected failures become an
/// <c>isError</c> result carrying the same message REST puts in its problem details.
/// </summary>
public sealed class McpSliceTool<TRequest, TResponse> : McpServerTool, IDirectTool where TRequest : ISlice<TResponse>
{
    private readonly SliceDescriptor _slice = SliceCatalog.Instance.For(typeof(TRequest));

    // Built on first use rather than at registration: the schemas of every tool together take a good part of start-up.
    private readonly Lazy<Tool> _tool;

    public McpSliceTool() =>
        _tool = new(() => new Tool
        {
            Name = _slice.Binding.Tool!,
            Title = _slice.Binding.ToolTitle,
            Description = _slice.Description,
            InputSchema = ToolSchema.For(typeof(TRequest)),
            OutputSchema = OutputSchema.For(typeof(TResponse)),
            Annotations = _slice.Binding.Hints!.Annotations(_slice.Binding.ToolTitle),
        });

    public override Tool ProtocolTool => _tool.Value;

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> context, CancellationToken ct) =>
        (await AnswerAsync(context, ct)).ToResult();

    public async ValueTask<DirectToolAnswer> AnswerAsync(RequestContext<CallToolRequestParams> context, CancellationToken ct)
    {
        try
        {
            var request = ReadArguments(context.Params?.Arguments);
            var invoker = context.Services!.GetRequiredService<SliceInvoker>();
            var response = await invoker.InvokeAsync<TResponse>(request, context.User ?? new(), SliceDoor.Mcp, ct);
            // Serialized once: the bytes are the structured result, and the JSON text block older clients read.
            return new DirectToolAnswer(JsonSerializer.SerializeToUtf8Bytes(response, Wire.Options), _slice.Binding.McpText?.Invoke(response!));
        }
        catch (Exception exception) when (ProblemResponses.Unwrap(exception) is SliceException failure)
        {
            return DirectToolAnswer.Of(McpErrors.Result(failure));
        }
    }

    private static readonly HashSet<string> RestOnlyNames =
        ToolSchema.WireProperties(typeof(TRequest)).Except(ToolSchema.ToolProperties(typeof(TRequest))).Select(Wire.NameOf).ToHashSet();

    /// <summary>
    /// The arguments as one JSON object, read like a REST body. An argument whose text cannot even be copied (invalid
    /// UTF-8, a lone surrogate in a string the SDK kept raw) is refused by name here.
    /// </summary>
    private static TRequest ReadArguments(IDictionary<string, JsonElement>? arguments)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
            {
                if (RestOnlyNames.Contains(name)) continue;
                try
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException)
                {
                    throw new InvalidInputException(name, WireValues.InvalidText);
                }
            }
            writer.WriteEndObject();
        }
        return (TRequest)WireRequest.Read(json.WrittenSpan, typeof(TRequest), "arguments");
    }
}
