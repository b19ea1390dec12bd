using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// AWS secret access keys: 40 base64 characters have no prefix of their own, so they only count when assigned
/// to a name that mentions both AWS and a secret or key (aws_secret_access_key = …, AWS_SECRET_KEY: …).
/// </summary>
internal static partial class AwsSecretKeyRule
{
    const int Specificity = 88;
    const double MinimumEntropy = 3.5;

    public static void Find(string text, List<Detection> found)
    {
        if (!text.Contains("aws", StringComparison.OrdinalIgnoreCase)) return;
        foreach (Match match in Assignment().Matches(text))
        {
            var value = match.Groups["value"];
            if (SecretValues.IsPlaceholder(value.ValueSpan) || !SecretValues.LooksRandom(value.ValueSpan, MinimumEntropy)) continue;
            found.Add(new Detection(ScanCategories.Secrets, "aws-secret-key", match.Index, match.Length, Specificity,
                value.Index, value.Length, Masks.Secret(value.ValueSpan)));
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])aws[A-Za-z0-9_.\-]{0,30}(?:secret|key)[A-Za-z0-9_.\-]{0,20}[""']?[ \t]{0,3}(?::=|=>|[:=])[ \t]{0,3}[""']?(?<value>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Assignment();
}
