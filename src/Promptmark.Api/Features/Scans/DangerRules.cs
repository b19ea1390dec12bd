using System.Text.RegularExpressions;

namespace Promptmark.Api.Features.Scans;

/// <summary>
/// Requests for serious harm: making weapons, writing malware, methods of self-harm. Every pattern needs a request
/// ("how do I", "step-by-step instructions for", "write me") joined to a making verb and a dangerous object, so
/// history, fiction, high-level security teaching, crisis-support prompts, "kill the process" and "this joke will
/// bomb" stay out; refusals and reported requests are dropped by <see cref="Framing"/>. The weapon and malware
/// patterns keep the request in a lookbehind so that a match starts at its verb, and are only tried where a verb
/// occurs; a finding covers "making a pipe bomb" rather than the whole sentence.
/// </summary>
internal static partial class DangerRules
{
    const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace;

    const string Request = @"(?:
          how\s+(?:do|can|could|would|should|might)\s+(?:i|we|you|one|someone|a\s+person)\s+(?:best\s+|actually\s+|easily\s+)?
        | (?:tell|show|teach|explain\s+to|walk)\s+(?:me|us)\s+(?:through\s+)?(?:exactly\s+|step\s+by\s+step\s+)?how\s+(?:to|i\s+(?:can|could|would|should))\s+
        | (?:explain|describe|detail|outline)\s+(?:exactly\s+|in\s+detail\s+|step\s+by\s+step\s+)?how\s+(?:to|i\s+(?:can|could))\s+
        | (?:(?:step[-\s]by[-\s]step|detailed|exact|full|complete|simple|easy|precise)\s+)*(?:instructions|guide|tutorial|recipe|steps|directions|procedure|blueprints?|walkthrough)\s+(?:for|on|to)\s+(?:how\s+to\s+)?
        | " + CommandStart + @"how\s+to\s+
        | (?:i\s+(?:want|need|plan|intend|am\s+going)\s+(?:you\s+)?to|i'm\s+going\s+to|help\s+me(?:\s+to)?|can\s+you|could\s+you|please|let's)\s+
        )";

    const string Make = @"(?:mak(?:e|ing)|build(?:ing)?|assembl(?:e|ing)|construct(?:ing)?|creat(?:e|ing)|synthesi[sz](?:e|ing)|produc(?:e|ing)
        |manufactur(?:e|ing)|cook(?:ing)?|weaponi[sz](?:e|ing)|3d[-\s]?print(?:ing)?|print(?:ing)?|cultivat(?:e|ing)|cultur(?:e|ing)
        |grow(?:ing)?|extract(?:ing)?|refin(?:e|ing))";

    // "make meth and a pipe bomb": one other object may come first.
    const string WeaponFiller = @"(?:[\w-]+\s+(?:and|or|&)\s+)?(?:(?:a|an|the|some|my|your|our|own|homemade|home-made|improvised|simple|small|powerful|working|functional|real|deadly|lethal|large|big|crude|basic|untraceable)\s+){0,3}";

    const string Weapon = @"(?:
          (?:(?:pipe|nail|car|truck|fertili[sz]er|pressure[-\s]cooker|suicide|letter|dirty|nuclear|atomic)\s+)?bombs?\b
        | explosives\b | (?:explosive|incendiary)\s+(?:devices?|charges?|vests?|materials?|compounds?|mixtures?)\b | ieds?\b | detonators?\b
        | napalm\b | molotov(?:\s+cocktails?)?\b | tatp\b | semtex\b | nitroglycerine?\b
        | nerve\s+(?:agents?|gas)\b | sarin\b | vx(?:\s+(?:gas|nerve\s+agent))?\b | tabun\b | novichok\b | ricin\b | anthrax\b
        | botulinum(?:\s+toxin)?\b | mustard\s+gas\b | chlorine\s+gas\b | chemical\s+weapons?\b | bio(?:logical)?[-\s]?weapons?\b
        | (?:ghost|untraceable|unregistered|unserialized)\s+(?:guns?|firearms?|pistols?|rifles?|weapons?)\b | auto\s+sears?\b
        | (?:silencer|suppressor)s?\s+for\s+(?:a\s+|my\s+)?(?:gun|pistol|rifle|firearm|glock|ar-?15)\b
        )";

    /// <summary>Where an imperative ("Write a keylogger…") can begin: the start of a sentence or a line, or after "now", "then", "please".</summary>
    const string CommandStart = @"(?<=(?:^|[.!?:\n""“(]|\b(?:now|then|and|just|also|please|pls))\s{0,3})";

    const string Write = @"(?:writ(?:e|ing)|cod(?:e|ing)|creat(?:e|ing)|develop(?:ing)?|build(?:ing)?|mak(?:e|ing)|generat(?:e|ing)|program(?:ming)?
        |implement(?:ing)?|design(?:ing)?|deploy(?:ing)?|spread(?:ing)?)";

    const string MalwareFiller = @"(?:(?:me|us)\s+)?(?:(?:a|an|the|some|my|your|own|simple|basic|working|functional|fully|real|custom|undetectable|stealthy|polymorphic
        |advanced|new|python|rust|go|powershell|javascript|windows|android|linux|macos|ios|browser|chrome|discord|telegram|piece\s+of|self-replicating)\s+){0,4}";

    const string Malware = @"(?:
          ransomware | key\s?loggers? | (?:credential|password|cookie|token|info|information|crypto|wallet)[-\s]?(?:stealers?|grabbers?)
        | infostealers? | rootkits? | bootkits? | botnets? | trojans?(?!\s+horse) | remote\s+access\s+trojans? | spyware | stalkerware
        | cryptojackers? | (?:computer|network)\s+worms? | (?:computer\s+)?virus(?:es)? | backdoors?(?!\s+(?:roth|entrance|door|gate))
        | malware | malicious\s+(?:code|payloads?|software|macros?|scripts?)
        )(?![-\s]?(?:detect\w*|scanner|analy\w*|removal|remover|defen[cs]e|protection|signature|rules?|classifier|simulat\w*|awareness
           |training|report|polic(?:y|ies)|playbook|response|recovery|prevention|insurance|sandbox|lab|test\s+file))";

    const string Steal = @"(?:script|program|tool|code|extension|bot|app|macro)\s+(?:that|which|to)\s+(?:silently\s+|secretly\s+|quietly\s+|covertly\s+)?
        (?:steals?|exfiltrates?|harvests?|grabs?|dumps?|logs?)\s+(?:(?:the|all|saved|stored|browser|users?'?|chrome|their|victims?'?|every)\s+){0,3}
        (?:passwords|credentials|cookies|session\s+tokens|credit\s+cards?|keystrokes)\b";

    const string Evade = @"(?:evade|evading|bypass|bypassing|get\s+past|slip\s+past|fool)\s+(?:the\s+|any\s+|all\s+)?
        (?:antivirus|anti-virus|av\s+(?:software|engines?|detection)|edr|windows\s+defender|endpoint\s+(?:detection|protection)|virustotal)\b";

    const string SelfHarmAct = @"(?:kill(?:ing)?\s+myself|end(?:ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all)|commit(?:ting)?\s+suicide|tak(?:e|ing)\s+my\s+(?:own\s+)?life
        |hang(?:ing)?\s+myself|(?:cut|cutting|hurt|hurting|harm|harming|burn|burning|starve|starving|poison|poisoning|drown|drowning|shoot|shooting|suffocat(?:e|ing))\s+myself
        |die\s+(?:painlessly|quickly|peacefully|without\s+pain)|overdos(?:e|ing))\b";

    const string Substance = @"(?:(?:of\s+)?(?:my\s+|these\s+|the\s+|this\s+|his\s+|her\s+)?(?:pills|tablets|capsules|mg|milligrams|grams|doses|drugs|meds|medication|medicine
        |sleeping\s+pills|painkillers|tylenol|acetaminophen|paracetamol|ibuprofen|aspirin|insulin|xanax|benzos?|fentanyl|heroin|morphine|oxycodone|opioids
        |antidepressants|lithium|alcohol|bleach))";

    public static readonly PhraseRule[] All =
    [
        new(ScanCategories.Danger, "weapons",
            PhraseRule.Words("bomb", "explosive", " ied", "detonator", "napalm", "molotov", "tatp", "semtex", "nitroglycerin", "nerve",
                "sarin", " vx", "tabun", "novichok", "ricin", "anthrax", "botulinum", "mustard gas", "chlorine gas", "weapon",
                "ghost", "untraceable", "unregistered", "unserialized", "auto sear", "silencer", "suppressor"),
            new Reach(Before: 100, After: 60), Weapons(),
            PhraseRule.Words("mak", "build", "assembl", "construct", "creat", "synthesi", "produc", "manufactur", "cook", "weaponi",
                "3d", "print", "cultivat", "cultur", "grow", "extract", "refin")),
        new(ScanCategories.Danger, "malware",
            PhraseRule.Words("ransomware", "keylogger", "key logger", "stealer", "grabber", "rootkit", "bootkit", "botnet", "trojan",
                "spyware", "stalkerware", "cryptojack", "worm", "virus", "backdoor", "malware", "malicious", "antivirus", "anti-virus",
                "evade", "evading", "bypass", "get past", "slip past", "fool", "undetectable", "fud",
                "steal", "exfiltrat", "harvest", "grab", "dump", "keystroke"),
            new Reach(Before: 140, After: 100), Malwares(),
            PhraseRule.Words("writ", "cod", "creat", "develop", "build", "mak", "generat", "program", "implement", "design", "deploy",
                "spread", "evad", "bypass", "get past", "slip past", "fool", "fud")),
        new(ScanCategories.Danger, "self-harm",
            PhraseRule.Words("myself", "suicide", "my life", "my own life", "end it all", "overdos", "painlessly", "peacefully",
                "without pain", "quickly", "self-harm", "self harm", "kill me", " die", " od"),
            new Reach(Before: 120, After: 60), SelfHarm()),
    ];

    [GeneratedRegex(@"\G(?<=" + Request + @")\b" + Make + @"\s+" + WeaponFiller + Weapon, Options)]
    private static partial Regex Weapons();

    [GeneratedRegex(@"\G\b(?:(?<=" + Request + @")(?:" + Write + @"\s+" + MalwareFiller + @"(?:" + Malware + @"|" + Steal + @")|" + Evade + @")
        | " + CommandStart + @"(?:write|code|create|develop|build|make|generate|program|implement|design)\s+" + MalwareFiller + @"(?:" + Malware + @"|" + Steal + @")
        | \bmak(?:e|ing)\s+(?:my|the|this|our)\s+(?:payload|malware|virus|trojan|ransomware|binary|executable|exe|implant|dropper)\s+(?:fully\s+)?(?:undetectable|FUD)\b
        | FUD\s+crypter\b)",
        Options)]
    private static partial Regex Malwares();

    [GeneratedRegex(@"\b(?:how|ways?|methods?|best\s+way|easiest\s+way|painless\s+way|quickest\s+way|fastest\s+way|surest\s+way|most\s+painless\s+way|way)
          \s+(?:to|for\s+me\s+to|(?:can|could|should|do|would)\s+i)\s+" + SelfHarmAct + @"
        | \bhow\s+(?:much|many)\s+" + Substance + @"\s+(?:\w+\s+){0,2}?
          (?:do\s+i\s+need\s+to\s+(?:take\s+to\s+)?|would\s+i\s+need\s+to\s+(?:take\s+to\s+)?|should\s+i\s+take\s+to\s+|would\s+it\s+take\s+to\s+|does\s+it\s+take\s+to\s+|to\s+|would\s+|will\s+)
          (?:overdose|od|kill\s+(?:me|myself)|die|end\s+my\s+life)\b
        | \b(?:suicide|self[-\s]harm)\s+methods\b | \bmethods\s+(?:of|for)\s+(?:suicide|self[-\s]harm)\b",
        Options)]
    private static partial Regex SelfHarm();
}
