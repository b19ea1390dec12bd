using System.Text.Json;
using Promptmark.Api.Features.Connections.Schemas;

namespace Promptmark.Api.Tests.Connections;

public sealed class ToolArgumentsTests
{
    private static IReadOnlyList<string> Validate(string schema, string arguments) =>
        ToolArguments.Validate(JsonElement.Parse(schema), JsonElement.Parse(arguments)).Problems;

    [Theory]
    [InlineData("{}", """{"anything":[1,"two",{"three":null}]}""")]
    [InlineData("true", """{"x":1}""")]
    [InlineData("null", """{"x":1}""")]
    [InlineData("""{"type":"object"}""", "{}")]
    [InlineData("""{"type":"object","properties":{"message":{"type":"string"}},"required":["message"]}""", """{"message":"hi"}""")]
    [InlineData("""{"properties":{"a":{"type":"string","default":"x"}}}""", "{}")]
    [InlineData("""{"properties":{"a":false}}""", "{}")]
    [InlineData("""{"properties":{"a":{"type":["string","null"]}}}""", """{"a":null}""")]
    [InlineData("""{"properties":{"a":{"type":["string","null"]}}}""", """{"a":"text"}""")]
    [InlineData("""{"properties":{"a":{"type":"string","nullable":true}}}""", """{"a":null}""")]
    [InlineData("""{"properties":{"a":{"type":"string","enum":["x"],"nullable":true}}}""", """{"a":null}""")]
    [InlineData("""{"properties":{"n":{"type":"integer"}}}""", """{"n":1.0}""")]
    [InlineData("""{"properties":{"n":{"type":"integer"}}}""", """{"n":1e2}""")]
    [InlineData("""{"properties":{"n":{"type":"integer"}}}""", """{"n":-12345678901234567890}""")]
    [InlineData("""{"properties":{"n":{"type":"number"}}}""", """{"n":7}""")]
    [InlineData("""{"properties":{"n":{"type":"magic"}}}""", """{"n":"anything"}""")]
    [InlineData("""{"properties":{"n":{"type":["string","magic"]}}}""", """{"n":1}""")]
    [InlineData("""{"properties":{"n":{"type":[]}}}""", """{"n":1}""")]
    [InlineData("""{"properties":{"n":{"type":7}}}""", """{"n":1}""")]
    [InlineData("""{"properties":{"n":{"exclusiveMinimum":5}}}""", """{"n":5.01}""")]
    [InlineData("""{"properties":{"n":{"exclusiveMaximum":5}}}""", """{"n":4.99}""")]
    [InlineData("""{"properties":{"n":{"minimum":5,"exclusiveMinimum":true}}}""", """{"n":6}""")]
    [InlineData("""{"properties":{"n":{"minimum":5,"exclusiveMinimum":false}}}""", """{"n":5}""")]
    [InlineData("""{"properties":{"n":{"maximum":5,"exclusiveMaximum":false}}}""", """{"n":5}""")]
    [InlineData("""{"properties":{"n":{"minimum":1,"maximum":10}}}""", """{"n":10}""")]
    [InlineData("""{"properties":{"n":{"multipleOf":0.1}}}""", """{"n":0.3}""")]
    [InlineData("""{"properties":{"n":{"multipleOf":3}}}""", """{"n":-9}""")]
    [InlineData("""{"properties":{"n":{"enum":[1,2]}}}""", """{"n":1.0}""")]
    [InlineData("""{"properties":{"o":{"const":{"a":1,"b":[true,null]}}}}""", """{"o":{"b":[true,null],"a":1}}""")]
    [InlineData("""{"properties":{"s":{"minLength":"3","maxLength":-1}}}""", """{"s":""}""")]
    [InlineData("""{"properties":{"s":{"maxLength":2}}}""", """{"s":"😀😀"}""")]
    [InlineData("""{"properties":{"s":{"pattern":"b"}}}""", """{"s":"abc"}""")]
    [InlineData("""{"properties":{"s":{"pattern":"("}}}""", """{"s":"abc"}""")]
    [InlineData("""{"properties":{"s":{"minLength":5}}}""", """{"s":42}""")]
    [InlineData("""{"properties":{"s":{"format":"hostname"}}}""", """{"s":"not a host!!"}""")]
    [InlineData("""{"properties":{"s":{"format":"date-time"}}}""", """{"s":"2025-01-31T09:30:00.123+01:00"}""")]
    [InlineData("""{"properties":{"s":{"format":"date"}}}""", """{"s":"2024-02-29"}""")]
    [InlineData("""{"properties":{"s":{"format":"email"}}}""", """{"s":"ada@example.com"}""")]
    [InlineData("""{"properties":{"s":{"format":"uri"}}}""", """{"s":"https://example.com/a?b=c"}""")]
    [InlineData("""{"properties":{"s":{"format":"uuid"}}}""", """{"s":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""")]
    [InlineData("""{"properties":{"t":{"type":"array","prefixItems":[{"type":"string"},{"type":"number"}],"items":false}}}""", """{"t":["a",1]}""")]
    [InlineData("""{"properties":{"t":{"type":"array","items":[{"type":"string"}],"additionalItems":{"type":"number"}}}}""", """{"t":["a",1,2]}""")]
    [InlineData("""{"properties":{"t":{"type":"array","maxItems":2,"uniqueItems":true}}}""", """{"t":[1,"1"]}""")]
    [InlineData("""{"properties":{"a":{"type":"string"}},"additionalProperties":{"type":"number"}}""", """{"a":"x","b":2}""")]
    [InlineData("""{"patternProperties":{"^x_":{"type":"number"}},"additionalProperties":false}""", """{"x_1":1}""")]
    [InlineData("""{"$schema":"https://json-schema.org/draft/2020-12/schema","properties":{"p":{"$ref":"#/$defs/Point"}},"$defs":{"Point":{"type":"object","required":["x"]}}}""", """{"p":{"x":1}}""")]
    [InlineData("""{"properties":{"p":{"$ref":"#/$defs/Missing"}}}""", """{"p":"anything"}""")]
    [InlineData("""{"properties":{"p":{"$ref":"https://example.com/schema.json#/$defs/Point"}}}""", """{"p":"anything"}""")]
    [InlineData("""{"properties":{"p":{"$ref":"#anchor"}}}""", """{"p":"anything"}""")]
    [InlineData("""{"properties":{"p":{"$ref":42}}}""", """{"p":"anything"}""")]
    [InlineData("""{"$ref":"#"}""", """{"p":1}""")]
    [InlineData("""{"x-vendor":{"anything":true},"contentMediaType":"text/plain","properties":{"a":{"unknownKeyword":1}}}""", """{"a":1}""")]
    [InlineData("""{"properties":{"v":{"anyOf":[{"type":"string"},{"type":"number"}]}}}""", """{"v":3}""")]
    [InlineData("""{"properties":{"v":{"anyOf":[]}}}""", """{"v":3}""")]
    [InlineData("""{"properties":{"v":{"oneOf":[{"type":"string"},{"type":"number"}]}}}""", """{"v":"x"}""")]
    [InlineData("""{"properties":{"v":{"allOf":[{"type":"number"},{"minimum":1}]}}}""", """{"v":3}""")]
    [InlineData("""{"properties":{"v":{"not":{"type":"string"}}}}""", """{"v":3}""")]
    public void Accepts_valid_arguments(string schema, string arguments) =>
        Validate(schema, arguments).ShouldBeEmpty();

