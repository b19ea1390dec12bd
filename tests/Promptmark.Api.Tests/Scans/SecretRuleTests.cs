using Promptmark.Api.Features.Scans;
using static Promptmark.Api.Tests.Scans.ScanAssertions;

namespace Promptmark.Api.Tests.Scans;

public sealed class SecretRuleTests
{
    static readonly Random Random = new(7);

    public static TheoryData<string, string> ProviderKeys() => new()
    {
        { "openai-key", Fake.OpenAiKey(Random) },
        { "openai-key", Fake.OpenAiLegacyKey(Random) },
        { "anthropic-key", Fake.AnthropicKey(Random) },
        { "aws-access-key-id", Fake.AwsAccessKeyId(Random) },
        { "github-token", Fake.GitHubToken(Random) },
        { "github-token", Fake.GitHubToken(Random, "ghs_") },
        { "github-token", Fake.GitHubFineGrained(Random) },
        { "slack-token", Fake.SlackBotToken(Random) },
        { "slack-token", Fake.SlackUserToken(Random) },
        { "slack-webhook", Fake.SlackWebhook(Random) },
        { "stripe-key", Fake.StripeLiveKey(Random) },
        { "stripe-key", Fake.StripeTestKey(Random) },
        { "stripe-key", Fake.StripeRestrictedKey(Random) },
        { "google-api-key", Fake.GoogleApiKey(Random) },
        { "huggingface-token", Fake.HuggingFaceToken(Random) },
        { "gitlab-token", Fake.GitLabToken(Random) },
        { "sendgrid-key", Fake.SendGridKey(Random) },
        { "npm-token", Fake.NpmToken(Random) },
        { "jwt", Fake.Jwt(Random) },
    };

    // The format identifies these keys; a random one often has no digit at all (one AWS key id in 28).
    public static TheoryData<string, string> ProviderKeysWithoutADigit() => new()
    {
        { "aws-access-key-id", Fake.AwsAccessKeyId(Random, Fake.UpperLetters) },
        { "openai-key", "sk-" + Fake.Token(Random, 48, Fake.Letters) },
        { "github-token", "ghp_" + Fake.Token(Random, 36, Fake.Letters) },
        { "npm-token", "npm_" + Fake.Token(Random, 36, Fake.Letters) },
    };

    [Theory]
    [MemberData(nameof(ProviderKeys))]
    [MemberData(nameof(ProviderKeysWithoutADigit))]
    public void Provider_keys_are_found_by_format_and_masked(string rule, string key)
    {
        var text = $"Use this key when calling the API: {key}\nThen summarise the response.";
        var finding = SingleFinding(text, rule);

        finding.Category.ShouldBe(ScanCategories.Secrets);
        text.Substring(finding.Position, finding.Length).ShouldBe(key);
        finding.Excerpt.ShouldNotContain(key);
        finding.Excerpt.ShouldContain($"{key[..4]}…[masked {key.Length - 4} chars]");
    }

    [Fact]
    public void A_provider_key_assigned_to_a_key_name_is_reported_once_as_the_provider_key()
    {
        var key = Fake.OpenAiKey(Random);
        var finding = SingleFinding($"OPENAI_API_KEY={key}", "openai-key");
        finding.Excerpt.ShouldStartWith("OPENAI_API_KEY=sk-p…[masked");
    }

    [Theory]
    [InlineData("client = OpenAI(api_key=\"sk-...\")")]
    [InlineData("export OPENAI_API_KEY=YOUR_API_KEY")]
    [InlineData("api_key: <token>")]
    [InlineData("token = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")]
    [InlineData("Authorization: Bearer {{api_key}}")]
    [InlineData("password=${DB_PASSWORD}")]
    [InlineData("const key = process.env.STRIPE_SECRET_KEY;")]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")]
    [InlineData("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----")]
    [InlineData("token = eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")]
    [InlineData("sk-proj-REPLACE_WITH_YOUR_OWN_KEY_FROM_THE_DASHBOARD")]
    [InlineData("DATABASE_URL=postgres://postgres:postgres@localhost:5432/app")]
    [InlineData("max_tokens=4096, token_count: 1834, tokenizer = AutoTokenizer.from_pretrained(\"gpt2\")")]
    [InlineData("password_hash = \"5f4dcc3b5aa765d61d8327deb882cf99aa1c2b3d\"")]
    [InlineData("access_token_url: https://oauth2.googleapis.com/token")]
    [InlineData("secret = get_secret_from_vault(\"prod/db\")")]
    [InlineData("session_token: 550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("api_key = settings.providers.openai.default_api_key_value")]
    public void Placeholders_and_lookalikes_are_not_findings(string text) => NoFindings(text);

    [Fact]
    public void A_random_value_assigned_to_a_credential_name_is_found()
    {
        var value = Fake.HexSecret(Random);
        var text = $"headers = {{\"X-Api-Key\": \"{value}\"}}";
        var finding = SingleFinding(text, "credential-assignment");
        finding.Excerpt.ShouldContain("X-Api-Key\": \"");
        finding.Excerpt.ShouldNotContain(value);
    }

    [Fact]
    public void A_password_needs_three_character_classes()
    {
        var password = Fake.Password(Random);
        SingleFinding($"DB_PASSWORD={password}", "credential-assignment").Excerpt.ShouldBe($"DB_PASSWORD=[masked {password.Length} chars]");
        NoFindings("password: correcthorsebatterystaple");
    }

    [Fact]
    public void Aws_secret_keys_need_an_aws_name()
    {
        var secret = Fake.AwsSecretKey(Random);
        SingleFinding($"aws_secret_access_key = {secret}", "aws-secret-key");
        NoFindings($"checksum {secret}");
    }

    [Fact]
    public void Private_key_blocks_are_masked_after_the_header()
    {
        var block = Fake.PrivateKeyBlock(Random);
        var finding = SingleFinding($"Deploy key:\n{block}\nKeep it safe.", "private-key-block");
        finding.Length.ShouldBe(block.Length);
        finding.Excerpt.ShouldContain("-----BEGIN RSA PRIVATE KEY-----…[masked");
        finding.Excerpt.ShouldNotContain(block.Split('\n')[1][..16]);
    }

    [Fact]
    public void Passwords_in_urls_are_found()
    {
        var finding = SingleFinding("DATABASE_URL=postgres://billing:Vx9#rT2qLm@db.internal:5432/billing", "url-credentials");
        finding.Excerpt.ShouldNotContain("Vx9#rT2qLm");
    }

    [Fact]
    public void A_string_that_decodes_to_json_without_alg_is_not_a_jwt()
    {
        var header = Convert.ToBase64String("""{"typ":"note","kind":"memo"}"""u8.ToArray()).TrimEnd('=');
        NoFindings($"{header}.eyJub3RlIjoiaGVsbG8gd29ybGQifQ.{Fake.Token(Random, 30, "abcdefghijklmnopqrstuvwxyz")}");
    }
}
