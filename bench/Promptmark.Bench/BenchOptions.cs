namespace Promptmark.Bench;

/// <summary>Command-line knobs; defaults suit the 2-core machines this runs on.</summary>
public sealed record BenchOptions(string ApiAssembly, string EverythingEntry, string EverythingPreload, int Requests, int Concurrency, string ReportPath, IReadOnlySet<string>? Steps)
{
    /// <summary>Whether the step of that name runs: all do unless <c>--steps</c> lists some (comma-separated: get-prompt, echo, mcp-split, first-token, tool-loop, playbooks, oauth-flow, overload, template, scanner).</summary>
    public bool Runs(string step) => Steps is null || Steps.Contains(step);

    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback) =>
            args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault() ?? fallback;
        var root = RepositoryRoot();
        return new BenchOptions(
            Value("api", Path.Combine(root, "src/Promptmark.Api/bin/Release/net10.0/Promptmark.Api.dll")),
            Value("everything", Path.Combine(root, "artifacts/ci-tools/node_modules/@modelcontextprotocol/server-everything/dist/index.js")),
            Path.Combine(root, "build/server-everything/listen-on-loopback.mjs"),
            int.Parse(Value("requests", "4000")),
            int.Parse(Value("concurrency", "8")),
            Value("report", Path.Combine(root, "artifacts/bench/report.md")),
            Value("steps", "") is { Length: > 0 } steps ? steps.Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal) : null);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Promptmark.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
