using Promptmark.Api.Infrastructure.Errors;

namespace Promptmark.Api.Features.Conversations.Transcripts;

/// <summary>What is wrong with an export file, by place in the file; the import stores nothing when there is anything.</summary>
public sealed class TranscriptProblems
{
    /// <summary>A broken export can be wrong in every message: the first ones are enough to find the cause.</summary>
    public const int MaxReported = 20;

    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);

    public bool Any => _problems.Count > 0;

    public void Add(string where, string problem)
    {
        if (_problems.Count < MaxReported) _problems.TryAdd(where, problem);
    }

    /// <summary>A 422 naming each place and what is wrong there, in its message (MCP, logs) and in <c>errors</c> (REST).</summary>
    public void ThrowIfAny(string format)
    {
        if (!Any) return;
        var listed = string.Join("; ", _problems.Select(p => $"{p.Key}: {p.Value}"));
        throw new UnprocessableException($"The file cannot be imported as {format}, nothing was stored: {listed}",
            new Dictionary<string, object?> { ["errors"] = _problems.ToDictionary(p => p.Key, p => new[] { p.Value }) });
    }
}
