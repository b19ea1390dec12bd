using Promptmark.Api.Features.Scans;
using static Promptmark.Api.Tests.Scans.ScanAssertions;

namespace Promptmark.Api.Tests.Scans;

public sealed class PiiRuleTests
{
    readonly Random _random = new(20240611);

    [Fact]
    public void An_email_address_is_found_and_masked()
    {
        const string text = "Forward complaints to jessica.moreno84@gmail.com before Friday.";
        var finding = SingleFinding(text, "email");

        finding.Category.ShouldBe(ScanCategories.Pii);
        text.Substring(finding.Position, finding.Length).ShouldBe("jessica.moreno84@gmail.com");
        finding.Excerpt.ShouldContain("j***@gmail.com");
        finding.Excerpt.ShouldNotContain("jessica.moreno84");
    }

    [Theory]
    [InlineData("Send the summary to {{email}} when done.")]
    [InlineData("e.g. jane@example.com or ops@example.org")]
    [InlineData("Use test@test.com and you@yourcompany.com in the sample form.")]
    [InlineData("Mail bob@mail.example or alice@staging.test or root@localhost")]
    [InlineData("Questions? Write to support@stripe.com or noreply@github.com.")]
    [InlineData("Add icon@2x.png and logo@3x.webp to the asset catalog.")]
    [InlineData("git clone git@github.com:promptmark/promptmark.git")]
    [InlineData("Decorate the handler with @app.route('/users/<id>') and @login_required.")]
    public void Placeholder_role_and_look_alike_addresses_are_not_findings(string text) => NoFindings(text);

    [Theory]
    [InlineData("Call me on +44 7911 482630 tomorrow.", "+44 7911 482630")]
    [InlineData("Her number: +1 (415) 867-2391.", "+1 (415) 867-2391")]
    [InlineData("Reach the store at (212) 736-4108 after 9.", "(212) 736-4108")]
    [InlineData("Customer phone 617.482.9930 (mobile).", "617.482.9930")]
    [InlineData("Telefon: 030 4829 1177", "030 4829 1177")]
    [InlineData("Appelez-moi au 06 12 48 73 95 ce soir.", "06 12 48 73 95")]
    [InlineData("WhatsApp +4915172946318", "+4915172946318")]
    public void Phone_numbers_are_found(string text, string number)
    {
        var finding = SingleFinding(text, "phone");
        text.Substring(finding.Position, finding.Length).ShouldBe(number);
        finding.Excerpt.ShouldNotContain(number);
    }

    [Theory]
    [InlineData("Released 2024-01-15, version 10.2.3, build 20240115.1.")]
    [InlineData("The invoice totals $1,299.99 (order 8841-2290-17).")]
    [InlineData("Created at 2024-03-15T14:30:00+01:00 by job 1700000000123.")]
    [InlineData("Population grew from 8,336,817 to 8,804,190 between 2010 and 2020.")]
    [InlineData("ISBN 978-0-306-40615-7; DOI 10.1038/nphys1170")]
    [InlineData("Order id 412-555-90817; SKU 20-4431-77")]
    [InlineData("Lotto numbers: 03 17 22 35 41 and bonus 07.")]
    [InlineData("Fictional line for the script: (555) 555-0134, or +1 212 555 0199.")]
    [InlineData("Server 192.168.100.254 port 8080, subnet 10.0.0.0/16.")]
    [InlineData("Train 0815 leaves at 09.45, platform 12, coach 0273 1188 4.")]
    [InlineData("Phone format example: +49 30 123456 (fictional), or call 07700 900123 in the script.")]
    [InlineData("For poison control call 1-800-222-1222 or +1 888 374 1122.")]
    public void Numbers_that_are_not_phone_numbers_are_not_findings(string text) => NoFindings(text);

    [Fact]
    public void Luhn_valid_card_numbers_are_found_solid_or_grouped()
    {
        var visa = Fake.Card(_random, "4", 16, " ");
        var mastercard = Fake.Card(_random, "53", 16, "-");
        var amex = Fake.Card(_random, "37", 15, " ");
        var solid = Fake.Card(_random, "6011", 16);

        foreach (var card in new[] { visa, mastercard, amex, solid })
        {
            var text = $"Charge the card {card} for the renewal.";
            var finding = SingleFinding(text, "payment-card");
            text.Substring(finding.Position, finding.Length).ShouldBe(card);
            finding.Excerpt.ShouldContain($"card ending {card[^4..]}");
            finding.Excerpt.ShouldNotContain(card);
        }
    }

