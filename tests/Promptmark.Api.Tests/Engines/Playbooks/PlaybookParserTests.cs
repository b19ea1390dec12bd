using Promptmark.Api.Engines.Playbooks;

namespace Promptmark.Api.Tests.Engines.Playbooks;

/// <summary>What the vectors leave open: where diagnostics point, and documents a parser must survive.</summary>
public sealed class PlaybookParserTests
{
    [Fact]
    public void a_duplicate_input_is_fatal_and_points_at_the_name()
    {
        var result = PlaybookParser.Parse("# T\n\n## INPUTS\n\n- `topic` (string): a\n  - `topic` (text): b\n\n## STEP 1: Go\n\nx");

        result.Valid.ShouldBeFalse();
        result.Definition.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().ShouldBe(new PlaybookDiagnostic(6, 6, "Duplicate input name \"topic\""));
    }

    [Fact]
    public void every_fatal_error_is_reported_with_a_line_and_column()
    {
        var result = PlaybookParser.Parse("just text\n");

        result.Errors.Select(e => e.Message).ShouldBe([PlaybookParser.NoTitle, PlaybookParser.NoSteps]);
        result.Errors.ShouldAllBe(e => e.Line == 1 && e.Column == 1);
    }

    [Fact]
    public void a_heading_inside_a_fenced_block_is_text()
    {
        var result = PlaybookParser.Parse("# T\n\n## STEP 1: Show\n\n```markdown\n## STEP 2: Not a step\n@output(not_a_directive)\n```\n");

        var step = result.Definition!.Steps.ShouldHaveSingleItem();
        step.OutputVar.ShouldBe("");
        step.Content.ShouldContain("## STEP 2: Not a step");
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void an_undeclared_branch_variable_is_a_warning_at_the_variable()
    {
        var result = PlaybookParser.Parse("# T\n\n## STEP 1: Route\n\n  ```if mood == \"happy\"```\n\n### STEP 1a: Yes\n\nSmile.\n\n```endif```\n");

        result.Valid.ShouldBeTrue();
        result.Definition!.Steps[0].Branches!.ShouldHaveSingleItem().Condition!.Source.ShouldBe("undeclared");
        result.Warnings.ShouldHaveSingleItem().ShouldBe(new PlaybookDiagnostic(5, 9,
            "Undeclared branch variable \"mood\": declare it in ## INPUTS or capture it with @output in an earlier step"));
    }

    [Fact]
    public void an_output_of_an_earlier_step_is_a_declared_branch_variable()
    {
        var result = PlaybookParser.Parse("# T\n\n## STEP 1: Classify\n\nx\n\n@output(kind)\n\n## STEP 2: Route\n\n```if kind == \"bug\"```\n\n### STEP 2a: Fix\n\nFix.\n\n```endif```\n");

        result.Warnings.ShouldBeEmpty();
        result.Definition!.Steps[1].Branches![0].Condition!.Source.ShouldBe("step_output");
        result.Definition.OutputVars().ShouldBe(["kind"]);
    }

    [Fact]
    public void an_unclosed_branch_block_and_a_malformed_directive_are_warnings_and_the_directive_leaves_the_text()
    {
        var result = PlaybookParser.Parse("# T\n\n## INPUTS\n\n- `a` (string)\n\n## STEP 1: S\n\nKeep.\n@output(bad name)\n```if a == \"x\"```\n### STEP 1a: Y\n\nY.\n");

        result.Definition!.Steps[0].Content.ShouldBe("Keep.");
        result.Warnings.Select(w => (w.Line, w.Message[..20])).ShouldBe([(10, "Malformed @output di"), (11, "This ```if``` block ")]);
    }

    [Fact]
    public void a_step_number_too_large_for_an_integer_is_reported_not_thrown()
    {
        var result = PlaybookParser.Parse("# T\n\n## STEP 99999999999999999999: Huge\n\nx\n\n## STEP 1: Fine\n\ny");

        result.Definition!.Steps.ShouldHaveSingleItem().Title.ShouldBe("Fine");
        result.Warnings.ShouldHaveSingleItem().Message.ShouldContain("too large");
    }

    [Fact]
    public void a_document_over_200_000_bytes_is_refused()
    {
        var result = PlaybookParser.Parse("# T\n\n## STEP 1: S\n\n" + new string('é', 100_000));

        result.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Document exceeds 200,000 bytes");
    }

    [Fact]
    public void tool_calls_take_quoted_connection_names_and_keep_the_json_as_written()
    {
        var result = PlaybookParser.Parse("# T\n\n## STEP 1: Fetch\n\n@tool(\"My, Server\", search, {\"q\": \"a, b\"})\n");

        result.Definition!.Steps[0].ToolCall.ShouldBe(new ToolCall("My, Server", "search", "{\"q\": \"a, b\"}"));
    }

    [Fact]
    public void an_unknown_prompt_scheme_or_an_escaping_file_path_is_ignored_with_a_warning()
    {
        var result = PlaybookParser.Parse("# T\n\n## STEP 1: A\n\n@prompt(ftp:x)\n\n## STEP 2: B\n\n@prompt(file:../secrets.md)\n\n## STEP 3: C\n\n@prompt(mcp:server/review)\n");

        result.Definition!.Steps.Select(s => s.PromptRef?.PromptId).ShouldBe([null, null, "mcp:server/review"]);
        result.Warnings.Select(w => w.Line).ShouldBe([5, 9]);
    }
}
