using System.Diagnostics;
using System.Text.Json;
using Promptmark.Api.Features.Prompts.Templates;

namespace Promptmark.Bench;

/// <summary>Template engine throughput in process: parse and render a 2 KB template with 10 variables, as render_prompt does per call.</summary>
public static class TemplateThroughput
{
    public static readonly string Content = string.Join("\n\n", Enumerable.Repeat(
        "You are writing release notes for {{product}} version {{version:number:1}} in a {{tone:enum:formal,friendly,terse:friendly}} tone. " +
        "Audience: {{audience:text}}. Mention breaking changes: {{breaking:boolean:false}}. Keep it under {{words:int:300}} words, " +
        "written in {{language::English}}, signed by {{author}} for {{team}} on {{date}}.", 5));

    public static void Run(Report report)
    {
        var inputs = new Dictionary<string, JsonElement>
        {
            ["product"] = Json("\"Promptmark\""), ["version"] = Json("2"), ["audience"] = Json("\"operators and prompt engineers\""),
            ["author"] = Json("\"Ada\""), ["team"] = Json("\"Platform\""), ["date"] = Json("\"2026-11-23\""), ["breaking"] = Json("true"),
        };
        for (var i = 0; i < 20_000; i++) Template.Parse(Content).Render(inputs);

        var renders = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            for (var i = 0; i < 1000; i++)
                if (Template.Parse(Content).Render(inputs).Text is null) throw new InvalidOperationException("benchmark template failed to render");
            renders += 1000;
        }
        report.Line("## Template engine").Line("")
            .Line($"- parse + validate + render of a {Content.Length:N0}-character template with 10 variables: {renders / clock.Elapsed.TotalSeconds:N0} renders/s on one core")
            .Line("");
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
