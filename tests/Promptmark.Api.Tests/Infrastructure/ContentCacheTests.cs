using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Features.Prompts.Templates;
using Promptmark.Api.Infrastructure.Caching;

namespace Promptmark.Api.Tests.Infrastructure;

public class ContentCacheTests
{
    private readonly List<string> _parsed = [];

    private ContentCache<string> Cache(long maxCharacters) => new(text =>
    {
        _parsed.Add(text);
        return text.ToUpperInvariant();
    }, maxCharacters);

    [Fact]
    public void the_same_text_loaded_again_is_parsed_once()
    {
        var cache = Cache(1_000);

        var first = cache.Parse("hello");
        var again = cache.Parse(new string("hello".AsSpan()));

        again.ShouldBeSameAs(first);
        _parsed.ShouldBe(["hello"]);
    }

    [Fact]
    public void an_edited_text_is_never_served_the_old_parse()
    {
        var cache = Cache(1_000);
        cache.Parse("hello");

        cache.Parse("hello!").ShouldBe("HELLO!");
        _parsed.ShouldBe(["hello", "hello!"]);
    }

    [Fact]
    public void past_its_size_it_starts_over_and_parses_the_texts_in_use_again()
    {
        var cache = Cache(10);
        cache.Parse("abcdef");
        cache.Parse("ghijkl");

        cache.Parse("abcdef");
        cache.Parse("abcdef");

        _parsed.ShouldBe(["abcdef", "ghijkl", "abcdef"]);
    }
}

/// <summary>The caches that use it: texts read per call, parsed once.</summary>
public class ContentCacheUsersTests
{
    [Fact]
    public void a_template_loaded_again_is_parsed_once() =>
        TemplateCache.Parse(Unique("Hello {{name}}")).ShouldBeSameAs(TemplateCache.Parse(Unique("Hello {{name}}")));

    [Fact]
    public void a_stored_playbook_read_again_is_parsed_once() =>
        PlaybookCache.Parse(Unique("# Brief\n\n## STEP 1: Go\n\nWrite.")).ShouldBeSameAs(PlaybookCache.Parse(Unique("# Brief\n\n## STEP 1: Go\n\nWrite.")));

    private static readonly string Run = Guid.NewGuid().ToString();

    /// <summary>A copy of the text no other test uses, as a document loaded per request is a new string each time.</summary>
    private static string Unique(string text) => $"{text} {Run}";
}
