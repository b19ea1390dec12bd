using System.Text.Json;
using System.Text.Json.Nodes;
using Promptmark.Api.Engines.Playbooks;
using Promptmark.Api.Infrastructure.Json;

namespace Promptmark.Api.Tests.Engines.Playbooks;

/// <summary>Every conformance vector of the spec, as validate_playbook serializes the parse result.</summary>
public sealed class PlaybookVectorTests
{
    [Theory]
    [MemberData(nameof(PlaybookVectors.All), MemberType = typeof(PlaybookVectors))]
    public void the_parser_produces_what_the_vector_expects(string vector)
    {
        var result = PlaybookParser.Parse(PlaybookVectors.Document(vector));
        var actual = JsonSerializer.SerializeToNode(result, Wire.Options);

        VectorComparison.Differences(JsonNode.Parse(PlaybookVectors.Expected(vector)), actual).ShouldBeEmpty();
    }

    [Fact]
    public void all_twenty_six_vectors_are_found() => PlaybookVectors.All().Count.ShouldBe(26);

    [Theory]
    [MemberData(nameof(PlaybookVectors.Examples), MemberType = typeof(PlaybookVectors))]
    public void the_spec_examples_parse_without_warnings(string example)
    {
        var result = PlaybookParser.Parse(PlaybookVectors.Example(example));

        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldBeEmpty();
        result.Valid.ShouldBeTrue();
    }

    [Fact]
    public void the_comparison_notices_a_changed_field()
    {
        var expected = JsonNode.Parse(PlaybookVectors.Expected("basic/minimal"))!;
        var actual = JsonSerializer.SerializeToNode(PlaybookParser.Parse(PlaybookVectors.Document("basic/minimal").Replace("Summarize\n", "Summarise\n")), Wire.Options);

        VectorComparison.Differences(expected, actual).ShouldHaveSingleItem().ShouldStartWith("$.definition.steps[0].title");
    }
}
