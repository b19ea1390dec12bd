using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// Prompt-injection wording: telling the model to drop its earlier instructions, to take on a jailbreak persona
/// or mode, or to hand over its system prompt. Each needs the attack's own object ("previous instructions",
/// "your system prompt", "DAN"), so "ignore the previous paragraph's typos" or "act as a translator" do not match,
/// and a guard that mentions the attack ("never reveal your system prompt") is dropped by <see cref="Framing"/>.
/// </summary>
internal static partial class InjectionRules
{
    const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace;

    const string Drop = @"(?:ignore|disregard|forget(?:\s+about)?|override|bypass|abandon|set\s+aside|throw\s+out|pay\s+no\s+attention\s+to)";
    const string Earlier = @"(?:previous|prior|preceding|earlier|above|former|foregoing|initial)(?:ly)?";
    const string Orders = @"(?:instructions?|prompts?|directions?|directives?|rules|guidelines|commands?|orders|constraints|programming|guidance|system\s+(?:prompt|message|instructions?))";
    const string Safeguards = @"(?:system\s+(?:prompt|message|instructions?)|safety\s+(?:guidelines|filters|rules|guardrails|training)|content\s+polic(?:y|ies)|guardrails|safeguards)";

    public static readonly PhraseRule[] All =
    [
        new(ScanCategories.Injection, "ignore-previous-instructions",
            PhraseRule.Words("ignore", "disregard", "forget", "override", "bypass", "abandon", "set aside", "throw out", "pay no attention"),
            new Reach(Before: 0, After: 200), IgnorePrevious()),
        new(ScanCategories.Injection, "reveal-system-prompt",
            PhraseRule.Words("system", "prompt", "instructions", "above", "rules", "guidelines", "were given", "came before", "context"),
            new Reach(Before: 120, After: 40), RevealSystemPrompt()),
        new(ScanCategories.Injection, "jailbreak-persona",
            PhraseRule.Words("DAN", "STAN", "DUDE", "jailbr", "unfilter", "uncensor", "unrestrict", "unaligned", "amoral", "unethical",
                "evil", "without", "with no", "do anything now"),
            new Reach(Before: 80, After: 80), JailbreakPersona()),
        new(ScanCategories.Injection, "developer-mode",
            PhraseRule.Words(" mode"),
            new Reach(Before: 80, After: 40), DeveloperMode()),
    ];

    [GeneratedRegex(@"\b" + Drop + @"\s+
        (?: (?:(?:all|any|every|each|of|the|your|my|these|those|that)\s+){0,3}" + Earlier + @"\s+(?:(?:and|or|&)\s+\w+\s+)?" + Orders + @"\b
          | (?:(?:all|any|every|of|the)\s+){0,3}above(?=\s*(?:[.,;:!]|and\b|$))
          | (?:all\s+(?:of\s+)?)?your\s+(?:(?:original|initial|hidden|internal|current|core|safety|ethical|content|previous|prior)\s+)?
              (?:system\s+(?:prompt|message)|instructions|rules|guidelines|programming|restrictions|filters|polic(?:y|ies)|training|guardrails|safeguards)\b
          | (?:all\s+(?:of\s+)?)?(?:the\s+|any\s+)?" + Safeguards + @"\b
          | (?:everything|all(?:\s+that)?)\s+(?:you\s+(?:were|have\s+been|'ve\s+been)\s+(?:told|taught|instructed|given)
              |above|before|previously|so\s+far|up\s+to\s+(?:now|this\s+point)|(?:I|we)\s+(?:said|told\s+you)\s+(?:before|earlier|above))
        )", Options)]
    private static partial Regex IgnorePrevious();

    [GeneratedRegex(@"\b(?:reveal|show|print|output|repeat|display|disclose|leak|dump|recite|expose|share|write\s+out|spell\s+out|tell|give|send|paste|copy)
        \s+(?:me\s+|us\s+)?(?:back\s+)?(?:all\s+(?:of\s+)?)?(?:your|the)\s+(?:(?:full|entire|complete|exact|verbatim|raw|whole|very)\s+){0,2}
        (?:system\s+(?:prompt|message|instructions?)|pre-?prompt
          |(?:hidden|secret|initial|original|internal|confidential|developer|underlying)\s+(?:instructions|prompt|rules|guidelines)
          |(?:instructions|prompt|text|words)\s+(?:above|you\s+were\s+given|that\s+came\s+before))\b
        | \brepeat\s+(?:back\s+)?(?:everything|all(?:\s+the\s+text)?)\s+(?:in|from|of)\s+(?:your|the)\s+(?:system\s+)?(?:prompt|instructions|context)\b
        | \bwhat\s+(?:is|are|was|were)\s+your\s+(?:(?:full|exact|original|initial|hidden|secret)\s+)?(?:system\s+prompt|initial\s+instructions|hidden\s+instructions|instructions\s+above)\b",
        Options)]
    private static partial Regex RevealSystemPrompt();

    [GeneratedRegex(@"\b(?:you\s+are\s+(?:now\s+)?|you're\s+(?:now\s+)?|act\s+as\s+|acting\s+as\s+|pretend\s+(?:to\s+be|you\s+are)\s+|role-?play\s+as\s+|become\s+
          |from\s+now\s+on,?\s+you\s+(?:are|will\s+be)\s+)(?:a\s+|an\s+)?
        (?:(?-i:DAN|STAN|DUDE)\b
          |(?:jailbroken|unfiltered|uncensored|unrestricted|unaligned|amoral|unethical|evil)\s+(?:AI|assistant|model|chatbot|version|bot|LLM|GPT|ChatGPT|mode)\b
          |(?:AI|assistant|model|chatbot|LLM)\s+(?:without\s+(?:any\s+)?|with\s+no\s+)(?:restrictions|filters|limits|limitations|rules|guidelines|ethics|morals|censorship)\b)
        | (?-i:\bDAN\b),?\s+(?:which\s+stands\s+for\s+|short\s+for\s+|\(\s*)?[""“]?do\s+anything\s+now\b",
        Options)]
    private static partial Regex JailbreakPersona();

    [GeneratedRegex(@"\b(?:ChatGPT|GPT|Claude|AI|assistant|model|you)\s+(?:are\s+|is\s+)?(?:now\s+)?(?:in|with|into)\s+(?:developer|dev|jailbreak|DAN)\s+mode\b
        | \b(?:enable|activate|enter|switch\s+(?:to|into)|turn\s+on|unlock)\s+(?:the\s+)?(?:jailbreak|DAN|unrestricted|uncensored)\s+mode\b
        | \b(?:jailbreak|DAN)\s+mode\s+(?:enabled|activated|on|unlocked)\b",
        Options)]
    private static partial Regex DeveloperMode();
}
