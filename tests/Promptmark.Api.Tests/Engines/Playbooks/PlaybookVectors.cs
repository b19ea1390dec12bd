namespace Promptmark.Api.Tests.Engines.Playbooks;

/// <summary>
/// The spec's conformance vectors and examples, copied beside the test binaries by the test project from
/// docs/reference/playbook-spec (so a fresh clone needs nothing outside the repository).
/// </summary>
public static class PlaybookVectors
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "reference", "playbook-spec");

    /// <summary>Every vector as "folder/name", the base of its .playbook.md and its .expected.json or .errors.json.</summary>
    public static TheoryData<string> All() =>
        new(Directory.GetFiles(Path.Combine(Root, "vectors"), "*.playbook.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Root, "vectors"), f)[..^".playbook.md".Length].Replace('\\', '/'))
            .Order());

    public static TheoryData<string> Examples() =>
        new(Directory.GetFiles(Path.Combine(Root, "examples"), "*.md").Select(Path.GetFileName).OfType<string>().Order());

    public static string Document(string vector) => File.ReadAllText(Path.Combine(Root, "vectors", vector + ".playbook.md"));

    /// <summary>The expected result: the .expected.json of a valid document, else its .errors.json.</summary>
    public static string Expected(string vector)
    {
        var valid = Path.Combine(Root, "vectors", vector + ".expected.json");
        return File.ReadAllText(File.Exists(valid) ? valid : Path.Combine(Root, "vectors", vector + ".errors.json"));
    }

    public static string Example(string name) => File.ReadAllText(Path.Combine(Root, "examples", name));
}
