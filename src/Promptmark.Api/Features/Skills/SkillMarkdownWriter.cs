using System.Text;

namespace Promptmark.Api.Features.Skills;

/// <summary>Canonical SKILL.md: fields in a fixed order, empty optional ones left out, a blank line before the body.</summary>
internal static class SkillMarkdownWriter
{
    // YAML allows at most 1024 characters in an implicit "key: value" key.
    private const int ImplicitKeyMaxLength = 1000;

    public static string Write(SkillDocument document)
    {
        var text = new StringBuilder("---\n");
        AppendField(text, "name", document.Name);
        AppendField(text, "description", document.Description);
        if (!string.IsNullOrEmpty(document.License))
            AppendField(text, "license", document.License);
        if (!string.IsNullOrEmpty(document.Compatibility))
            AppendField(text, "compatibility", document.Compatibility);
        AppendMetadata(text, document.Metadata);
        AppendAllowedTools(text, document.AllowedTools);
        text.Append("---\n");

        if (document.Body.Length > 0)
            text.Append('\n').Append(document.Body);
        return text.ToString();
    }

    private static void AppendField(StringBuilder text, string key, string value) =>
        text.Append(key).Append(": ").Append(YamlScalar.Format(value, indent: 2)).Append('\n');

    private static void AppendMetadata(StringBuilder text, IReadOnlyDictionary<string, string> metadata)
    {
        if (metadata.Count == 0)
            return;

        text.Append("metadata:\n");
        foreach (var (key, value) in metadata)
        {
            var yamlKey = YamlScalar.Key(key);
            if (yamlKey.Length > ImplicitKeyMaxLength)
                text.Append("  ? ").Append(yamlKey).Append("\n  : ");
            else
                text.Append("  ").Append(yamlKey).Append(": ");
            text.Append(YamlScalar.Format(value, indent: 4)).Append('\n');
        }
    }

    private static void AppendAllowedTools(StringBuilder text, IReadOnlyList<string> tools)
    {
        if (tools.Count == 0)
            return;

        var joined = AllowedTools.Joined(tools);
        if (joined is not null)
        {
            AppendField(text, "allowed-tools", joined);
            return;
        }

        text.Append("allowed-tools:\n");
        foreach (var tool in tools)
            text.Append("  - ").Append(YamlScalar.Format(tool, indent: 4)).Append('\n');
    }
}