    [Fact]
    public void A_card_shaped_number_failing_luhn_is_not_a_finding()
    {
        var card = Fake.Card(_random, "4", 16);
        var broken = card[..15] + (char)('0' + (card[15] - '0' + 1) % 10);

        NoFindings($"Charge the card {broken} for the renewal.");
    }

    [Theory]
    [InlineData("Use the Stripe test card 4242 4242 4242 4242 with any CVC.")]
    [InlineData("Test with 4111111111111111 and 5555-5555-5555-4444.")]
    [InlineData("Tracking 9400111899223197428490 and account 1234567812345678.")]
    public void Published_test_cards_and_non_card_numbers_are_not_findings(string text) => NoFindings(text);

    [Theory]
    [InlineData("DE", 22)]
    [InlineData("GB", 22)]
    [InlineData("FR", 27)]
    [InlineData("NL", 18)]
    [InlineData("BE", 16)]
    public void Mod97_valid_ibans_are_found(string country, int length)
    {
        var iban = Fake.Iban(_random, country, length);
        var text = $"Please wire the deposit to {iban} by Monday.";

        var finding = SingleFinding(text, "iban");
        text.Substring(finding.Position, finding.Length).ShouldBe(iban);
        finding.Excerpt.ShouldNotContain(iban);
        finding.Excerpt.ShouldContain($"ending {iban.Replace(" ", "")[^4..]}");
    }

    [Fact]
    public void A_compact_iban_followed_by_a_capitalised_word_is_found()
    {
        var iban = Fake.Iban(_random, "DE", 22, grouped: false);
        SingleFinding($"IBAN {iban} BIC COBADEFFXXX", "iban");
    }

    [Fact]
    public void An_iban_failing_mod97_is_not_a_finding()
    {
        var iban = Fake.Iban(_random, "DE", 22, grouped: false);
        var broken = iban[..^1] + (char)('0' + (iban[^1] - '0' + 1) % 10);

        NoFindings($"Please wire the deposit to {broken} by Monday.");
    }

    [Fact]
    public void Social_security_numbers_are_found_outside_the_never_issued_ranges()
    {
        var finding = SingleFinding("Applicant SSN: 471-28-3395, born 1984.", "us-ssn");
        finding.Excerpt.ShouldContain("***-**-3395");
        finding.Excerpt.ShouldNotContain("471-28");
    }

    [Theory]
    [InlineData("SSN 000-12-3456")]
    [InlineData("SSN 666-12-3456")]
    [InlineData("SSN 912-12-3456")]
    [InlineData("SSN 471-00-3456")]
    [InlineData("SSN 471-28-0000")]
    [InlineData("The classic sample SSN 123-45-6789 appears in every tutorial.")]
    public void Invalid_and_sample_ssns_are_not_findings(string text) => NoFindings(text);

    [Fact]
    public void National_insurance_numbers_are_found_spaced_or_after_their_name()
    {
        SingleFinding("Employee record: AB 12 34 56 C, started March.", "uk-nino").Excerpt.ShouldContain("AB ** ** ** *");
        SingleFinding("National Insurance number AB123456C", "uk-nino");
        NoFindings("Part number AB123456C is out of stock.");
        NoFindings("Sample NI number QQ 12 34 56 C from the HMRC guide.");
    }

    [Fact]
    public void Dutch_bsns_need_their_name_and_the_elfproef()
    {
        var bsn = Fake.Bsn(_random);
        SingleFinding($"BSN: {bsn}", "nl-bsn").Excerpt.ShouldNotContain(bsn);
        NoFindings($"Order {bsn} shipped.");
        var broken = bsn[..8] + (char)('0' + (bsn[8] - '0' + 1) % 10);
        NoFindings($"BSN: {broken}");
    }

    [Fact]
    public void Checksums_reject_near_misses()
    {
        Checksums.PassesLuhn("79927398713").ShouldBeTrue();
        Checksums.PassesLuhn("79927398710").ShouldBeFalse();
        Checksums.PassesIbanMod97("GB82WEST12345698765432").ShouldBeTrue();
        Checksums.PassesIbanMod97("GB82WEST12345698765433").ShouldBeFalse();
        Checksums.PassesElevenProof("111222333").ShouldBeTrue();
        Checksums.PassesElevenProof("111222334").ShouldBeFalse();
    }
}
