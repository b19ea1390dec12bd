using System.Diagnostics;
using System.Text;
using Promptmark.Api.Features.Scans;

namespace Promptmark.Bench;

/// <summary>Content scanner throughput in process, on prompt-like text with a few findings, as every prompt write runs it.</summary>
public static class ScannerThroughput
{
    private static readonly string[] Paragraphs =
    [
        "You are a senior support engineer. Answer the customer's question about order #48213 placed on 2026-03-14, " +
        "quote the refund policy (30 days, $25.00 restocking fee for opened items) and keep a friendly tone.",
        "Write a Python function that parses ISO 8601 timestamps such as 2026-11-23T09:41:00Z and returns epoch seconds. " +
        "Use `datetime.fromisoformat`, add type hints, and include three pytest cases with version 3.12 in mind.",
        "Summarise the attached meeting notes in five bullet points. Mention the owners (see https://wiki.example.com/q3?page=2), " +
        "the deadlines and any open risks. Do not invent facts that are not in the notes.",
        "Translate the following marketing copy into French and German, keeping the brand name Promptmark untranslated and the " +
        "call to action short: \"Keep every prompt you write, version it, and use it from any MCP client.\"",
        "Contact the maintainer at jane.doe@gmail.com if the build breaks; the CI token is ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8.",
    ];

    public static void Run(Report report)
    {
        var text = BuildText(64 * 1024);
        for (var i = 0; i < 50; i++) ContentScanner.Scan("content", text);

        long bytes = 0;
        var findings = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            findings = ContentScanner.Scan("content", text).Count;
            bytes += Encoding.UTF8.GetByteCount(text);
        }
        report.Line("## Content scanner").Line("")
            .Line($"- {bytes / clock.Elapsed.TotalSeconds / (1024 * 1024):N1} MB/s on one core, scanning 64 KB of prompt-like text ({findings} findings per pass)")
            .Line("");
    }

    private static string BuildText(int size)
    {
        var text = new StringBuilder(size + 1024);
        for (var i = 0; text.Length < size; i++) text.Append(Paragraphs[i % Paragraphs.Length]).Append("\n\n");
        return text.ToString();
    }
}
