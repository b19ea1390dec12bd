using System.Globalization;
using Alba;
using ModelContextProtocol.Client;
using Promptmark.Api.Tests.Support;

namespace Promptmark.Api.Tests.Isolation;

/// <summary>How a call ended, on either door: the status (REST) or whether the tool reported an error (MCP), and the text.</summary>
public sealed record Outcome(string Door, bool Succeeded, bool NotFound, string Status, string Text);

/// <summary>Makes a <see cref="SliceCall"/> through the slice's REST route or its MCP tool, without judging the answer.</summary>
public static class Doors
{
    public static async Task<Outcome> RestAsync(IAlbaHost host, TestUser user, SliceCall call)
    {
        var binding = call.Slice.Binding;
        var route = SliceInputs.RouteParameters(binding.Route);
        var url = route.Aggregate(binding.Route, (path, name) => path.Replace($"{{{name}}}", Uri.EscapeDataString(Scalar(call.Inputs[name]))));
        var rest = call.Inputs.Where(i => !route.Contains(i.Key)).ToDictionary();
        var inQuery = binding.Verb is "GET" or "DELETE";
        if (inQuery && rest.Count > 0)
            url += "?" + string.Join("&", rest.Select(i => $"{i.Key}={Uri.EscapeDataString(Scalar(i.Value))}"));

        var result = await host.Scenario(s =>
        {
            switch (binding.Verb)
            {
                case "GET": s.Get.Url(url); break;
                case "DELETE": s.Delete.Url(url); break;
                case "POST": s.Post.Json(rest).ToUrl(url); break;
                case "PUT": s.Put.Json(rest).ToUrl(url); break;
                case "PATCH": s.Patch.Json(rest).ToUrl(url); break;
                default: throw new InvalidOperationException($"{call}: the stranger test does not know the verb {binding.Verb}.");
            }
            s.WithBearerToken(user.Token);
            s.IgnoreStatusCode();
        }).Bounded();
        var status = result.Context.Response.StatusCode;
        return new Outcome("REST", status is >= 200 and < 300, status == 404, status.ToString(CultureInfo.InvariantCulture), await result.ReadAsTextAsync());
    }

    public static async Task<Outcome> McpAsync(McpClient client, SliceCall call)
    {
        var tool = call.Slice.Binding.Tool!;
        var result = await client.CallAsync(tool, ToolArguments(call));
        var text = McpCalls.Text(result);
        var failed = result.IsError == true;
        return new Outcome($"MCP {tool}", !failed, failed && text.Contains("not found", StringComparison.Ordinal), failed ? "isError" : "ok", text);
    }

    /// <summary>The call's inputs that the slice's tool takes (route and REST-only inputs left out).</summary>
    public static Dictionary<string, object> ToolArguments(SliceCall call) =>
        call.Inputs.Where(i => SliceInputs.InputsOf(call.Slice).Any(input => input.Name == i.Key && input.ToolArgument)).ToDictionary();

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new InvalidOperationException($"A {value.GetType().Name} cannot go in a URL: give the input a scalar value in SliceInputs."),
    };
}
