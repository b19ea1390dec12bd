using System.Text.Json;
using Promptmark.Api.Features.Connections.Schemas;

namespace Promptmark.Api.Tests.Connections;

/// <summary>
/// Schemas from a hostile remote server end within the step budget: either checked in work that grows with the input
/// (counted in steps), or stopped as too complex once the budget is spent. Outcomes and step counts, never times.
/// </summary>
public sealed class HostileSchemaTests
{
    public static void ShouldStopAtTheBudget(ArgumentCheck check)
    {
        check.TooComplex.ShouldBeTrue();
        check.Valid.ShouldBeFalse();
        check.Steps.ShouldBeGreaterThan(ToolArguments.MaxSteps);
    }

    private static ArgumentCheck Validate(string schema, string arguments) =>
        ToolArguments.Validate(JsonElement.Parse(schema), JsonElement.Parse(arguments));

    private static string Items(int count, Func<int, string> item) => "[" + string.Join(",", Enumerable.Range(0, count).Select(item)) + "]";

    [Fact]
    public void Unique_items_over_ten_thousand_distinct_items_take_linear_work()
    {
        var check = Validate("""{"properties":{"t":{"uniqueItems":true}}}""", $$"""{"t":{{Items(10_000, i => $"{{\"id\":{i},\"tags\":[\"a{i}\"]}}")}}}""");

        check.Valid.ShouldBeTrue();
        // Pairwise comparison would be 50 million; hashing visits each of the 40,000 values about once.
        check.Steps.ShouldBeLessThan(100_000);
    }

    [Fact]
    public void Unique_items_finds_the_repeat_among_ten_thousand_items()
    {
        var items = Items(10_000, i => i == 9_999 ? "{\"b\":[1.0],\"a\":3}" : i == 3 ? "{\"a\":3,\"b\":[1]}" : $"{i}");

        Validate("""{"properties":{"t":{"uniqueItems":true}}}""", $$"""{"t":{{items}}}""").Problems
            .ShouldBe(["t: must not contain duplicates (t[9999] repeats t[3])"]);
    }

    [Fact]
    public void Many_pattern_properties_on_many_fields_stop_at_the_budget()
    {
        var patterns = string.Join(",", Enumerable.Range(0, 2_000).Select(i => $"\"^f{i}x\":{{}}"));
        var fields = string.Join(",", Enumerable.Range(0, 2_000).Select(i => $"\"f{i}\":1"));

        ShouldStopAtTheBudget(Validate("{\"patternProperties\":{" + patterns + "}}", "{" + fields + "}"));
    }

    [Fact]
    public void A_huge_enum_applied_to_many_items_stops_at_the_budget()
    {
        var options = Items(100_000, i => $"\"v{i}\"");

        ShouldStopAtTheBudget(Validate("{\"properties\":{\"t\":{\"items\":{\"enum\":" + options + "}}}}", "{\"t\":" + Items(100, _ => "\"v99999\"") + "}"));
    }

    [Fact]
    public void A_deep_chain_of_references_is_too_complex_to_check()
    {
        var links = Enumerable.Range(0, 1_000).Select(i => $"\"d{i}\":{{\"$ref\":\"#/$defs/d{i + 1}\"}}");
        var schema = """{"$ref":"#/$defs/d0","$defs":{""" + string.Join(",", links) + ""","d1000":{"type":"string"}}}""";

        var check = Validate(schema, "{}");

        check.TooComplex.ShouldBeTrue();
        check.Steps.ShouldBeLessThan(ToolArguments.MaxSteps);
    }

    [Fact]
    public void A_pattern_that_backtracks_catastrophically_is_too_complex_to_check()
    {
        var check = Validate("""{"properties":{"s":{"pattern":"^(a|aa)+$"}}}""", $$"""{"s":"{{new string('a', 5_000)}}b"}""");

        check.TooComplex.ShouldBeTrue();
    }

    [Fact]
    public void A_cancelled_call_stops_checking()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() =>
            ToolArguments.Validate(JsonElement.Parse("""{"type":"object"}"""), JsonElement.Parse("{}"), cancelled.Token));
    }
}
