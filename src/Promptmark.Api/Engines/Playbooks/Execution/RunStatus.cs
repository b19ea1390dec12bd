namespace Promptmark.Api.Engines.Playbooks.Execution;

/// <summary>The states of a run and of its steps (spec/execution.md, "State Machine").</summary>
public static class RunStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Paused = "paused";
    public const string AwaitingInput = "awaiting_input";
    public const string Expired = "expired";
    public const string Skipped = "skipped";

    /// <summary>The run waits for nothing but a person (or is over): an execute call may answer.</summary>
    public static bool AtRest(string status) => status != Running;

    /// <summary>Paused or awaiting input: the states that expire.</summary>
    public static bool Waiting(string status) => status is Paused or AwaitingInput;

    public static bool Over(string status) => status is Completed or Failed or Cancelled or Expired;
}
