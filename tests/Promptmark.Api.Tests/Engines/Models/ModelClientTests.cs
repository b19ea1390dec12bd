using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using Promptmark.Api.Engines.Egress;
using Promptmark.Api.Engines.Models;

namespace Promptmark.Api.Tests.Engines.Models;

/// <summary>The official SDKs, built by the engine, against fake providers speaking each wire protocol on 127.0.0.1.</summary>
public sealed class ModelClientTests : IAsyncDisposable
{
    private const string Key = "sk-test-0123456789";
    private readonly ModelClients _clients = new(new EgressOptions { AllowedHosts = ["127.0.0.1"] }, new MemoryCache(new MemoryCacheOptions()));
    private readonly List<ScriptedModelServer> _servers = [];

    public static TheoryData<string> Kinds => new(ProviderKinds.OpenAi, ProviderKinds.Anthropic);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Kinds))]
    public void a_client_is_built_once_per_settings_and_anew_when_the_key_or_url_changes(string kind)
    {
        var endpoint = new ProviderEndpoint("mine", kind, new Uri("http://127.0.0.1:9/v1"), Key);

        var first = _clients.ChatClient(endpoint, "model-a");

        _clients.ChatClient(endpoint with { }, "model-a").ShouldBeSameAs(first);
        _clients.ChatClient(endpoint with { ApiKey = Key + "-new" }, "model-a").ShouldNotBeSameAs(first);
        _clients.ChatClient(endpoint with { BaseUrl = new Uri("http://127.0.0.1:10/v1") }, "model-a").ShouldNotBeSameAs(first);
        _clients.ChatClient(endpoint, "model-b").ShouldNotBeSameAs(first);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task a_chat_round_trip_answers_the_text_and_the_usage(string kind)
    {
        var (server, endpoint) = await StartAsync(kind);
        server.Reply(new ScriptedReply.Text("Hello there", 12, 3));

        var response = await _clients.ChatClient(endpoint, "model-a").GetResponseAsync("Say hello", cancellationToken: Ct);

        response.Text.ShouldBe("Hello there");
        response.Usage!.InputTokenCount.ShouldBe(12);
        response.Usage.OutputTokenCount.ShouldBe(3);
        var sent = server.Requests.Single();
        sent.Streams.ShouldBeFalse();
        sent.Body.GetProperty("model").GetString().ShouldBe("model-a");
        sent.Body.GetProperty("messages").ToString().ShouldContain("Say hello");
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task a_streamed_answer_arrives_in_pieces_with_its_usage(string kind)
    {
        var (server, endpoint) = await StartAsync(kind);
        server.Reply(new ScriptedReply.Text("One two three four", 20, 4));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _clients.ChatClient(endpoint, "model-a").GetStreamingResponseAsync("Count", cancellationToken: Ct))
            updates.Add(update);
        var response = updates.ToChatResponse();

        updates.Count(u => u.Text.Length > 0).ShouldBe(4);
        response.Text.ShouldBe("One two three four");
        response.Usage!.InputTokenCount.ShouldBe(20);
        response.Usage.OutputTokenCount.ShouldBe(4);
        server.Requests.Single().Streams.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task a_tool_call_comes_back_as_a_function_call_with_its_arguments(string kind)
    {
        var (server, endpoint) = await StartAsync(kind);
        server.Reply(new ScriptedReply.ToolCall("get_weather", """{"city":"Paris"}""", 30, 9));
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string city) => $"sunny in {city}", "get_weather", "The weather in a city")] };

        var response = await _clients.ChatClient(endpoint, "model-a").GetResponseAsync("Weather in Paris?", options, Ct);

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        call.Name.ShouldBe("get_weather");
        call.Arguments!["city"]!.ToString().ShouldBe("Paris");
        response.Usage!.OutputTokenCount.ShouldBe(9);
        server.Requests.Single().Body.GetProperty("tools").ToString().ShouldContain("get_weather");
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task a_wrong_key_is_a_401_whose_explanation_does_not_quote_the_key(string kind)
    {
        var (server, endpoint) = await StartAsync(kind);
        var wrong = endpoint with { ApiKey = "sk-wrong-9876543210" };

        var failure = await Should.ThrowAsync<Exception>(() => _clients.ChatClient(wrong, "model-a").GetResponseAsync("Hi", cancellationToken: Ct));

        var explained = ProviderFailure.From(kind, failure).ShouldNotBeNull();
        explained.Status.ShouldBe(401);
        explained.Message.ShouldBe($"{kind} answered 401: the API key was refused");
        explained.Message.ShouldNotContain("sk-wrong-9876543210");
        server.Requests.Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task a_rate_limit_is_reported_at_once_not_retried(string kind)
    {
        var (server, endpoint) = await StartAsync(kind);
        server.Reply(new ScriptedReply.Failure(429, "slow down", RetryAfterSeconds: 7));

        var failure = await Should.ThrowAsync<Exception>(() => _clients.ChatClient(endpoint, "model-a").GetResponseAsync("Hi", cancellationToken: Ct));

        var explained = ProviderFailure.From(kind, failure).ShouldNotBeNull();
        explained.Status.ShouldBe(429);
        explained.Message.ShouldBe($"{kind} answered 429: slow down");
        // OpenAI's SDK exposes the response headers on its exception; Anthropic's does not.
        explained.RetryAfter.ShouldBe(kind == ProviderKinds.OpenAi ? TimeSpan.FromSeconds(7) : null);
        server.Requests.Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Kinds))]
    public async Task the_model_list_is_asked_of_the_provider(string kind)
    {
        var (server, endpoint) = await StartAsync(kind);
        server.Models.Clear();
        server.Models.AddRange(["zeta-1", "alpha-2"]);

        var models = await _clients.ListModelsAsync(endpoint, Ct);

        models.ShouldBe(["alpha-2", "zeta-1"]);
        server.Requests.Single().Path.ShouldBe("/v1/models");
    }

    [Fact]
    public async Task a_local_server_without_a_key_is_called_without_one()
    {
        var server = await OpenAiCompatibleServer.StartAsync(apiKey: null);
        _servers.Add(server);
        server.Reply(new ScriptedReply.Text("hi", 1, 1));

        var response = await _clients.ChatClient(new ProviderEndpoint("ollama", ProviderKinds.OpenAiCompatible, server.BaseUrl, null), "llama3.2")
            .GetResponseAsync("Hi", cancellationToken: Ct);

        response.Text.ShouldBe("hi");
    }

    [Theory]
    [InlineData("http://10.1.2.3:11434/v1")]
    [InlineData("http://169.254.169.254/latest")]
    [InlineData("http://[::1]:8080/v1")]
    [InlineData("http://localhost:11434/v1")]
    [InlineData("http://api.example.com/v1")]
    public void a_base_url_outside_the_egress_rules_is_refused_before_anything_is_sent(string baseUrl)
    {
        var endpoint = new ProviderEndpoint("local", ProviderKinds.OpenAiCompatible, new Uri(baseUrl), Key);

        Should.Throw<EgressRefusedException>(() => _clients.ChatClient(endpoint, "model-a"));
        Should.Throw<EgressRefusedException>(() => _clients.ChatClient(endpoint with { Kind = ProviderKinds.Anthropic }, "model-a"));
    }

    [Fact]
    public void an_endpoint_prints_without_its_key() =>
        new ProviderEndpoint("openai", ProviderKinds.OpenAi, new Uri("https://api.openai.com/v1"), Key).ToString().ShouldNotContain(Key);

    private async Task<(ScriptedModelServer Server, ProviderEndpoint Endpoint)> StartAsync(string kind)
    {
        ScriptedModelServer server = kind == ProviderKinds.Anthropic ? await AnthropicServer.StartAsync(Key) : await OpenAiCompatibleServer.StartAsync(Key);
        _servers.Add(server);
        return (server, new ProviderEndpoint(kind, kind, server.BaseUrl, Key));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers) await server.DisposeAsync();
        _clients.Dispose();
    }
}