    [Theory]
    // required, types and the wording of each
    [InlineData("""{"type":"object","properties":{"message":{"type":"string"}},"required":["message"]}""", "{}", "message: is required")]
    [InlineData("""{"required":["b","a",7]}""", "{}", "b: is required", "a: is required")]
    [InlineData("""{"properties":{"count":{"type":"integer"}}}""", """{"count":3.5}""", "count: must be an integer")]
    [InlineData("""{"properties":{"count":{"type":"integer"}}}""", """{"count":"3"}""", "count: must be an integer")]
    [InlineData("""{"properties":{"s":{"type":"string"}}}""", """{"s":1}""", "s: must be a string")]
    [InlineData("""{"properties":{"n":{"type":"number"}}}""", """{"n":"1"}""", "n: must be a number")]
    [InlineData("""{"properties":{"b":{"type":"boolean"}}}""", """{"b":"true"}""", "b: must be a boolean")]
    [InlineData("""{"properties":{"o":{"type":"object"}}}""", """{"o":[]}""", "o: must be an object")]
    [InlineData("""{"properties":{"a":{"type":"array"}}}""", """{"a":{}}""", "a: must be an array")]
    [InlineData("""{"properties":{"z":{"type":"null"}}}""", """{"z":0}""", "z: must be null")]
    [InlineData("""{"properties":{"a":{"type":["string","null"]}}}""", """{"a":3}""", "a: must be a string or null")]
    [InlineData("""{"properties":{"a":{"type":["null","string","number"]}}}""", """{"a":true}""", "a: must be a string, a number or null")]
    [InlineData("""{"properties":{"a":{"type":"string","nullable":true}}}""", """{"a":3}""", "a: must be a string or null")]
    [InlineData("""{"properties":{"a":{"type":"string","minLength":5}}}""", """{"a":3}""", "a: must be a string")]
    // enum and const
    [InlineData("""{"properties":{"mode":{"type":"string","enum":["fast","slow"]}}}""", """{"mode":"medium"}""", "mode: must be one of \"fast\", \"slow\"")]
    [InlineData("""{"properties":{"level":{"enum":[1,2,null]}}}""", """{"level":3}""", "level: must be one of 1, 2, null")]
    [InlineData("""{"properties":{"mode":{"enum":["only"]}}}""", """{"mode":"other"}""", "mode: must be \"only\"")]
    [InlineData("""{"properties":{"n":{"enum":[1,2,3,4,5,6,7,8,9,10,11,12]}}}""", """{"n":0}""", "n: must be one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …")]
    [InlineData("""{"properties":{"kind":{"const":"circle"}}}""", """{"kind":"square"}""", "kind: must be \"circle\"")]
    [InlineData("""{"properties":{"flag":{"const":true}}}""", """{"flag":1}""", "flag: must be true")]
    // strings
    [InlineData("""{"properties":{"s":{"minLength":3}}}""", """{"s":"ab"}""", "s: must be at least 3 characters")]
    [InlineData("""{"properties":{"s":{"minLength":1}}}""", """{"s":""}""", "s: must be at least 1 character")]
    [InlineData("""{"properties":{"s":{"maxLength":3}}}""", """{"s":"abcd"}""", "s: must be at most 3 characters")]
    [InlineData("""{"properties":{"s":{"minLength":3}}}""", """{"s":"😀😀"}""", "s: must be at least 3 characters")]
    [InlineData("""{"properties":{"s":{"pattern":"^[a-z]+$"}}}""", """{"s":"Abc"}""", "s: must match the pattern ^[a-z]+$")]
    [InlineData("""{"properties":{"s":{"format":"date-time"}}}""", """{"s":"2025-01-31 09:30"}""", "s: must be a date-time (RFC 3339, e.g. 2025-01-31T09:30:00Z)")]
    [InlineData("""{"properties":{"s":{"format":"date-time"}}}""", """{"s":"2025-02-30T09:30:00Z"}""", "s: must be a date-time (RFC 3339, e.g. 2025-01-31T09:30:00Z)")]
    [InlineData("""{"properties":{"s":{"format":"date"}}}""", """{"s":"2023-02-29"}""", "s: must be a date (YYYY-MM-DD)")]
    [InlineData("""{"properties":{"s":{"format":"email"}}}""", """{"s":"Ada <ada@example.com>"}""", "s: must be an email address")]
    [InlineData("""{"properties":{"s":{"format":"email"}}}""", """{"s":"no-at-sign"}""", "s: must be an email address")]
    [InlineData("""{"properties":{"s":{"format":"uri"}}}""", """{"s":"/relative/path"}""", "s: must be an absolute URI")]
    [InlineData("""{"properties":{"s":{"format":"uuid"}}}""", """{"s":"not-a-uuid"}""", "s: must be a UUID")]
    // numbers, both forms of exclusive bounds
    [InlineData("""{"properties":{"n":{"minimum":1}}}""", """{"n":0}""", "n: must be at least 1")]
    [InlineData("""{"properties":{"n":{"maximum":10.5}}}""", """{"n":11}""", "n: must be at most 10.5")]
    [InlineData("""{"properties":{"n":{"exclusiveMinimum":5}}}""", """{"n":5}""", "n: must be greater than 5")]
    [InlineData("""{"properties":{"n":{"exclusiveMaximum":10}}}""", """{"n":10}""", "n: must be less than 10")]
    [InlineData("""{"properties":{"n":{"minimum":5,"exclusiveMinimum":true}}}""", """{"n":5}""", "n: must be greater than 5")]
    [InlineData("""{"properties":{"n":{"maximum":10,"exclusiveMaximum":true}}}""", """{"n":10}""", "n: must be less than 10")]
    [InlineData("""{"properties":{"n":{"minimum":0,"maximum":1}}}""", """{"n":-1}""", "n: must be at least 0")]
    [InlineData("""{"properties":{"n":{"multipleOf":0.5}}}""", """{"n":1.2}""", "n: must be a multiple of 0.5")]
    [InlineData("""{"properties":{"n":{"multipleOf":0.01}}}""", """{"n":0.015}""", "n: must be a multiple of 0.01")]
    // arrays
    [InlineData("""{"properties":{"tags":{"minItems":2}}}""", """{"tags":["a"]}""", "tags: must have at least 2 items")]
    [InlineData("""{"properties":{"tags":{"maxItems":1}}}""", """{"tags":["a","b"]}""", "tags: must have at most 1 item")]
    [InlineData("""{"properties":{"tags":{"uniqueItems":true}}}""", """{"tags":["a","b","a"]}""", "tags: must not contain duplicates (tags[2] repeats tags[0])")]
    [InlineData("""{"properties":{"tags":{"uniqueItems":true}}}""", """{"tags":[{"a":1,"b":2},{"b":2,"a":1}]}""", "tags: must not contain duplicates (tags[1] repeats tags[0])")]
    [InlineData("""{"properties":{"tags":{"items":{"type":"string"}}}}""", """{"tags":["a",2,"c",false]}""", "tags[1]: must be a string", "tags[3]: must be a string")]
    [InlineData("""{"properties":{"pair":{"prefixItems":[{"type":"string"},{"type":"number"}]}}}""", """{"pair":["a","b"]}""", "pair[1]: must be a number")]
    [InlineData("""{"properties":{"pair":{"prefixItems":[{"type":"string"}],"items":false}}}""", """{"pair":["a","b"]}""", "pair[1]: is not allowed")]
    [InlineData("""{"properties":{"pair":{"prefixItems":[{"type":"string"}],"items":{"type":"integer"}}}}""", """{"pair":["a",1,"c"]}""", "pair[2]: must be an integer")]
    [InlineData("""{"properties":{"pair":{"items":[{"type":"string"}],"additionalItems":false}}}""", """{"pair":["a",1]}""", "pair[1]: is not allowed")]
    [InlineData("""{"properties":{"pair":{"items":[{"type":"string"},{"type":"boolean"}]}}}""", """{"pair":[1,"x",3]}""", "pair[0]: must be a string", "pair[1]: must be a boolean")]
    // objects
    [InlineData("""{"properties":{"a":{}},"additionalProperties":false}""", """{"a":1,"extra":2}""", "extra: is not allowed")]
    [InlineData("""{"properties":{"a":{}},"additionalProperties":{"type":"string"}}""", """{"a":1,"extra":2}""", "extra: must be a string")]
    [InlineData("""{"patternProperties":{"^x_":{"type":"number"}},"additionalProperties":false}""", """{"x_1":"one","y":2}""", "x_1: must be a number", "y: is not allowed")]
    [InlineData("""{"minProperties":1}""", "{}", "arguments: must have at least 1 property")]
    [InlineData("""{"maxProperties":1}""", """{"a":1,"b":2}""", "arguments: must have at most 1 property")]
    [InlineData("""{"properties":{"o":{"type":"object","minProperties":2}}}""", """{"o":{"a":1}}""", "o: must have at least 2 properties")]
    [InlineData("false", "{}", "arguments: is not allowed")]
    // paths: nesting, arrays, names that are not plain identifiers
    [InlineData("""{"properties":{"items":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string","maxLength":10}}}}}}""",
        """{"items":[{"name":"ok"},{"name":"fine"},{"name":"far too long a name"}]}""", "items[2].name: must be at most 10 characters")]
    [InlineData("""{"properties":{"a":{"properties":{"b":{"items":{"required":["c"]}}}}}}""", """{"a":{"b":[{"c":1},{}]}}""", "a.b[1].c: is required")]
    [InlineData("""{"properties":{"matrix":{"items":{"items":{"type":"integer"}}}}}""", """{"matrix":[[1],[2,"x"]]}""", "matrix[1][1]: must be an integer")]
    [InlineData("""{"required":["my key"]}""", "{}", "[\"my key\"]: is required")]
    [InlineData("""{"properties":{"o":{"required":["a.b","_ok-1"]}}}""", """{"o":{}}""", "o[\"a.b\"]: is required", "o._ok-1: is required")]
    // $ref
    [InlineData("""{"$schema":"https://json-schema.org/draft/2020-12/schema","properties":{"p":{"$ref":"#/$defs/Point"}},"$defs":{"Point":{"type":"object","properties":{"x":{"type":"number"}},"required":["x","y"]}}}""",
        """{"p":{"x":"1"}}""", "p.y: is required", "p.x: must be a number")]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"n":{"$ref":"#/definitions/Positive"}},"definitions":{"Positive":{"type":"integer","exclusiveMinimum":0}}}""",
        """{"n":0}""", "n: must be greater than 0")]
    [InlineData("""{"properties":{"a":{"type":"string","maxLength":2},"b":{"$ref":"#/properties/a"}}}""", """{"b":"abc"}""", "b: must be at most 2 characters")]
    [InlineData("""{"properties":{"p":{"$ref":"#/$defs/a~1b%20c~0"}},"$defs":{"a/b c~":{"properties":{"c d":{"type":"string"}}}}}""",
        """{"p":{"c d":1}}""", "p[\"c d\"]: must be a string")]
    [InlineData("""{"properties":{"p":{"$ref":"#/$defs/list/1"}},"$defs":{"list":[{},{"type":"boolean"}]}}""", """{"p":1}""", "p: must be a boolean")]
    [InlineData("""{"properties":{"n":{"$ref":"#/$defs/Int","minimum":5}},"$defs":{"Int":{"type":"integer"}}}""", """{"n":4}""", "n: must be at least 5")]
    [InlineData("""{"type":"object","properties":{"n":{"type":"integer"},"child":{"$ref":"#"}}}""", """{"child":{"child":{"n":"deep"}}}""", "child.child.n: must be an integer")]
    // combinators
    [InlineData("""{"properties":{"name":{"anyOf":[{"type":"string","maxLength":3},{"type":"null"}]}}}""", """{"name":"abcd"}""", "name: must be at most 3 characters")]
    [InlineData("""{"properties":{"name":{"anyOf":[{"type":"string"},{"type":"null"}]}}}""", """{"name":5}""", "name: must be a string or null")]
    [InlineData("""{"properties":{"shape":{"anyOf":[{"type":"object","properties":{"kind":{"const":"circle"},"r":{"type":"number"}},"required":["kind","r"]},{"type":"object","properties":{"kind":{"const":"square"},"side":{"type":"number"}},"required":["kind","side"]}]}}}""",
        """{"shape":{"kind":"square","side":"2"}}""", "shape.side: must be a number")]
    [InlineData("""{"properties":{"shape":{"anyOf":[{"type":"object","required":["a"]},{"type":"object","required":["b"]}]}}}""", """{"shape":{}}""", "shape: must match one of the allowed shapes")]
    [InlineData("""{"properties":{"v":{"oneOf":[{"type":"number"},{"type":"integer"}]}}}""", """{"v":1}""", "v: must match exactly one of the allowed shapes, but matches 2")]
    [InlineData("""{"properties":{"v":{"oneOf":[{"type":"number"},{"type":"boolean"}]}}}""", """{"v":"x"}""", "v: must be a number or a boolean")]
    [InlineData("""{"properties":{"v":{"allOf":[{"minimum":2},{"multipleOf":2}]}}}""", """{"v":1}""", "v: must be at least 2", "v: must be a multiple of 2")]
    [InlineData("""{"properties":{"v":{"not":{"type":"string"}}}}""", """{"v":"x"}""", "v: must not match the excluded schema")]
    [InlineData("""{"anyOf":[{"required":["a"]},{"required":["b"]}]}""", "{}", "arguments: must match one of the allowed shapes")]
    // order: required first, then properties in schema order, then the rest in argument order
    [InlineData("""{"properties":{"b":{"type":"string"},"a":{"type":"string"}},"required":["c"],"additionalProperties":false}""",
        """{"z":1,"a":1,"b":2}""", "c: is required", "b: must be a string", "a: must be a string", "z: is not allowed")]
    public void Names_each_problem_with_its_field(string schema, string arguments, params string[] expected) =>
        Validate(schema, arguments).ShouldBe(expected);

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("42")]
    public void Arguments_that_are_not_an_object_are_one_error(string arguments) =>
        Validate("{}", arguments).ShouldBe(["arguments: must be a JSON object"]);

    [Fact]
    public void An_absent_schema_accepts_any_object() =>
        ToolArguments.Validate(default, JsonElement.Parse("""{"a":1}""")).Valid.ShouldBeTrue();

    [Fact]
    public void Errors_are_capped()
    {
        var arguments = "{" + string.Join(",", Enumerable.Range(0, 50).Select(i => $"\"p{i}\":1")) + "}";

        var errors = Validate("""{"additionalProperties":{"type":"string"}}""", arguments);

        errors.Count.ShouldBe(ToolArguments.MaxErrors);
        errors[0].ShouldBe("p0: must be a string");
        errors[^1].ShouldBe("p19: must be a string");
    }

    [Theory]
    [InlineData("""{"$ref":"#"}""")]
    [InlineData("""{"$ref":"#/$defs/a","$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}}}""")]
    [InlineData("""{"anyOf":[{"$ref":"#"},{"$ref":"#"}]}""")]
    [InlineData("""{"allOf":[{"$ref":"#"},{"$ref":"#"},{"$ref":"#"}]}""")]
    [InlineData("""{"oneOf":[{"$ref":"#"},{"not":{"$ref":"#"}}]}""")]
    [InlineData("""{"properties":{"a":{"$ref":"#"}},"additionalProperties":{"$ref":"#"}}""")]
    public void Self_referencing_schemas_end_quickly(string schema)
    {
        Should.NotThrow(() => Validate(schema, """{"a":{"a":{"a":{"b":1}}}}"""));
    }

    [Fact]
    public void A_schema_that_fans_out_exponentially_stops_at_the_budget_as_too_complex()
    {
        // 25 levels stay within the nesting limit; their 2^25 paths do not stay within the step budget.
        var levels = Enumerable.Range(0, 25).Select(i => $"\"d{i}\":{{\"anyOf\":[{{\"$ref\":\"#/$defs/d{i + 1}\"}},{{\"$ref\":\"#/$defs/d{i + 1}\"}}]}}");
        var schema = """{"$ref":"#/$defs/d0","$defs":{""" + string.Join(",", levels) + ""","d25":{"type":"string"}}}""";

        HostileSchemaTests.ShouldStopAtTheBudget(ToolArguments.Validate(JsonElement.Parse(schema), JsonElement.Parse("{}")));
    }

    [Fact]
    public void Deeply_nested_arguments_do_not_overflow_the_stack_and_are_too_complex_to_check()
    {
        var arguments = string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000);
        var document = JsonDocument.Parse(arguments, new JsonDocumentOptions { MaxDepth = 10_000 });

        var check = ToolArguments.Validate(JsonElement.Parse("""{"properties":{"a":{"$ref":"#"}}}"""), document.RootElement);

        check.TooComplex.ShouldBeTrue();
        check.Valid.ShouldBeFalse();
    }
}
