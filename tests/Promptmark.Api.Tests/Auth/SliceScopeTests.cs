using Promptmark.Api.Infrastructure.Auth;
using Promptmark.Api.Infrastructure.Slices;

namespace Promptmark.Api.Tests.Auth;

/// <summary>Every slice declares one of the three scopes, and the declaration agrees with what the binding says it does.</summary>
public sealed class SliceScopeTests
{
    private static readonly IReadOnlyList<SliceDescriptor> Slices = SliceCatalog.Instance.Slices;

    [Fact]
    public void every_slice_needs_one_of_the_three_scopes()
    {
        Slices.Where(s => !AccessScope.All.Contains(s.Binding.Scope)).Select(s => s.Request.Name).ShouldBeEmpty();
    }

    [Fact]
    public void every_read_only_tool_and_every_get_needs_read()
    {
        Slices.Where(s => s.Binding.Hints?.ReadOnly == true || s.Binding.Verb == "GET")
            .Where(s => s.Binding.Scope != AccessScope.Read).Select(s => s.Request.Name).ShouldBeEmpty();
    }

    [Fact]
    public void what_runs_a_remote_tool_or_a_model_needs_execute()
    {
        Slices.Where(s => s.Binding.Scope == AccessScope.Execute).Select(s => s.Binding.Tool ?? s.Request.Name)
            .ShouldBe(["TestMcpConnection", "ExecuteMcpTool", "refresh_mcp_tools", "StartOAuthSignIn", "CompleteOAuthSignIn", "AnswerToolQuestion",
                "DecideToolCall", "AnswerElicitation", "send_message",
                "execute_playbook", "resume_playbook_execution", "respond_to_elicitation", "CancelPlaybookExecution", "RetryPlaybookExecution"], ignoreOrder: true);
    }

    [Fact]
    public void a_change_needs_write()
    {
        Slices.Where(s => s.Binding.Hints is { ReadOnly: false, OpenWorld: false }).Where(s => s.Binding.Scope != AccessScope.Write)
            .Select(s => s.Request.Name).ShouldBeEmpty();
    }
}
