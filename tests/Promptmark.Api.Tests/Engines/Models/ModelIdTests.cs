using Promptmark.Api.Engines.Models;

namespace Promptmark.Api.Tests.Engines.Models;

public sealed class ModelIdTests
{
    [Theory]
    [InlineData("anthropic/claude-sonnet-4", "anthropic", "claude-sonnet-4")]
    [InlineData("OpenAI/gpt-4o", "openai", "gpt-4o")]
    [InlineData("openrouter/meta-llama/llama-3.1-8b", "openrouter", "meta-llama/llama-3.1-8b")]
    [InlineData("ollama/llama3.2:latest", "ollama", "llama3.2:latest")]
    public void a_model_id_is_the_provider_then_the_model(string value, string provider, string model)
    {
        ModelId.TryParse(value, out var id).ShouldBeTrue();
        id.ShouldBe(new ModelId(provider, model));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("gpt-4o")]
    [InlineData("/gpt-4o")]
    [InlineData("openai/")]
    [InlineData("openai/gpt 4o")]
    public void anything_else_is_not_a_model_id(string? value) => ModelId.TryParse(value, out _).ShouldBeFalse();
}
