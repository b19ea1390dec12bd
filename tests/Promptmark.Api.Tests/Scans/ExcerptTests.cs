using Promptmark.Api.Features.Scans;
using static Promptmark.Api.Tests.Scans.ScanAssertions;

namespace Promptmark.Api.Tests.Scans;

public sealed class ExcerptTests
{
    readonly Random _random = new(99);

    [Fact]
    public void A_neighbouring_secret_is_masked_in_every_excerpt()
    {
        var email = "m.okafor@outlook.com";
        var key = Fake.GitHubToken(_random);
        var text = $"Owner {email} token {key}";

        var findings = Findings(text);
        findings.Select(f => f.Rule).ShouldBe(["email", "github-token"]);
        foreach (var finding in findings)
        {
            finding.Excerpt.ShouldNotContain(email);
            finding.Excerpt.ShouldNotContain(key);
            finding.Excerpt.Length.ShouldBeLessThanOrEqualTo(80);
        }
    }

    [Fact]
    public void Excerpts_are_short_single_line_and_keep_context()
    {
        var text = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet.\n", 20)) + "Contact lena.fischer@posteo.de\nfor access." + string.Concat(Enumerable.Repeat(" More text follows here.", 20));
        var finding = SingleFinding(text, "email");

        finding.Excerpt.Length.ShouldBeLessThanOrEqualTo(80);
        finding.Excerpt.ShouldNotContain("\n");
        finding.Excerpt.ShouldContain("Contact l***@posteo.de for access.");
    }

    [Fact]
    public void Long_digit_runs_in_context_are_starred_even_when_no_rule_recognised_them()
    {
        var finding = SingleFinding("Account 7731 0049 2291 belongs to ines.weber@gmx.de (since 2019).", "email");
        finding.Excerpt.ShouldBe("Account **** **** **** belongs to i***@gmx.de (since 2019).");
    }

    [Fact]
    public void Findings_across_fields_name_their_field_and_position()
    {
        var findings = ContentScanner.Scan(("title", "Ops notes"), ("prompt", "Ping raj.patel@fastmail.com"), ("notes", null));
        var finding = findings.ShouldHaveSingleItem();
        finding.Field.ShouldBe("prompt");
        finding.Position.ShouldBe(5);
    }

    [Fact]
    public void Categories_have_stable_wire_names()
    {
        ScanCategories.All.ShouldBe(["pii", "secrets", "injection", "danger"]);
        ScanCategories.IsKnown("secrets").ShouldBeTrue();
        ScanCategories.IsKnown("malware").ShouldBeFalse();
    }
}
