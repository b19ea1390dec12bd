using System.Text;
using Promptmark.Api.Tests.Support;
using static Promptmark.Api.Tests.Scans.ScanAssertions;

namespace Promptmark.Api.Tests.Scans;

/// <summary>
/// Inputs built to make patterns backtrack: each 200 KB case must be scanned to the end (a runaway pattern fails at the
/// test bound instead of hanging the run). How fast is the benchmark's business (bench: ScannerThroughput).
/// </summary>
public sealed class AdversarialInputTests
{
    const int Size = 200_000;

    public static TheoryData<string> Inputs() => new()
    {
        "digits",
        "digit-groups",
        "at-signs",
        "dashes",
        "zero-width",
        "base64",
        "email-runs",
        "phrases",
        "assignments",
        "tags",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Scanning_200_KB_of_hostile_text_completes(string kind)
    {
        var text = Build(kind);

        var findings = await Task.Run(() => Findings(text)).Bounded();

        findings.ShouldNotBeNull();
    }

    static string Build(string kind) => kind switch
    {
        "digits" => new string('4', Size),
        "digit-groups" => Repeat("4111 1111 1111 ", Size),
        "at-signs" => Repeat("a@", Size / 2) + Repeat("@", Size / 2),
        "dashes" => Repeat("-", Size / 2) + Repeat("1-", Size / 2),
        "zero-width" => Repeat("\u200B\u200Ca", Size),
        "base64" => Repeat("eyJhbGciOiJIUzI1NiJ9", Size / 2) + Repeat("A", Size / 2),
        "email-runs" => Repeat("abcdefgh.", Size / 2) + "@" + Repeat("sub-domain.", Size / 2),
        "phrases" => Repeat("ignore all of the previous and the above your how to make a ", Size),
        "assignments" => Repeat("api_key = token: secret= password==", Size),
        "tags" => Repeat("\U000E0041", Size),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    static string Repeat(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length) text.Append(unit);
        return text.ToString();
    }
}
