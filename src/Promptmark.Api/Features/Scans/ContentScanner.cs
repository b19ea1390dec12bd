namespace Promptmark.Api.Features.Scans;

/// <summary>
/// Scans prompt and skill text for personal data, secrets, prompt injection and requests for serious harm.
/// Runs inside create and update requests, so every rule is a precompiled pattern behind a cheap prefilter,
/// and no pattern can backtrack without bound.
/// </summary>
public static class ContentScanner
{
    static readonly Action<string, List<Detection>>[] Rules =
    [
        EmailRule.Find, PhoneRule.Find, PaymentCardRule.Find, IbanRule.Find, NationalIdRules.Find,
        ProviderKeyRules.Find, AwsSecretKeyRule.Find, PrivateKeyBlockRule.Find, JwtRule.Find, UrlCredentialsRule.Find,
        CredentialAssignmentRule.Find, HiddenCharacterRules.Find,
        .. InjectionRules.All.Select(rule => (Action<string, List<Detection>>)rule.Find),
        .. DangerRules.All.Select(rule => (Action<string, List<Detection>>)rule.Find),
    ];

    /// <summary>
    /// The findings in one field, ordered by position; past <see cref="FindingCap.PerCategory"/> of a category, one
    /// final finding of that category (rule <see cref="FindingCap.Rule"/>) says how many more were cut.
    /// </summary>
    public static IReadOnlyList<ScanFinding> Scan(string field, string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var detected = new List<Detection>();
        foreach (var rule in Rules) rule(text, detected);
        var kept = KeepMostSpecific(detected);
        var (listed, cut) = FindingCap.Apply(kept);
        return
        [
            .. listed.Select(d => new ScanFinding(d.Category, d.Rule, field, d.Start, d.Length, Excerpts.For(text, d, kept))),
            .. cut.Select(c => c.ToFinding(field)),
        ];
    }

    /// <summary>The findings in every field, field by field.</summary>
    public static IReadOnlyList<ScanFinding> Scan(params (string Field, string? Text)[] fields) =>
        fields.SelectMany(f => Scan(f.Field, f.Text)).ToList();

    /// <summary>Of overlapping detections only the most specific survives (openai-key over credential-assignment, card over phone).</summary>
    static List<Detection> KeepMostSpecific(List<Detection> detected)
    {
        if (detected.Count < 2) return detected;
        var claimed = new bool[detected.Max(d => d.End)];
        var kept = new List<Detection>(detected.Count);
        foreach (var candidate in detected.OrderByDescending(d => d.Specificity).ThenByDescending(d => d.Length).ThenBy(d => d.Start))
        {
            var span = claimed.AsSpan(candidate.Start, candidate.Length);
            if (span.Contains(true)) continue;
            span.Fill(true);
            kept.Add(candidate);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
