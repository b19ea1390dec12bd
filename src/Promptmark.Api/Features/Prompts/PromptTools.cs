namespace Promptmark.Api.Features.Prompts;

/// <summary>The tools attached to a prompt, as get/update/remove answer them.</summary>
public sealed record PromptTools(Guid PromptId, IReadOnlyList<ToolRef> ToolRefs, int Count)
{
    public const int Max = 50;

    public static PromptTools Of(Prompt prompt) => new(prompt.Id, prompt.ToolRefs, prompt.ToolRefs.Count);
}
