using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// Credentials whose format announces their issuer (sk-ant-…, ghp_…, AKIA…). Each pattern only runs when its
/// literal prefix occurs in the text, and a match must not be a placeholder and must be varied enough to be generated.
/// The format identifies the key, so no digit is required: random keys often have none (about one AWS key id in 28).
/// </summary>
internal static partial class ProviderKeyRules
{
    const int Specificity = 90;
    const double MinimumEntropy = 3.0;

    /// <summary>A key format; <paramref name="Hint"/> is a literal every match contains, checked before the pattern runs.</summary>
    sealed record KeyFormat(string Rule, string Hint, Regex Pattern, StringComparison HintComparison = StringComparison.Ordinal);

    static readonly KeyFormat[] Formats =
    [
        new("anthropic-key", "sk-ant-", AnthropicKey()),
        new("openai-key", "sk-", OpenAiKey()),
        new("aws-access-key-id", "IA", AwsAccessKeyId()),
        new("github-token", "gh", GitHubToken()),
        new("github-token", "github_pat_", GitHubFineGrainedToken()),
        new("slack-token", "xox", SlackToken()),
        new("slack-token", "xapp-", SlackAppToken()),
        new("slack-webhook", "hooks.slack.com", SlackWebhook(), StringComparison.OrdinalIgnoreCase),
        new("stripe-key", "k_", StripeKey()),
        new("google-api-key", "AIza", GoogleApiKey()),
        new("huggingface-token", "hf_", HuggingFaceToken()),
        new("gitlab-token", "glpat-", GitLabToken()),
        new("sendgrid-key", "SG.", SendGridKey()),
        new("npm-token", "npm_", NpmToken()),
    ];

    public static void Find(string text, List<Detection> found)
    {
        foreach (var format in Formats)
        {
            if (!text.Contains(format.Hint, format.HintComparison)) continue;
            foreach (var match in format.Pattern.EnumerateMatches(text))
            {
                var value = text.AsSpan(match.Index, match.Length);
                if (SecretValues.IsPlaceholder(value) || SecretValues.ShannonEntropy(value) < MinimumEntropy || IsWordy(value)) continue;
                found.Add(Detection.Masked(ScanCategories.Secrets, format.Rule, match.Index, match.Length, Specificity, Masks.Secret(value)));
            }
        }
    }

    /// <summary>Keys are mostly letters and digits; a kebab-case or snake_case phrase that happens to start with sk- is not one.</summary>
    static bool IsWordy(ReadOnlySpan<char> value)
    {
        var separators = value.Count('-') + value.Count('_');
        return separators * 10 > value.Length;
    }

    const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(@"(?<![\w\-])sk-ant-[A-Za-z0-9_\-]{32,300}(?![\w\-])", Options)]
    private static partial Regex AnthropicKey();

    [GeneratedRegex(@"(?<![\w\-])sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_\-]{32,300}(?![\w\-])", Options)]
    private static partial Regex OpenAiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])", Options)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])", Options)]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{50,255}(?![A-Za-z0-9_])", Options)]
    private static partial Regex GitHubFineGrainedToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9\-])xox[baprse]-[A-Za-z0-9\-]{10,250}(?![A-Za-z0-9\-])", Options)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9\-])xapp-\d-[A-Za-z0-9\-]{10,250}(?![A-Za-z0-9\-])", Options)]
    private static partial Regex SlackAppToken();

    [GeneratedRegex(@"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/\-]{20,200}", Options)]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{16,250}(?![A-Za-z0-9_])", Options)]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])AIza[A-Za-z0-9_\-]{35}(?![A-Za-z0-9_\-])", Options)]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{30,60}(?![A-Za-z0-9_])", Options)]
    private static partial Regex HuggingFaceToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])glpat-[A-Za-z0-9_\-]{20,60}(?![A-Za-z0-9_\-])", Options)]
    private static partial Regex GitLabToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}(?![A-Za-z0-9_\-])", Options)]
    private static partial Regex SendGridKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])", Options)]
    private static partial Regex NpmToken();
}
